package dev.formation.autoscale.read;

/**
 * A backlog that could not be read: the queue did not answer, refused the credentials, or gave
 * something that is not a backlog. Its message never holds a password.
 */
public class ReadFailure extends Exception {
  public ReadFailure(String message) {
    super(message);
  }
}
