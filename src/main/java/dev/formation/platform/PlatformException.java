package dev.formation.platform;

import dev.formation.diag.Code;

/**
 * A platform call that failed in a way the user must hear about: the platform's own message, and
 * its request id where it gave one. Never carries a credential. A platform that knows what the user
 * should do carries a code of its own and a hint ({@link #code}): the command shows that in place
 * of a generic read or write error.
 */
public class PlatformException extends Exception {
  private final int status;
  private final String errorId;
  private final String requestId;
  private final Code code;
  private final String hint;

  public PlatformException(String message, int status, String errorId, String requestId) {
    super(message);
    this.status = status;
    this.errorId = errorId;
    this.requestId = requestId;
    this.code = null;
    this.hint = null;
  }

  public PlatformException(String message, Throwable cause) {
    this(null, message, null, cause);
  }

  /**
   * A failure the platform names itself, with what to do about it.
   *
   * @param code the diagnostic code the command shows, or {@code null} for the generic one
   * @param hint what the user can do, or {@code null}
   */
  public PlatformException(Code code, String message, String hint, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorId = null;
    this.requestId = null;
    this.code = code;
    this.hint = hint;
  }

  /** The platform's own diagnostic code for this failure, or {@code null} for the generic one. */
  public Code code() {
    return code;
  }

  /** What the user can do about it, or {@code null}. */
  public String hint() {
    return hint;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The platform's error id ({@code not_found}, {@code invalid_params}), or {@code null}. */
  public String errorId() {
    return errorId;
  }

  /** The platform's request id for support, or {@code null}. */
  public String requestId() {
    return requestId;
  }
}
