package dev.formation.platform.local.daemon.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
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
import io.netty.channel.epoll.EpollSocketChannelConfig;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
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
import java.util.function.Function;

/**
 * The daemon's HTTP engine: one Netty event-loop group, a thread per core, that every server of the
 * daemon (the API and each app's router) and every router's connections to dynos share. Non-
 * blocking, so a connection that sends nothing costs a few kilobytes and no thread.
 *
 * <p>On loopback the system calls are most of what a proxied request costs, so the engine runs on
 * the leanest transport that loads, in this order:
 *
 * <ol>
 *   <li>io_uring (Linux 5.x and later, where the kernel allows it): the event loop hands its reads,
 *       writes, accepts and closes to the kernel in batches, one system call for many;
 *   <li>Netty's native epoll (Linux, where io_uring is disabled, as in a container under Docker's
 *       default seccomp profile): about half the system calls of Java's NIO per connection (no
 *       {@code fcntl}, {@code getsockopt} and {@code getsockname} around each one);
 *   <li>Java's NIO (another OS or CPU, a {@code noexec} temporary folder).
 * </ol>
 *
 * {@code -Dformation.engine.transport=epoll} or {@code nio} starts further down the list; the rest
 * is the same on every transport.
 */
public final class Engine implements AutoCloseable {
  /** A Netty transport, leanest first. */
  public enum Transport {
    IO_URING("io_uring"),
    EPOLL("epoll"),
    NIO("nio");

    private final String label;

    Transport(String label) {
      this.label = label;
    }

    /** As {@code -Dformation.engine.transport} and the daemon's log name it. */
    public String label() {
      return label;
    }

    /** The transport {@code -Dformation.engine.transport} names; io_uring when it names none. */
    public static Transport configured() {
      String name = System.getProperty("formation.engine.transport", "");
      for (Transport t : values()) {
        if (t.label.equals(name)) {
          return t;
        }
      }
      return IO_URING;
    }

    private boolean loads() {
      return switch (this) {
        case IO_URING -> IoUring.isAvailable();
        case EPOLL -> Epoll.isAvailable();
        case NIO -> true;
      };
    }

    /** This transport if it loads here, else the next one down that does. */
    Transport orNextThatLoads() {
      return loads() ? this : below();
    }

    /** The next one down that loads (NIO always does; there is none below it). */
    private Transport below() {
      return values()[ordinal() + 1].orNextThatLoads();
    }
  }

  private final EventLoopGroup group;
  private final Transport transport;
  private final String passedOver;
  private final AtomicLong inFlight = new AtomicLong();

  /** On the transport {@code -Dformation.engine.transport} names, or the next that loads. */
  public Engine(int threads) {
    this(threads, Transport.configured());
  }

  /**
   * @param wanted the transport to run on if it loads here; else the next one down that does
   */
  public Engine(int threads, Transport wanted) {
    this(threads, wanted, Engine::handlers);
  }

