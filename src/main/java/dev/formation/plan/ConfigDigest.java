package dev.formation.plan;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The digest of a formation's meaning (apps, platforms, sizes, counts, autoscale rules, schedules
 * and guardrails), so that reformatting or reordering comments in formation.yaml does not change
 * it.
 */
public final class ConfigDigest {
  private ConfigDigest() {}

  public static String of(Formation formation) {
    StringBuilder sb = new StringBuilder();
    for (AppSpec app : formation.apps()) {
      sb.append("app ")
          .append(app.name())
          .append(' ')
          .append(app.platform().word())
          .append(" prune=")
          .append(app.prune())
          .append('\n');
      if (app.scheduled()) {
        sb.append("  timezone ").append(app.timezone().getId()).append('\n');
      }
      if (!app.guardrails().isEmpty()) {
        sb.append("  guardrails ")
            .append(String.join(" ", app.guardrails().settings()))
            .append('\n');
      }
      for (ProcessSpec p : app.processes()) {
        sb.append("  ")
            .append(p.type())
            .append(' ')
            .append(p.size().key())
            .append(" q=")
            .append(p.quantity());
        if (p.autoscale() != null) {
          sb.append(" as=")
              .append(p.autoscale().min())
              .append('-')
              .append(p.autoscale().max())
              .append('/')
              .append(p.autoscale().p95Ms())
              .append('/')
              .append(p.autoscale().notifyApp());
          if (p.autoscale().queueDriven()) {
            // only for a queue rule, so the digests of every other file stay what they were
            sb.append(" queue=").append(p.autoscale().queue());
          }
        }
        sb.append('\n');
        for (WindowSpec w : p.schedule()) {
          sb.append("    window ")
              .append(w.name())
              .append(' ')
              .append(new TreeSet<>(w.days()))
              .append(' ')
              .append(w.fromMinute())
              .append('-')
              .append(w.toMinute())
              .append(" q=")
              .append(w.quantity());
          if (w.autoscale() != null) {
            sb.append(" as=")
                .append(w.autoscale().min())
                .append('-')
                .append(w.autoscale().max())
                .append('/')
                .append(w.autoscale().p95Ms())
                .append('/')
                .append(w.autoscale().notifyApp());
          }
          sb.append('\n');
        }
      }
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
