package dev.formation.platform.local.state;

import java.io.IOException;

/**
 * The token file holds a token that is too short or too easy to guess ({@link Token#bits}): the
 * daemon does not start with it, and clients do not send it.
 */
public final class WeakTokenException extends IOException {
  private static final long serialVersionUID = 1L;

  public WeakTokenException(String message) {
    super(message);
  }
}
