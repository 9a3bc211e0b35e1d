package dev.formation.plan;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A short, stable digest of an app's live state, so apply can tell that the platform moved since
 * the plan was made. Timestamps are left out: only what the plan depends on counts.
 */
public final class Fingerprint {
  private static final int HEX_CHARS = 16;

  private Fingerprint() {}

  /** The first 16 hex characters of SHA-256 over {@link #canonical(LiveApp)}. */
  public static String of(LiveApp app) {
    byte[] digest = sha256().digest(canonical(app).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, HEX_CHARS / 2);
  }

  /** A fresh SHA-256 digest, cloned from one looked up once (a plan fingerprints every app). */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) Sha256.PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static final class Sha256 {
    static final MessageDigest PROTOTYPE;

    static {
      try {
        PROTOTYPE = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK always has SHA-256", e);
      }
    }
  }

  /**
   * One line per process type sorted by type, then the monitor line. The count of web is left out
   * while its autoscaler is on: the autoscaler owns it, no plan sends it, and a saved plan must not
   * go stale each time the autoscaler moves. A hand change still shows, because on Heroku scaling
   * web by hand turns the autoscaler off, and the monitor line records that. A local app's
   * registration (folder, port, commands) follows, since re-registering it from elsewhere changes
   * what a plan would do.
   */
  public static String canonical(LiveApp app) {
    StringBuilder text = new StringBuilder();
    boolean autoscaled = app.monitor() != null && app.monitor().active();
    app.processes().stream()
        .sorted(Comparator.comparing(LiveProcess::type))
        .forEach(
            p ->
                text.append("process\t")
                    .append(p.type())
                    .append('\t')
                    .append(p.size() == null ? "" : p.size().toLowerCase(Locale.ROOT))
                    .append('\t')
                    .append(autoscaled && p.type().equals("web") ? "auto" : p.quantity())
                    .append('\n'));
    LiveMonitor m = app.monitor();
    if (m == null) {
      text.append("monitor\tnone\n");
    } else {
      text.append("monitor\t")
          .append(m.id())
          .append('\t')
          .append(m.active())
          .append('\t')
          .append(m.min())
          .append('\t')
          .append(m.max())
          .append('\t')
          .append(m.p95Ms())
          .append('\t')
          .append(m.notifyApp())
          .append('\n');
    }
    if (app.placement() != null) {
      app.placement().fingerprint(text);
    }
    return text.toString();
  }
}
