package dev.formation.platform;

import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context for a client that only ever speaks plain http to loopback: it cannot make a TLS
 * connection at all, so a TLS URL through it fails rather than being trusted blindly.
 *
 * <p>The JDK's HTTP client asks for a context when it is built, TLS or not; {@code
 * SSLContext.getDefault()} loads the trust store, and even {@code SSLContext.getInstance("TLS")}
 * initialises the JDK's TLS implementation (its cipher-suite tables: tens of milliseconds of a cold
 * start). This one is the client's context without any of that: its only real answer is an empty
 * set of parameters, and everything that would need TLS throws.
 */
public final class NoTls {
  static final String REFUSAL = "formation speaks only plain http to loopback here, never TLS";

  private NoTls() {}

  public static SSLContext context() {
    return new SSLContext(new Refusing(), new None(), "none") {};
  }

  /** The context's provider: a name for what it is, nothing registered. */
  private static final class None extends Provider {
    private static final long serialVersionUID = 1L;

    None() {
      super("formation-no-tls", "1", "no TLS: plain http to loopback only");
    }
  }

  /** Makes no engine, socket or session: there is no TLS here. */
  private static final class Refusing extends SSLContextSpi {
    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {}

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return new SSLParameters();
    }
  }
}
