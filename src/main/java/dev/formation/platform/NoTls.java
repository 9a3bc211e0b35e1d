package dev.formation.platform;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS context for a client that only ever speaks plain http to loopback: it trusts no server at
 * all, so it loads no trust store, and a TLS connection through it fails rather than being trusted
 * blindly.
 */
public final class NoTls {
  private NoTls() {}

  public static SSLContext context() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[0], new TrustManager[] {new TrustsNothing()}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has TLS", e);
    }
  }

  /** Refuses every certificate. */
  static final class TrustsNothing implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("formation speaks only plain http to loopback here");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("formation speaks only plain http to loopback here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
