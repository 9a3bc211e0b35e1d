package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.http.Engine;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

/**
 * Every router test again on Netty's epoll transport, the engine's fallback on Linux where io_uring
 * is disabled (a container under Docker's default seccomp profile, {@code
 * kernel.io_uring_disabled}).
 */
class RouterEpollTest extends RouterTest {
  @Override
  Engine engine() {
    return new Engine(2, Engine.Transport.EPOLL);
  }

  @Test
  void engine_runsOnEpoll() {
    assertThat(engine.transport())
        .isEqualTo(Epoll.isAvailable() ? Engine.Transport.EPOLL : Engine.Transport.NIO);
  }
}
