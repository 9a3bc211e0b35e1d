package dev.formation.platform.local.daemon.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's HTTP engine: one Netty event-loop group, a thread per core, that every server of the
 * daemon (the API and each app's router) and every router's connections to dynos share. Non-
 * blocking, so a connection that sends nothing costs a few kilobytes and no thread.
 *
 * <p>On Linux it runs on Netty's native epoll transport, which accepts, reads, writes and closes a
 * connection with about half the system calls of Java's NIO (no {@code fcntl}, {@code getsockopt}
 * and {@code getsockname} around each one): on loopback the system calls are most of what a proxied
 * request costs. Where the native library does not load (another OS or CPU, a {@code noexec}
 * temporary folder, or {@code -Dformation.engine.transport=nio}) it runs on NIO, the same in every
 * other way.
 */
public final class Engine implements AutoCloseable {
  private final EventLoopGroup group;
  private final boolean epoll;
  private final AtomicLong inFlight = new AtomicLong();

  /** On epoll where it loads (unless {@code -Dformation.engine.transport=nio}), else on NIO. */
  public Engine(int threads) {
    this(threads, !"nio".equals(System.getProperty("formation.engine.transport")));
  }

  /**
   * @param nativeTransport whether to run on epoll where its native library loads; false: NIO
   */
  public Engine(int threads, boolean nativeTransport) {
    epoll = nativeTransport && Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    group =
        new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("local-http", true), io);
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

  /** The transport the engine runs on: {@code epoll} or {@code nio}. */
  public String transport() {
    return epoll ? "epoll" : "nio";
  }

  /**
   * Makes a client connection for this engine's loops (a router's to its dynos). On epoll an IPv4
   * socket, as the listeners are: everything the daemon talks to is on 127.0.0.1, and Netty's
   * default there, a dual-stack IPv6 socket, costs a system call more per connection and the
   * kernel's mapped-address path.
   */
  public ChannelFactory<SocketChannel> clientChannels() {
    return epoll ? () -> new EpollSocketChannel(SocketProtocolFamily.INET) : NioSocketChannel::new;
  }

  private ChannelFactory<ServerChannel> serverChannels() {
    return epoll
        ? () -> new EpollServerSocketChannel(SocketProtocolFamily.INET)
        : NioServerSocketChannel::new;
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0: a port the system picks; the channel's local address
   * tells which).
   */
  public Channel listen(int port, ChannelInitializer<SocketChannel> init) throws IOException {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channelFactory(serverChannels())
            .option(ChannelOption.SO_BACKLOG, 1024)
            // TCP_NODELAY: Netty sets it on every connection it accepts (a system call of its
            // own), so no child option sets it a second time
            .childHandler(init);
    return bind(b, port);
  }

  /**
   * Listens on 127.0.0.1:{@code port} once per event loop on epoll ({@code SO_REUSEPORT}: the
   * kernel spreads new connections over the listeners), each loop serving the connections it
   * accepts itself, so that a new connection is never handed from the accepting thread to another
   * (a task, an eventfd write and a wake-up per connection); on NIO one listener, as {@link
   * #listen}. The first channel's local address tells the port. A port another program listens on
   * is refused even when that program set {@code SO_REUSEPORT} too: it is probed once without the
   * option first.
   */
  public List<Channel> listenPerLoop(int port, ChannelInitializer<SocketChannel> init)
      throws IOException {
    if (!epoll) {
      return List.of(listen(port, init));
    }
    if (port != 0) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException e) {
        throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
      }
    }
    List<Channel> servers = new ArrayList<>();
    int p = port;
    try {
      for (EventExecutor e : group) {
        EventLoop loop = (EventLoop) e;
        ServerBootstrap b =
            new ServerBootstrap()
                .group(loop, loop)
                .channelFactory(serverChannels())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(EpollChannelOption.SO_REUSEPORT, true)
                .childHandler(init);
        Channel server = bind(b, p);
        servers.add(server);
        p = port(server);
      }
    } catch (IOException e) {
      servers.forEach(Channel::close);
      throw e;
    }
    return List.copyOf(servers);
  }

  private static Channel bind(ServerBootstrap b, int port) throws IOException {
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
