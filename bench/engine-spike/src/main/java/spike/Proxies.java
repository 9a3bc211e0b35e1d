package spike;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import java.net.URI;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.proxy.ProxyHandler.Reverse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A reverse proxy on 127.0.0.1:PORT to one backend, as each engine's own proxy builds it:
 * {@code java spike.Proxies jetty|undertow PORT BACKEND_PORT}. Runs until killed.
 */
public final class Proxies {
  public static void main(String[] args) throws Exception {
    String engine = args[0];
    int port = Integer.parseInt(args[1]);
    int backend = Integer.parseInt(args[2]);
    switch (engine) {
      case "jetty" -> jetty(port, backend);
      case "undertow" -> undertow(port, backend);
      default -> throw new IllegalArgumentException("jetty or undertow, not " + engine);
    }
    System.out.println(engine + " proxy on 127.0.0.1:" + port + " -> " + backend);
    Thread.currentThread().join();
  }

  private static void jetty(int port, int backend) throws Exception {
    Server server = new Server();
    ServerConnector c = new ServerConnector(server);
    c.setHost("127.0.0.1");
    c.setPort(port);
    c.setAcceptQueueSize(1024);
    server.addConnector(c);
    HttpClient client = new HttpClient();
    client.setMaxConnectionsPerDestination(256);
    Reverse proxy =
        new Reverse(
            req -> org.eclipse.jetty.http.HttpURI.from(
                "http://127.0.0.1:" + backend + req.getHttpURI().getPathQuery()));
    proxy.setHttpClient(client);
    server.setHandler(proxy);
    server.start();
  }

  private static void undertow(int port, int backend) throws Exception {
    LoadBalancingProxyClient lb =
        new LoadBalancingProxyClient()
            .addHost(new URI("http://127.0.0.1:" + backend))
            .setConnectionsPerThread(64);
    Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
        .setSocketOption(org.xnio.Options.BACKLOG, 1024)
        .setHandler(ProxyHandler.builder().setProxyClient(lb).setMaxRequestTime(30_000).build())
        .build()
        .start();
  }
}
