package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

class NettyLeaksTest {
  @Test
  void aBufferNeverReleased_isFound_withWhereItWasMade() throws Exception {
    assumeTrue(ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.PARANOID);
    NettyLeaks.collect();
    leakOne();
    assertThat(NettyLeaks.collect())
        .anySatisfy(leak -> assertThat(leak).contains("was not released").contains("leakOne"));
  }

  @Test
  void releasedBuffers_areNotLeaks() throws Exception {
    for (int i = 0; i < 100; i++) {
      ByteBuf b = ByteBufAllocator.DEFAULT.buffer(64);
      b.writeInt(i);
      b.release();
    }
    assertThat(NettyLeaks.collect()).isEmpty();
  }

  private static void leakOne() {
    ByteBuf b = ByteBufAllocator.DEFAULT.buffer(16);
    b.writeLong(42);
  }
}
