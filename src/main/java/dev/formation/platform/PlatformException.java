package dev.formation.platform;

/**
 * A platform call that failed in a way the user must hear about: the platform's own message, and
 * its request id where it gave one. Never carries a credential.
 */
public class PlatformException extends Exception {
  private final int status;
  private final String errorId;
  private final String requestId;

  public PlatformException(String message, int status, String errorId, String requestId) {
    super(message);
    this.status = status;
    this.errorId = errorId;
    this.requestId = requestId;
  }

  public PlatformException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorId = null;
    this.requestId = null;
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
