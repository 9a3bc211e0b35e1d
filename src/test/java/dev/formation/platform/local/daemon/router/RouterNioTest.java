package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.http.Engine;
import org.junit.jupiter.api.Test;

/**
 * Every router test again on Java's NIO transport, the engine's last fallback, where neither of
 * Netty's native transports loads (other systems, a {@code noexec} temporary folder).
 */
class RouterNioTest extends RouterTest {
  @Override
  Engine engine() {
    return new Engine(2, Engine.Transport.NIO);
  }

  @Test
  void engine_runsOnNio() {
    assertThat(engine.transport()).isEqualTo(Engine.Transport.NIO);
  }
}
