package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.http.Engine;
import org.junit.jupiter.api.Test;

/**
 * Every router test again on Java's NIO transport, the engine's fallback where Netty's native epoll
 * library does not load (other systems, a {@code noexec} temporary folder).
 */
class RouterNioTest extends RouterTest {
  @Override
  Engine engine() {
    return new Engine(2, false);
  }

  @Test
  void engine_runsOnNio() {
    assertThat(engine.transport()).isEqualTo("nio");
  }
}
