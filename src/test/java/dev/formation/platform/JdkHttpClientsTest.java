package dev.formation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdkHttpClientsTest {
  @Test
  void release_endsThatClientsSelectorThread_andNoOtherClients() throws Exception {
    HttpClient released = HttpClient.newHttpClient();
    HttpClient kept = HttpClient.newHttpClient();
    Thread releasedSelector = selectorOf(released).orElseThrow();
    Thread keptSelector = selectorOf(kept).orElseThrow();

    JdkHttpClients.release(released);

    assertThat(releasedSelector.isAlive()).isFalse();
    assertThat(keptSelector.isAlive()).isTrue();
    JdkHttpClients.release(kept);
    assertThat(keptSelector.isAlive()).isFalse();
  }

  @Test
  void release_ofABuiltClient_endsTheSelectorThreadNotedAtBuild() throws Exception {
    HttpClient released = JdkHttpClients.build(HttpClient.newBuilder());
    HttpClient kept = JdkHttpClients.build(HttpClient.newBuilder());
    HttpClient other = HttpClient.newHttpClient();
    Thread releasedSelector = selectorOf(released).orElseThrow();
    Thread keptSelector = selectorOf(kept).orElseThrow();
    Thread otherSelector = selectorOf(other).orElseThrow();

    JdkHttpClients.release(released);

    assertThat(releasedSelector.isAlive()).isFalse();
    assertThat(keptSelector.isAlive()).isTrue();
    assertThat(otherSelector.isAlive()).isTrue();
    JdkHttpClients.release(kept);
    JdkHttpClients.release(other);
    assertThat(keptSelector.isAlive()).isFalse();
    assertThat(otherSelector.isAlive()).isFalse();
  }

  @Test
  void release_ofNothing_doesNothing() {
    JdkHttpClients.release(null);
  }

  private static Optional<Thread> selectorOf(HttpClient client) {
    String text = client.toString();
    String id = text.substring(text.lastIndexOf('(') + 1, text.length() - 1);
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("HttpClient-" + id + "-SelectorManager"))
        .findFirst();
  }
}
