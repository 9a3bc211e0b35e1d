import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The build steps of the release archives (docs/install.md) that no plugin in the build does, run
 * by pom.xml (executions release-prepare and release-checksums) with the JDK's source launcher:
 *
 * <pre>
 * java Release.java prepare OUT VERSION MODULES RUNTIME   (prepare-package)
 * java Release.java checksums OUT                         (package, after the archives are made)
 * </pre>
 *
 * {@code prepare} writes OUT/version (read by bin/formation), OUT/THIRD-PARTY.txt and the jlink
 * runtime OUT/runtime. THIRD-PARTY.txt names every library bundled into lib/formation.jar with the
 * licence its Maven pom (or the nearest parent pom that has one) declares, including libraries a
 * dependency's jar carries inside itself (with their pom under META-INF/maven/), read from
 * OUT/dependencies.txt, the output of maven-dependency-plugin:list with absolute file names. Test
 * dependencies are left out; the one provided dependency, picocli, is bundled too (compiled from
 * its sources into the jar). A library without any declared licence fails the build: the file must
 * never be silently incomplete. The runtime, when RUNTIME is {@code true} (the build's linux-x64
 * profile), is made by the jlink of the JDK running this program, and again only when that JDK or
 * the module list changed; otherwise a runtime left from an earlier build is removed.
 *
 * <p>{@code checksums} writes NAME.sha256 beside each OUT/../formation-*.tar.gz, in the format of
 * {@code sha256sum} (so {@code sha256sum -c NAME.sha256} checks it).
 */
public final class Release {
  record Artifact(String group, String id, String version, Path jar) {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    if (args[0].equals("checksums")) {
      checksums(out.getParent());
      return;
    }
    String version = args[2];
    Files.createDirectories(out);
    Files.writeString(out.resolve("version"), version + "\n", StandardCharsets.UTF_8);
    Files.writeString(out.resolve("THIRD-PARTY.txt"), thirdParty(out, version));
    if (args[4].equals("true")) {
      runtime(out, args[3]);
    } else {
      Files.deleteIfExists(out.resolve("runtime.key"));
      delete(out.resolve("runtime"));
    }
  }

