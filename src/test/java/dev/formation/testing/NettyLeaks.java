package dev.formation.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a buffer that was never released. Netty finds such a buffer
 * only after the garbage collector has, and reports it through its logger, which the project's
 * slf4j-nop binding silences; so this extension (registered for every test class through {@code
 * META-INF/services}) gives Netty a leak detector of its own before any buffer class loads, and
 * after each class that made buffers collects the garbage, lets Netty look, and fails with where
 * each leaked buffer was made. A leak may surface in the class after the one that made it: the
 * record names the code that allocated it. Every buffer is tracked ({@code paranoid}) unless {@code
 * -Dio.netty.leakDetection.level} says otherwise.
 */
public final class NettyLeaks implements BeforeAllCallback, AfterAllCallback {
  private static final List<String> LEAKS = new ArrayList<>();
  private static final AtomicBoolean BUFFERS_MADE = new AtomicBoolean();

  static {
    track();
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new Factory());
  }

  private static void track() {
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }
  }

  /** Again before each class: Vert.x (under the Kubernetes mock server) turns tracking off. */
  @Override
  public void beforeAll(ExtensionContext context) {
    track();
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    List<String> found = collect();
    if (!found.isEmpty()) {
      throw new AssertionError(
          found.size() + " Netty buffer(s) never released:\n" + String.join("\n\n", found));
    }
  }

  /**
   * Collects the garbage, lets Netty look for buffers collected unreleased, and hands them over.
   */
  public static List<String> collect() throws InterruptedException {
    if (!BUFFERS_MADE.get()) {
      return List.of();
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
      // a detector looks for collected buffers when it tracks a new one
      for (int j = 0; j < 256; j++) {
        ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
        probe.release();
      }
    }
    synchronized (LEAKS) {
      List<String> found = List.copyOf(LEAKS);
      LEAKS.clear();
      return found;
    }
  }

  private static final class Factory extends ResourceLeakDetectorFactory {
    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      BUFFERS_MADE.set(true);
      return new Recording<>(resource, samplingInterval);
    }
  }

  private static final class Recording<T> extends ResourceLeakDetector<T> {
    Recording(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected boolean needReport() {
      return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      record(resourceType + " was not released; where it was made and used:" + records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      record(resourceType + " was not released (no record of where it was made)");
    }

    private static void record(String leak) {
      synchronized (LEAKS) {
        LEAKS.add(leak);
      }
    }
  }
}
