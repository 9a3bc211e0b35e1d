package dev.formation.cli;

/** formation's exit codes, the same for every command (docs/cli.md). */
public final class ExitCode {
  /** Success, and nothing to change. */
  public static final int OK = 0;

  /** An error: bad input, a failed or partial apply, a refused plan. */
  public static final int ERROR = 1;

  /** Changes present ({@code plan --detailed-exitcode}) or unexpected drift ({@code drift}). */
  public static final int CHANGES = 2;

  /** Interrupted (Ctrl-C), as shells report a process ended by SIGINT: 128 + 2. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