  private static void runtime(Path out, String modules) throws Exception {
    Path runtime = out.resolve("runtime");
    Path key = out.resolve("runtime.key");
    String home = System.getProperty("java.home");
    String made = home + " " + modules + "\n";
    Path jdkModules = Path.of(home, "lib", "modules");
    if (Files.isRegularFile(key)
        && Files.readString(key).equals(made)
        && Files.isDirectory(runtime)
        && Files.getLastModifiedTime(key).compareTo(Files.getLastModifiedTime(jdkModules)) > 0) {
      return;
    }
    Files.deleteIfExists(key);
    delete(runtime);
    ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
    int status =
        jlink.run(
            System.out,
            System.err,
            "--add-modules",
            modules,
            "--strip-debug",
            "--no-man-pages",
            "--no-header-files",
            "--compress=2",
            "--output",
            runtime.toString());
    if (status != 0) {
      throw new IllegalStateException("jlink failed with exit code " + status);
    }
    Files.writeString(key, made);
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void checksums(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path archive : files.filter(Release::isArchive).toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(archive)) {
          byte[] buffer = new byte[1 << 16];
          for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
          }
        }
        String name = archive.getFileName().toString();
        Files.writeString(
            dir.resolve(name + ".sha256"),
            HexFormat.of().formatHex(sha.digest()) + "  " + name + "\n",
            StandardCharsets.UTF_8);
      }
    }
  }

  private static boolean isArchive(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith("formation-") && name.endsWith(".tar.gz");
  }

  private static String thirdParty(Path out, String version) throws Exception {
    List<Artifact> artifacts = new ArrayList<>();
    for (String line :
        Files.readAllLines(out.resolve("dependencies.txt"), StandardCharsets.UTF_8)) {
      String entry = line.strip().replaceFirst(" -- module .*$", "");
      int path = entry.indexOf(":/");
      if (path < 0) {
        continue; // the plugin's heading and blank lines
      }
      String[] f = entry.substring(0, path).split(":");
      String scope = f[f.length - 1];
      if (scope.equals("test") || scope.equals("system")) {
        continue;
      }
      artifacts.add(new Artifact(f[0], f[1], f[f.length - 2], Path.of(entry.substring(path + 1))));
    }
    StringBuilder list = new StringBuilder();
    int count = 0;
    for (Artifact a : artifacts) {
      Path repository = repositoryOf(a);
      Path pom = pomPath(repository, a.group(), a.id(), a.version());
      describe(list, a.group() + ":" + a.id() + ":" + a.version(), "", root(pom), repository);
      count++;
      // libraries a jar carries inside itself (Netty's common jar holds JCTools)
      try (ZipFile jar = new ZipFile(a.jar().toFile())) {
        for (ZipEntry e : jar.stream().filter(Release::isEmbeddedPom).toList()) {
          String[] path = e.getName().split("/"); // META-INF/maven/GROUP/ID/pom.xml
          if (path[2].equals(a.group()) && path[3].equals(a.id())) {
            continue;
          }
          Properties props = new Properties();
          try (InputStream in =
              jar.getInputStream(jar.getEntry(e.getName().replace("pom.xml", "pom.properties")))) {
            props.load(in);
          }
          try (InputStream in = jar.getInputStream(e)) {
            String coordinates = path[2] + ":" + path[3] + ":" + props.getProperty("version");
            String inside = " inside " + a.group() + ":" + a.id();
            describe(list, coordinates, inside, root(in), repository);
            count++;
          }
        }
      }
    }
    return "formation "
        + version
        + " is licensed under the Apache License, Version 2.0 (LICENSE).\n\n"
        + "lib/formation.jar bundles these "
        + count
        + " libraries, each under the licence its Maven pom declares\n"
        + "(where a library ships LICENSE or NOTICE files, the jar keeps them under META-INF/):\n"
        + list;
  }

  private static boolean isEmbeddedPom(ZipEntry e) {
    return e.getName().matches("META-INF/maven/[^/]+/[^/]+/pom\\.xml");
  }

  private static void describe(
      StringBuilder text, String coordinates, String inside, Element project, Path repository)
      throws Exception {
    String name = text(project, "name");
    String url = text(project, "url");
    text.append("\n")
        .append(coordinates)
        .append(name.isEmpty() ? "" : " (" + name + ")")
        .append(inside)
        .append('\n');
    if (!url.isEmpty()) {
      text.append("  ").append(url).append('\n');
    }
    for (String licence : licences(repository, project, coordinates)) {
      text.append("  licence: ").append(licence).append('\n');
    }
  }

  /** The licences a pom declares, else those of its nearest parent that declares some. */
  private static List<String> licences(Path repository, Element project, String coordinates)
      throws Exception {
    List<String> licences = declared(project);
    while (licences.isEmpty()) {
      Element parent = child(project, "parent");
      if (parent == null) {
        throw new IllegalStateException("no licence declared for " + coordinates + " nor parents");
      }
      project =
          root(
              pomPath(
                  repository,
                  text(parent, "groupId"),
                  text(parent, "artifactId"),
                  text(parent, "version")));
      licences = declared(project);
    }
    return licences;
  }

  private static Path repositoryOf(Artifact a) {
    Path dir = a.jar().getParent(); // REPOSITORY/group/as/folders/id/version
    int depth = a.group().split("\\.").length + 2;
    for (int i = 0; i < depth; i++) {
      dir = dir.getParent();
    }
    return dir;
  }

  private static Path pomPath(Path repository, String group, String id, String version) {
    return repository
        .resolve(group.replace('.', '/'))
        .resolve(id)
        .resolve(version)
        .resolve(id + "-" + version + ".pom");
  }

  private static List<String> declared(Element project) {
    List<String> licences = new ArrayList<>();
    Element list = child(project, "licenses");
    if (list != null) {
      for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element licence && licence.getTagName().equals("license")) {
          String url = text(licence, "url");
          licences.add(text(licence, "name") + (url.isEmpty() ? "" : " <" + url + ">"));
        }
      }
    }
    return licences;
  }

  private static Element root(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IOException("pom not in the local repository: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return root(in);
    }
  }

  private static Element root(InputStream pom) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom).getDocumentElement();
  }

  private static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().strip().replaceAll("\\s+", " ");
  }
}
