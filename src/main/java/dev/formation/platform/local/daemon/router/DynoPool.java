package dev.formation.platform.local.daemon.router;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A router's keep-alive connections to its dynos: idle ones per dyno port and per event loop, so a
 * connection is only ever used on the thread of the client connection it serves (no locks). An idle
 * connection is dropped after {@link #IDLE}, before a dyno's own keep-alive timeout (Node's is 5 s)
 * closes it under a request.
 */
final class DynoPool {
  static final long IDLE = TimeUnit.SECONDS.toNanos(4);
  static final int MAX_IDLE_PER_DYNO = 256;

  private record Idle(Channel channel, long since) {}

  private final Map<EventLoop, Map<Integer, Deque<Idle>>> idle = new ConcurrentHashMap<>();
  private final ChannelFactory<SocketChannel> channels;
  private final ChannelGroup all = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  /**
   * @param channels makes a connection for the loops it is used with (the engine's)
   */
  DynoPool(ChannelFactory<SocketChannel> channels) {
    this.channels = channels;
  }

  /** An idle open connection to the dyno on {@code port} for this loop, or null. */
  Channel take(EventLoop loop, int port) {
    Deque<Idle> q = queue(loop, port);
    long now = System.nanoTime();
    Idle i;
    while ((i = q.pollLast()) != null) {
      if (i.channel().isActive() && now - i.since() < IDLE) {
        return i.channel();
      }
      i.channel().close();
    }
    return null;
  }

  /** Keeps a connection whose exchange is over for the next request to that dyno. */
  void give(EventLoop loop, int port, Channel ch) {
    Deque<Idle> q = queue(loop, port);
    if (!ch.isActive() || q.size() >= MAX_IDLE_PER_DYNO) {
      ch.close();
      return;
    }
    q.addLast(new Idle(ch, System.nanoTime()));
  }

  /**
   * Opens a new connection to a dyno on {@code loop}; its pipeline holds {@code handler} only: the
   * exchange reads the dyno's bytes itself.
   */
  ChannelFuture connect(EventLoop loop, int port, DynoHandler handler) {
    ChannelFuture f =
        new Bootstrap()
            .group(loop)
            .channelFactory(channels)
            // TCP_NODELAY is on by default on Netty's connections
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
            .handler(
                new io.netty.channel.ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast("dyno", handler);
                  }
                })
            .connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    all.add(f.channel());
    return f;
  }

  void close() {
    all.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    idle.clear();
  }

  private Deque<Idle> queue(EventLoop loop, int port) {
    // only this loop's thread touches its inner map
    return idle.computeIfAbsent(loop, l -> new HashMap<>())
        .computeIfAbsent(port, p -> new ArrayDeque<>());
  }
}
