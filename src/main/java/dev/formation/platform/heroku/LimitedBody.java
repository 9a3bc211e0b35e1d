package dev.formation.platform.heroku;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body as UTF-8 text, at most {@code maxBytes} of it: a larger answer (declared or
 * as it arrives) is cut off and reported as too large, so a 10 MB or endless body costs neither the
 * memory nor the wait.
 */
final class LimitedBody implements HttpResponse.BodyHandler<LimitedBody.Body> {
  /** A formation list of a thousand types is about 500 KB; nothing formation reads comes near. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  /** The text, or {@code tooLarge} with no text. */
  record Body(String text, boolean tooLarge) {}

  private final int maxBytes;

  LimitedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<Body> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Subscriber(declared > maxBytes ? -1 : maxBytes);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<Body> {
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int maxBytes;
    private Flow.Subscription subscription;

    /** {@code maxBytes} of -1: too large before the first byte. */
    Subscriber(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<Body> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (maxBytes < 0) {
        tooLarge();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        int n = b.remaining();
        if (bytes.size() + (long) n > maxBytes) {
          tooLarge();
          return;
        }
        byte[] chunk = new byte[n];
        b.get(chunk);
        bytes.write(chunk, 0, n);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(new Body(bytes.toString(StandardCharsets.UTF_8), false));
    }

    private void tooLarge() {
      result.complete(new Body(null, true));
      subscription.cancel();
    }
  }
}