  /** As above, with each transport's handlers made by {@code handlers} (tests). */
  Engine(int threads, Transport wanted, Function<Transport, IoHandlerFactory> handlers) {
    Transport t = wanted.orNextThatLoads();
    EventLoopGroup g = null;
    String passedOver = null;
    while (g == null) {
      try {
        g =
            new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("local-http", true), handlers.apply(t));
      } catch (RuntimeException e) {
        // the library loads but a loop's ring does not start (an old kernel's locked-memory
        // limit on io_uring): the next transport down
        if (t == Transport.NIO) {
          throw e;
        }
        // Netty wraps why a loop did not start in "failed to create a child event loop"
        Throwable why = e.getCause() != null ? e.getCause() : e;
        passedOver = t.label + " did not start: " + Failures.describe(why);
        t = t.below();
      }
    }
    transport = t;
    group = g;
    this.passedOver = passedOver;
  }

  static IoHandlerFactory handlers(Transport transport) {
    return switch (transport) {
      case IO_URING -> IoUringIoHandler.newFactory();
      case EPOLL -> EpollIoHandler.newFactory();
      case NIO -> NioIoHandler.newFactory();
    };
  }

  /** Why a transport that loads was passed over, or null: it started on the first that loads. */
  public String passedOver() {
    return passedOver;
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

  /** The transport the engine runs on. */
  public Transport transport() {
    return transport;
  }

  /**
   * Makes a client connection for this engine's loops (a router's to its dynos). On epoll an IPv4
   * socket, as the listeners are: everything the daemon talks to is on 127.0.0.1, and Netty's
   * default there, a dual-stack IPv6 socket, costs a system call more per connection and the
   * kernel's mapped-address path. (Netty's io_uring sockets come in the default family only.)
   */
  public ChannelFactory<SocketChannel> clientChannels() {
    return switch (transport) {
      case IO_URING -> IoUringSocketChannel::new;
      case EPOLL -> () -> new EpollSocketChannel(SocketProtocolFamily.INET);
      case NIO -> NioSocketChannel::new;
    };
  }

  private ChannelFactory<ServerChannel> serverChannels() {
    return switch (transport) {
      case IO_URING -> IoUringServerSocketChannel::new;
      case EPOLL -> () -> new EpollServerSocketChannel(SocketProtocolFamily.INET);
      case NIO -> NioServerSocketChannel::new;
    };
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
   * Listens on 127.0.0.1:{@code port} once per event loop on io_uring and epoll ({@code
   * SO_REUSEPORT}: the kernel spreads new connections over the listeners), each loop serving the
   * connections it accepts itself, so that a new connection is never handed from the accepting
   * thread to another (a task, an eventfd write and a wake-up per connection); on NIO one listener,
   * as {@link #listen}. The first channel's local address tells the port. A port another program
   * listens on is refused even when that program set {@code SO_REUSEPORT} too: it is probed once
   * without the option first.
   */
  public List<Channel> listenPerLoop(int port, ChannelInitializer<SocketChannel> init)
      throws IOException {
    if (transport == Transport.NIO) {
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
                .option(
                    transport == Transport.IO_URING
                        ? IoUringChannelOption.SO_REUSEPORT
                        : EpollChannelOption.SO_REUSEPORT,
                    true)
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

  /**
   * Holds a connection's further writes back ({@code TCP_CORK}) until it is shut down or closed, on
   * the native transports; nothing on NIO.
   */
  public static void cork(Channel ch) {
    ChannelConfig c = ch.config();
    if (c instanceof EpollSocketChannelConfig epoll) {
      epoll.setTcpCork(true);
    } else if (ch instanceof IoUringSocketChannel) {
      c.setOption(IoUringChannelOption.TCP_CORK, true);
    }
  }

  /**
   * Sends the connection's FIN now ({@code shutdown(SHUT_WR)}), ahead of a close that follows. On
   * the native transports straight on the socket: Netty's {@code shutdownOutput()} makes an
   * exception with a stack trace every time (for writes still pending, which a closing router has
   * none of), 2 % of the daemon's CPU with a new connection per request.
   */
  public static void sendFin(Channel ch) {
    if (ch instanceof UnixChannel unix && unix.fd() instanceof Socket socket) {
      try {
        socket.shutdown(false, true);
      } catch (IOException e) {
        // the peer has gone already; the close that follows ends it all the same
      }
    } else if (ch instanceof DuplexChannel duplex) {
      duplex.shutdownOutput();
    }
  }

  /**
   * Stops every server and connection, and waits until the handlers have finished. The loops keep
   * running until they have been quiet for 50 ms: on io_uring a connection's close is itself an
   * operation of the ring, finished a round of completions after it starts, and a loop that stopped
   * at once left such sockets open (a client kept sending into one, unanswered) and the buffers of
   * their pending reads unreleased.
   */
  @Override
  public void close() {
    group
        .shutdownGracefully(50, 5_000, TimeUnit.MILLISECONDS)
        .awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
