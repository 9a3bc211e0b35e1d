package dev.formation.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One git repository with a work tree, opened from a folder inside it: refs, the merge base with
 * the upstream branch, and the state of the formation files in the work tree.
 */
public final class GitRepo implements AutoCloseable {
  private final Repository repo;
  private final Path workTree;

  private GitRepo(Repository repo, Path workTree) {
    this.repo = repo;
    this.workTree = workTree;
  }

  /** Opens the repository whose work tree holds {@code dir}. */
  public static GitRepo open(Path dir) throws GitException {
    Path start = dir.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile());
    if (builder.getGitDir() == null) {
      throw new GitException(start + " is not inside a git repository");
    }
    try {
      Repository repo = builder.setMustExist(true).build();
      File top;
      try {
        top = repo.getWorkTree();
      } catch (NoWorkTreeException e) {
        repo.close();
        throw new GitException(builder.getGitDir() + " is a bare repository, with no work tree");
      }
      return new GitRepo(repo, real(top.toPath().toAbsolutePath().normalize()));
    } catch (IOException e) {
      throw new GitException(
          "cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
    }
  }

  public Path workTree() {
    return workTree;
  }

  Repository repository() {
    return repo;
  }

  /**
   * The full id of the commit a branch, tag, commit id or expression such as {@code HEAD~2} names.
   */
  public String commitId(String rev) throws GitException {
    return resolve(rev).name();
  }

  ObjectId resolve(String rev) throws GitException {
    ObjectId id;
    try {
      id = repo.resolve(rev + "^{commit}");
    } catch (RevisionSyntaxException | IOException e) {
      throw new GitException("unknown git ref `" + rev + "`: " + e.getMessage(), e);
    }
    if (id == null && rev.startsWith("HEAD") && headId() == null) {
      throw new GitException(
          "`"
              + rev
              + "` names no commit: the repository has no commit yet; commit the formation"
              + " files first");
    }
    if (id == null) {
      throw new GitException(
          "unknown git ref `" + rev + "`: no branch, tag or commit has that name");
    }
    return id;
  }

  /** The full id of HEAD's commit, or {@code null} in a repository with no commit yet. */
  public String headId() throws GitException {
    try {
      ObjectId head = repo.resolve("HEAD^{commit}");
      return head == null ? null : head.name();
    } catch (IOException e) {
      throw new GitException("cannot read HEAD: " + e.getMessage(), e);
    }
  }

