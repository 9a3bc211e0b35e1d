package dev.formation.cli;

import picocli.CommandLine.Option;

/** The {@code --ref GITREF} option of validate, plan and drift, as a mixin. */
public final class RefOption {
  @Option(
      names = "--ref",
      paramLabel = "GITREF",
      description =
          "Read the config files as they are at this git commit, branch or tag, without a"
              + " checkout. -f paths are taken in the work tree; a local app's `dir` resolves in"
              + " the work tree.")
  private String ref;

  /** The ref given, or {@code null} for the files on disk. */
  String ref() {
    return ref;
  }
}
