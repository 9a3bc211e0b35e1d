package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Instant;

/**
 * The bearer token of an exec plugin, asked for by fabric8 before each request: the plugin's last
 * token while it has not expired, else a new run of the plugin (with its deadline). A failed run
 * throws, so the request is not sent.
 */
final class ExecTokens implements OAuthTokenProvider {
  private final ExecPlugin plugin;
  private ExecPlugin.Credential current;

  ExecTokens(ExecPlugin plugin, ExecPlugin.Credential first) {
    this.plugin = plugin;
    this.current = first;
  }

  @Override
  public synchronized String getToken() {
    if (!current.fresh(Instant.now())) {
      try {
        current = plugin.run();
      } catch (PlatformException e) {
        throw new KubernetesClientException(e.getMessage(), e);
      }
    }
    return current.token();
  }
}
