package dev.formation.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (Debian's {@code /usr/lib/postgresql/N/bin}) in a temporary folder on a free
 * loopback port, with a password, started by a test and stopped after it. As root, where initdb and
 * postgres refuse to run, it runs them as the {@code postgres} user (runuser) in a folder that user
 * owns.
 */
public final class PostgresServer implements AutoCloseable {
  /** The superuser's password, which a URL carries and no message may show. */
  public static final String PASSWORD = "pg-s3cret-Pw";

  private final Path bin;
  private final Path dir;
  private final int port;

  private PostgresServer(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** Starts one, or skips the test where PostgreSQL is missing (fails it on CI). */
  public static PostgresServer start() throws IOException {
    Path bin = ServerBinaries.require(binaries(), "postgresql").getParent();
    Path dir = Files.createTempDirectory(base(), "formation-pg");
    Path data = dir.resolve("data");
    Path pwfile = dir.resolve("pw");
    Files.writeString(pwfile, PASSWORD + "\n");
    if (ServerBinaries.root()) {
      run(List.of("chown", "-R", "postgres:", dir.toString()), false);
    }
    int port = Ports.free();
    PostgresServer server = new PostgresServer(bin, dir, port);
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "--auth=scram-sha-256",
            "--pwfile=" + pwfile,
            "--no-sync",
            "--encoding=UTF8"),
        true);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("pg.log").toString(),
            "-w",
            "-t",
            "30",
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "start"),
        true);
    return server;
  }

  /**
   * Where the server's folder goes: the temp folder, or as root the first of the usual temp folders
   * the {@code postgres} user can reach (a root-only {@code /tmp} is not one).
   */
  private static Path base() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    if (!ServerBinaries.root()) {
      return tmp;
    }
    for (Path candidate : List.of(tmp, Path.of("/var/tmp"), Path.of("/dev/shm"))) {
      try {
        run(List.of("test", "-d", candidate.toString(), "-a", "-w", candidate.toString()), true);
        return candidate;
      } catch (IOException notThisOne) {
        // try the next one
      }
    }
    throw new IOException("no temp folder the postgres user can write to");
  }

  /** Debian's newest initdb, if installed. */
  private static Optional<Path> binaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin/initdb"))
          .filter(Files::isExecutable)
          .max(
              Comparator.comparing(
                  p ->
                      Integer.parseInt(
                          p.getParent()
                              .getParent()
                              .getFileName()
                              .toString()
                              .replaceAll("\\D", "0"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public int port() {
    return port;
  }

  /** Heroku's form of the URL, with the password. */
  public String url() {
    return "postgres://postgres:" + PASSWORD + "@127.0.0.1:" + port + "/postgres";
  }

  /** Runs SQL statements as the superuser. */
  public void execute(String... sql) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    props.setProperty("password", PASSWORD);
    try (Connection c =
            new org.postgresql.Driver()
                .connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  private static void run(List<String> command, boolean asPostgres) throws IOException {
    List<String> full = new ArrayList<>();
    if (asPostgres && ServerBinaries.root()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          true);
    } catch (IOException ignored) {
      // already stopped
    }
    ServerBinaries.deleteTree(dir);
  }
}
