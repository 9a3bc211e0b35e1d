package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.AppLog;
import dev.formation.platform.local.daemon.LocalClock;
import dev.formation.platform.local.daemon.http.Engine;
import dev.formation.platform.local.daemon.http.HttpLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * formation's router on its own, in front of one backend, for the engine spike ({@code
 * bench/engine-spike.sh}): {@code RouterAlone PORT BACKEND_PORT}. Runs until killed.
 */
public final class RouterAlone {
  private RouterAlone() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    List<Router.Backend> one = List.of(new Router.Backend("web.1", Integer.parseInt(args[1])));
    Path log = Files.createTempFile("router-alone", ".log");
    log.toFile().deleteOnExit();
    new Router(
        "spike",
        port,
        () -> one,
        () -> false,
        Duration.ofSeconds(5),
        new AppLog(log, AppLog.DEFAULT_CAP),
        new Engine(),
        LocalClock.system(),
        HttpLimits.DEFAULT);
    System.out.println("netty router on 127.0.0.1:" + port + " -> " + args[1]);
    Thread.currentThread().join();
  }
}
