package dev.formation.git;

import dev.formation.config.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads formation files as they are in a commit, straight from the object database: no checkout, no
 * {@code git} binary. A folder stands for its {@code *.yaml} files, as on disk.
 */
public final class GitFiles {
  /** The same bound as files on disk: no formation needs 1 MiB. */
  static final long MAX_BYTES = 1024 * 1024;

  private GitFiles() {}

  /**
   * The texts of {@code inputs} at {@code rev} (paths as given on the command line, relative to
   * {@code workingDir}), named {@code LABEL:path} for diagnostics. A local app's {@code dir}
   * resolves against the work tree, since a commit holds no folder to run.
   *
   * @param missingOk skip inputs absent from the commit (for diff: a file added or deleted) instead
   *     of failing
   */
  public static List<SourceText> at(
      GitRepo git, String rev, String label, List<Path> inputs, Path workingDir, boolean missingOk)
      throws GitException {
    Repository repo = git.repository();
    List<SourceText> texts = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(git.resolve(rev));
      for (Path input : inputs) {
        String path = git.repoPath(workingDir.resolve(input));
        TreeWalk found = path.equals(".") ? null : TreeWalk.forPath(repo, path, c.getTree());
        if (found == null && !path.equals(".")) {
          if (missingOk) {
            continue;
          }
          throw new GitException("`" + input + "` does not exist at " + label);
        }
        Path baseDir = git.workTree().resolve(path).getParent();
        if (found == null || found.getFileMode(0) == FileMode.TREE) {
          ObjectId tree = found == null ? c.getTree() : found.getObjectId(0);
          TreeMap<String, ObjectId> members = yamlIn(repo, tree);
          if (members.isEmpty() && !missingOk) {
            throw new GitException("folder `" + input + "` holds no `*.yaml` file at " + label);
          }
          Path folder = git.workTree().resolve(path);
          for (var m : members.entrySet()) {
            String shown = input.resolve(m.getKey()).toString();
            texts.add(
                new SourceText(
                    label + ":" + shown, read(repo, m.getValue(), label, shown), folder));
          }
        } else {
          texts.add(
              new SourceText(
                  label + ":" + input,
                  read(repo, found.getObjectId(0), label, input.toString()),
                  baseDir));
        }
      }
    } catch (IOException e) {
      throw new GitException("cannot read " + label + ": " + e.getMessage(), e);
    }
    return texts;
  }

  private static TreeMap<String, ObjectId> yamlIn(Repository repo, ObjectId tree)
      throws IOException {
    TreeMap<String, ObjectId> members = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(tree);
      walk.setRecursive(false);
      while (walk.next()) {
        if (walk.getNameString().endsWith(".yaml")
            && (walk.getFileMode(0).getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
          members.put(walk.getNameString(), walk.getObjectId(0));
        }
      }
    }
    return members;
  }

  private static String read(Repository repo, ObjectId blob, String label, String shown)
      throws IOException, GitException {
    ObjectLoader loader = repo.open(blob);
    if (loader.getSize() > MAX_BYTES) {
      throw new GitException(
          "`"
              + label
              + ":"
              + shown
              + "` is "
              + loader.getSize()
              + " bytes; formation reads at most 1 MiB");
    }
    String text = SourceText.decode(loader.getBytes());
    if (text == null) {
      throw new GitException("`" + label + ":" + shown + "` is not UTF-8 text");
    }
    return text;
  }
}
