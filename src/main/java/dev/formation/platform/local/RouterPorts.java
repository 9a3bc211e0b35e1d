package dev.formation.platform.local;

import dev.formation.diag.Code;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.PortHolders;
import java.util.Optional;

/**
 * Whether the router port a config wants for a local app can be had: a port another program listens
 * on would make the registration fail halfway through an apply, so the plan shows it as the app's
 * error ({@code FM154}) and apply refuses it before it changes anything. The app's own router
 * holding it is no conflict: the daemon says whether it listens ({@link LocalClient.Registered}),
 * so {@code /proc} is looked into only when the port is taken by someone else.
 */
final class RouterPorts {
  private RouterPorts() {}

  /**
   * @param now where the running daemon has the app registered, or {@code null} when it does not,
   *     or when no daemon runs (then whatever holds the port is another program)
   * @param daemon the running daemon, or {@code null} when it is stopped
   * @throws PlatformException {@code FM154} when another program holds the port
   */
  static void check(Target target, LocalClient.Registered now, DaemonInfo daemon)
      throws PlatformException {
    if (!(target.placement() instanceof LocalRegistration wanted) || wanted.port() == 0) {
      return;
    }
    int port = wanted.port();
    boolean registeredThere = daemon != null && now != null && now.port() == port;
    if (registeredThere && now.listening()) {
      return; // its own router holds it
    }
    if (!PortHolders.taken(port)) {
      return;
    }
    Optional<PortHolders.Holder> holder = PortHolders.holder(port);
    boolean ours = daemon != null && holder.isPresent() && holder.get().pid() == daemon.pid();
    String who =
        ours
            ? "the local platform itself (another local app's router)"
            : PortHolders.describe(holder);
    throw new PlatformException(
        Code.FM154,
        "router port "
            + port
            + " on 127.0.0.1 is in use by "
            + who
            + ", so "
            + target.app()
            + " cannot be registered on it",
        ours
            ? "choose another `port:` in the app's `local` block (`formation local status` lists"
                + " the ports the local apps have)"
            : "free the port (stop that program) or choose another `port:` in the app's `local`"
                + " block",
        null);
  }
}
