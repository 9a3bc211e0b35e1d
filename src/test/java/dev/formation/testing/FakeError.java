package dev.formation.testing;

/** An API error the fake answers with: a status and Heroku's {@code {"id","message"}} body. */
final class FakeError extends Exception {
  final int status;
  final String id;

  FakeError(int status, String id, String message) {
    super(message, null, false, false);
    this.status = status;
    this.id = id;
  }

  static FakeError invalid(String message) {
    return new FakeError(422, "invalid_params", message);
  }

  static FakeError notFound(String message) {
    return new FakeError(404, "not_found", message);
  }
}
