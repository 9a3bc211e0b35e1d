package dev.formation.platform.local.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.uring.IoUring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineListenTest {
  private static ChannelInitializer<SocketChannel> recording(Set<Thread> loops) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        loops.add(Thread.currentThread());
        ch.close();
      }
    };
  }

  @Test
  void onANativeTransport_everyLoopListensOnOnePort_andServesWhatItAccepts() throws Exception {
    try (Engine engine = new Engine(2)) {
      Set<Thread> loops = ConcurrentHashMap.newKeySet();
      List<Channel> servers = engine.listenPerLoop(0, recording(loops));
      int port = Engine.port(servers.get(0));
      assertThat(servers).hasSize(engine.transport() == Engine.Transport.NIO ? 1 : 2);
      assertThat(servers).allSatisfy(s -> assertThat(Engine.port(s)).isEqualTo(port));
      for (int i = 0; i < 64; i++) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
          assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
      }
      // each connection is set up on a loop of the engine
      assertThat(loops).allSatisfy(t -> assertThat(t.getName()).startsWith("local-http"));
      servers.forEach(s -> s.close().awaitUninterruptibly(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void runsOnTheLeanestTransportThatLoads_orTheOneItIsTold() {
    Engine.Transport leanest =
        IoUring.isAvailable()
            ? Engine.Transport.IO_URING
            : Epoll.isAvailable() ? Engine.Transport.EPOLL : Engine.Transport.NIO;
    try (Engine engine = new Engine(1)) {
      assertThat(engine.transport()).isEqualTo(leanest);
    }
    try (Engine engine = new Engine(1, Engine.Transport.EPOLL)) {
      assertThat(engine.transport())
          .isEqualTo(Epoll.isAvailable() ? Engine.Transport.EPOLL : Engine.Transport.NIO);
    }
    try (Engine engine = new Engine(1, Engine.Transport.NIO)) {
      assertThat(engine.transport()).isEqualTo(Engine.Transport.NIO);
    }
  }

  @Test
  void aTransportThatLoadsButDoesNotStart_isPassedOver_andSaysWhy() {
    Engine.Transport leanest = Engine.Transport.IO_URING.orNextThatLoads();
    assumeTrue(leanest != Engine.Transport.NIO, "no native transport loads here");
    IoHandlerFactory failing =
        executor -> {
          throw new IllegalStateException("io_uring_setup: Cannot allocate memory");
        };
    try (Engine engine = new Engine(1, leanest, t -> t == leanest ? failing : Engine.handlers(t))) {
      assertThat(engine.transport()).isNotEqualTo(leanest);
      assertThat(engine.passedOver())
          .startsWith(leanest.label() + " did not start: ")
          .contains("Cannot allocate memory");
    }
    try (Engine engine = new Engine(1)) {
      assertThat(engine.passedOver()).isNull();
    }
  }

  @Test
  void aPortAnotherProgramListensOn_isRefused_evenWithReusePortOfItsOwn() throws Exception {
    try (Engine engine = new Engine(2);
        ServerSocket other = new ServerSocket()) {
      if (other.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
        other.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      assertThatThrownBy(() -> engine.listenPerLoop(other.getLocalPort(), recording(Set.of())))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + other.getLocalPort());
    }
  }
}