  /**
   * The default base of {@code formation diff}: the merge base of HEAD with the repository's
   * default branch ({@code origin/HEAD}, else {@code origin/main}, {@code origin/master}, {@code
   * main}, {@code master}), else with the branch's upstream, else HEAD itself. So a branch shows
   * every change it makes against the branch it will be merged into, committed or not. The label
   * names the refs compared, for the heading and diagnostics.
   */
  public Revision defaultBase() throws GitException {
    ObjectId head = resolve("HEAD");
    String base = defaultBranch();
    if (base == null) {
      base = upstream();
    }
    if (base == null) {
      return new Revision("HEAD", head.name());
    }
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(head));
      walk.markStart(walk.parseCommit(resolve(base)));
      RevCommit mergeBase = walk.next();
      if (mergeBase == null || mergeBase.equals(head)) {
        return new Revision("HEAD", head.name());
      }
      return new Revision(
          mergeBase.abbreviate(7).name() + " (the merge base of HEAD and " + base + ")",
          mergeBase.name());
    } catch (IOException e) {
      throw new GitException("cannot find the merge base with " + base + ": " + e.getMessage(), e);
    }
  }

  /**
   * The branch changes are merged into, as a short ref name, or {@code null} when none is found.
   */
  private String defaultBranch() throws GitException {
    try {
      Ref originHead = repo.exactRef("refs/remotes/origin/HEAD");
      if (originHead != null && originHead.isSymbolic() && originHead.getObjectId() != null) {
        return Repository.shortenRefName(originHead.getTarget().getName())
            .replaceFirst("^remotes/", "");
      }
      for (String candidate :
          List.of(
              "refs/remotes/origin/main",
              "refs/remotes/origin/master",
              "refs/heads/main",
              "refs/heads/master")) {
        Ref ref = repo.exactRef(candidate);
        if (ref != null && ref.getObjectId() != null) {
          return Repository.shortenRefName(candidate);
        }
      }
      return null;
    } catch (IOException e) {
      throw new GitException("cannot read the branches of the repository: " + e.getMessage(), e);
    }
  }

  /** A commit as the user named it ({@code label}) and its full id. */
  public record Revision(String label, String id) {}

  private String upstream() throws GitException {
    try {
      String branch = repo.getBranch();
      String tracking =
          branch == null ? null : new BranchConfig(repo.getConfig(), branch).getTrackingBranch();
      return tracking != null && repo.resolve(tracking) != null ? tracking : null;
    } catch (IOException e) {
      throw new GitException("cannot read the current branch: " + e.getMessage(), e);
    }
  }

  /** The path of {@code file} inside the work tree, with forward slashes. */
  public String repoPath(Path file) throws GitException {
    Path abs = real(file.toAbsolutePath().normalize());
    if (!abs.startsWith(workTree)) {
      throw new GitException(file + " is outside the git work tree " + workTree);
    }
    String rel = workTree.relativize(abs).toString().replace(File.separatorChar, '/');
    return rel.isEmpty() ? "." : rel;
  }

  /** Where the config files stand in git: changed since HEAD, or not in it at all. */
  public record FileStatus(Set<String> changed, Set<String> untracked) {
    public FileStatus {
      changed = Set.copyOf(changed);
      untracked = Set.copyOf(untracked);
    }

    /** Every file is committed as it is: an apply of them can be recorded on HEAD. */
    public boolean clean() {
      return changed.isEmpty() && untracked.isEmpty();
    }
  }

  /**
   * The state of the config files these paths name (a folder names the {@code *.yaml} files
   * directly in it, as the loader reads them): {@code changed} are tracked files that differ from
   * HEAD (modified, staged, deleted, conflicting); {@code untracked} are files git does not know or
   * ignores, and paths outside this work tree. Only {@code changed} files make a work tree dirty: a
   * config that was never committed is simply not in git. Other files in a folder do not count.
   */
  public FileStatus status(List<Path> paths, Path workingDir) throws GitException {
    List<String> inRepo = new ArrayList<>();
    Set<String> untracked = new TreeSet<>();
    for (Path p : paths) {
      Path abs = real(workingDir.resolve(p).toAbsolutePath().normalize());
      if (abs.startsWith(workTree)) {
        inRepo.add(repoPath(abs));
      } else {
        untracked.add(abs.toString());
      }
    }
    if (inRepo.isEmpty()) {
      return new FileStatus(Set.of(), untracked);
    }
    try (Git git = new Git(repo)) {
      StatusCommand status = git.status();
      inRepo.stream().filter(p -> !p.equals(".")).forEach(status::addPath);
      Status s = status.call();
      Set<String> changed = new TreeSet<>();
      changed.addAll(s.getModified());
      changed.addAll(s.getChanged());
      changed.addAll(s.getAdded());
      changed.addAll(s.getRemoved());
      changed.addAll(s.getMissing());
      changed.addAll(s.getConflicting());
      changed.removeIf(f -> !isConfig(f, inRepo));
      s.getUntracked().stream().filter(f -> isConfig(f, inRepo)).forEach(untracked::add);
      for (String ignored : s.getIgnoredNotInIndex()) {
        String dir = ignored.endsWith("/") ? ignored.substring(0, ignored.length() - 1) : ignored;
        if (isConfig(dir, inRepo)) {
          untracked.add(dir);
        }
        // a whole ignored folder is reported as the folder: the inputs inside it are ignored too
        inRepo.stream()
            .filter(p -> p.equals(dir) || p.startsWith(dir + "/"))
            .forEach(untracked::add);
      }
      return new FileStatus(changed, untracked);
    } catch (GitAPIException | NoWorkTreeException e) {
      throw new GitException("cannot read git status: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the loader reads {@code file}: it is an input, or a *.yaml directly in a folder one.
   */
  private static boolean isConfig(String file, List<String> inputs) {
    int slash = file.lastIndexOf('/');
    String parent = slash < 0 ? "." : file.substring(0, slash);
    return inputs.contains(file) || (file.endsWith(".yaml") && inputs.contains(parent));
  }

  /** The path with symbolic links resolved as far as it exists, as JGit reports the work tree. */
  private static Path real(Path path) {
    Path existing = path;
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path));
    } catch (IOException e) {
      return path;
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}
