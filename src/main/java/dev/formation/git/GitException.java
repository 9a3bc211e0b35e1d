package dev.formation.git;

/** A git problem the user can fix (not a repository, unknown ref, unreadable object), in words. */
public final class GitException extends Exception {
  public GitException(String message) {
    super(message);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }
}
