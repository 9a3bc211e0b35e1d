package dev.formation.platform.local.daemon.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's HTTP engine: one Netty event-loop group, a thread per core, that every server of the
 * daemon (the API and each app's router) and every router's connections to dynos share. Non-
 * blocking, so a connection that sends nothing costs a few kilobytes and no thread.
 */
public final class Engine implements AutoCloseable {
  private final EventLoopGroup group;
  private final AtomicLong inFlight = new AtomicLong();

  public Engine(int threads) {
    group =
        new MultiThreadIoEventLoopGroup(
            threads, new DefaultThreadFactory("local-http", true), NioIoHandler.newFactory());
  }

  /** As many threads as cores, at most 4: the daemon shares the machine with its dynos. */
  public Engine() {
    this(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  /** Bytes of unfinished requests that every server on this engine holds ({@link Admission}). */
  AtomicLong inFlight() {
    return inFlight;
  }

  /** As {@link #inFlight()}, for a look from outside (tests, status). */
  public long inFlightBytes() {
    return inFlight.get();
  }

  public EventLoopGroup group() {
    return group;
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0: a port the system picks; the channel's local address
   * tells which).
   */
  public Channel listen(int port, ChannelInitializer<SocketChannel> init) throws IOException {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(init);
    try {
      return b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
          .syncUninterruptibly()
          .channel();
    } catch (Exception e) {
      // Netty rethrows the bind failure (java.net.BindException) unchecked-looking
      throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + Failures.describe(e), e);
    }
  }

  public static int port(Channel server) {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Stops every server and connection, and waits until the handlers have finished. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
