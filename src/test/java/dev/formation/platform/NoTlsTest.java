package dev.formation.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class NoTlsTest {
  @Test
  void context_isUsableByAnHttpClient_butTrustsNoServer() {
    assertThat(NoTls.context().getProtocol()).isEqualTo("TLS");
    assertThat(NoTls.context().createSSLEngine()).isNotNull();

    assertThatThrownBy(
            () -> new NoTls.TrustsNothing().checkServerTrusted(new X509Certificate[0], "RSA"))
        .isInstanceOf(CertificateException.class);
    assertThat(new NoTls.TrustsNothing().getAcceptedIssuers()).isEmpty();
  }
}
