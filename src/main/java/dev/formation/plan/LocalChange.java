package dev.formation.plan;

/**
 * A change to a local app's registration with the local platform: registering it, moving it to
 * another folder or router port, or what re-reading its Procfile brings (a type added or removed, a
 * command edited). Apply carries every local change of an app out with one registration, before the
 * formation update.
 *
 * @param type the process type for {@link Kind#ADD_TYPE}, {@link Kind#REMOVE_TYPE} and {@link
 *     Kind#COMMAND}; {@code null} for the app-level kinds
 * @param from what it is now: the folder, port or command ({@code null} where there is nothing: a
 *     new registration or type)
 * @param to what it becomes: the folder for {@link Kind#REGISTER} and {@link Kind#DIR}, the port,
 *     the command ({@code null} for a removed type)
 * @param port the router port of a new registration ({@link Kind#REGISTER}), else {@code null}
 */
public record LocalChange(
    Kind kind, String type, String from, String to, Integer port, CostRange costDelta)
    implements Change {

  /** What changes in the registration. */
  public enum Kind {
    /** The app is not registered yet: register it from its folder and port. */
    REGISTER(Action.ADD),
    /** The app is registered from another folder. */
    DIR(Action.CHANGE),
    /** The app's router listens on another port. */
    PORT(Action.CHANGE),
    /** The Procfile declares a type the registration lacks (it comes at 0 dynos). */
    ADD_TYPE(Action.ADD),
    /** The registration has a type the Procfile no longer declares (its dynos stop). */
    REMOVE_TYPE(Action.REMOVE),
    /** A type's command differs from the Procfile's (its dynos restart with the new one). */
    COMMAND(Action.CHANGE);

    private final Action action;

    Kind(Action action) {
      this.action = action;
    }

    public Action action() {
      return action;
    }

    /** Whether the change concerns one process type rather than the app. */
    public boolean perType() {
      return this == ADD_TYPE || this == REMOVE_TYPE || this == COMMAND;
    }
  }

  public LocalChange {
    if (kind == null || costDelta == null) {
      throw new IllegalArgumentException("a local change needs a kind and a cost");
    }
    if (kind.perType() != (type != null)) {
      throw new IllegalArgumentException(kind + " names a process type exactly when per type");
    }
    if ((kind == Kind.REGISTER) != (port != null)) {
      throw new IllegalArgumentException("a new registration, and only it, names its port");
    }
  }

  @Override
  public Action action() {
    return kind.action();
  }
}
