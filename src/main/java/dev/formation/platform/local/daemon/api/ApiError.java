package dev.formation.platform.local.daemon.api;

/** A Heroku-style error answer: HTTP status, error id and message. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String id;

  public ApiError(int status, String id, String message) {
    super(message, null, false, false);
    this.status = status;
    this.id = id;
  }

  public int status() {
    return status;
  }

  public String id() {
    return id;
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  public static ApiError invalid(String message) {
    return new ApiError(422, "invalid_params", message);
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message);
  }
}
