package dev.formation.platform.kubernetes;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --debug}: one line per request and per answer. Headers are never printed, so neither is a
 * bearer token nor anything an exec plugin returned.
 */
final class Trace implements Interceptor {
  private final Consumer<String> out;

  Trace(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    out.accept("kubernetes → " + request.method() + " " + request.uri());
  }

  @Override
  public void after(
      HttpRequest request,
      HttpResponse<?> response,
      AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    out.accept("kubernetes ← " + response.code() + " " + request.method() + " " + request.uri());
  }
}
