package dev.formation.platform.local;

import dev.formation.diag.Code;
import dev.formation.live.LiveApp;
import dev.formation.platform.PlatformException;
import dev.formation.platform.Target;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.PortHolders;
import java.util.Optional;

/**
 * Whether the router port a config wants for a local app can be had: a port another program listens
 * on would make the registration fail halfway through an apply, so the plan shows it as the app's
 * error ({@code FM154}) and apply refuses it before it changes anything. The app's own router
 * holding it (the daemon's process) is no conflict.
 */
final class RouterPorts {
  private RouterPorts() {}

  /**
   * @param live the app as read: as the running daemon has it, or as the stopped one recorded it
   * @param daemon the running daemon, or {@code null} when it is stopped
   * @throws PlatformException {@code FM154} when another program holds the port
   */
  static void check(Target target, LiveApp live, DaemonInfo daemon) throws PlatformException {
    if (!(target.placement() instanceof LocalRegistration wanted) || wanted.port() == 0) {
      return;
    }
    int port = wanted.port();
    boolean registeredThere =
        live.placement() instanceof LocalRegistration now && now.port() == port;
    if (!PortHolders.taken(port)) {
      return;
    }
    if (daemon != null && registeredThere) {
      // its router, unless /proc shows another process on it (the router could not bind at start)
      if (!PortHolders.canLook() || PortHolders.heldBy(port, daemon.pid())) {
        return;
      }
    }
    Optional<PortHolders.Holder> holder = PortHolders.holder(port);
    boolean ours = daemon != null && holder.isPresent() && holder.get().pid() == daemon.pid();
    if (ours && registeredThere) {
      return;
    }
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
