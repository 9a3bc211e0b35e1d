package dev.formation.cli.render;

import dev.formation.catalog.Resources;
import dev.formation.config.PlatformKind;
import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.Change;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.ProcessChange;
import dev.formation.plan.SetupChange;
import java.nio.file.Path;

/**
 * The words for one change, shared by the text and markdown plans so they never disagree. Folders
 * under the folder formation runs in are shown relative to it ({@code ./app}), others in full.
 */
final class ChangeText {
  private final Path base;

  /**
   * @param base the folder formation runs in, or {@code null} to show every folder in full
   */
  ChangeText(Path base) {
    this.base = base == null ? null : base.toAbsolutePath().normalize();
  }

  /** A folder as the user knows it: {@code ./app} under the working folder, else absolute. */
  String folder(String dir) {
    if (base == null || dir == null) {
      return dir;
    }
    Path path = Path.of(dir);
    if (!path.startsWith(base)) {
      return dir;
    }
    Path relative = base.relativize(path);
    return relative.toString().isEmpty() ? "." : "./" + relative;
  }

  /**
   * {@code web}, {@code autoscale web} for a monitor change, and for a setup change what its
   * platform calls it ({@code local dir}, {@code process type clock}).
   */
  String label(Change change) {
    if (change instanceof SetupChange s) {
      return words(s).label();
    }
    return change instanceof MonitorChange ? "autoscale " + change.type() : change.type();
  }

  /** What the type or monitor is now: {@code Standard-1X ×2}, {@code 0}, or the band. */
  String before(Change change) {
    if (change instanceof ProcessChange p) {
      // a bare 0 only where the type starts from nothing; a stopped type that is re-sized (a tier
      // move) keeps its size on both sides: Basic ×0 → Standard-1X ×0
      return p.fromQuantity() == 0 && p.toQuantity() > 0
          ? "0"
          : sized(p.fromSize(), p.fromResources()) + " ×" + p.fromQuantity();
    }
    if (change instanceof SetupChange s) {
      return words(s).before();
    }
    MonitorChange m = (MonitorChange) change;
    return m.kind() == MonitorChange.Kind.ENABLE ? "off" : rule(m.from());
  }

  /** What the type or monitor will be once applied. */
  String after(Change change) {
    if (change instanceof ProcessChange p) {
      String to =
          p.toQuantity() == 0 && p.fromQuantity() > 0
              ? "0"
              : sized(p.toSize(), p.toResources()) + " ×" + p.toQuantity();
      return p.autoscale() == null ? to : to + autoscaleSuffix(p);
    }
    if (change instanceof SetupChange s) {
      return words(s).after();
    }
    MonitorChange m = (MonitorChange) change;
    return m.to() == null ? "off" : rule(m.to());
  }

  /** One phrase for the text plan: {@code Standard-1X ×2 → Performance-M ×2}. */
  String detail(Change change) {
    if (change instanceof ProcessChange p && p.fromQuantity() == 0 && p.toQuantity() > 0) {
      return "0 → "
          + p.toQuantity()
          + " × "
          + sized(p.toSize(), p.toResources())
          + autoscaleSuffix(p);
    }
    if (change instanceof ProcessChange p
        && p.toResources() != null
        && !p.sizeChanged()
        && p.toQuantity() > 0
        && p.fromResources() != null
        && p.fromResources().equals(p.toResources())) {
      // a Kubernetes scale: the count moves, the size and its resources stay
      return p.fromQuantity()
          + " → "
          + p.toQuantity()
          + " × "
          + sized(p.toSize(), p.toResources())
          + autoscaleSuffix(p);
    }
    if (change instanceof MonitorChange m && m.kind() != MonitorChange.Kind.UPDATE) {
      return m.kind() == MonitorChange.Kind.ENABLE ? rule(m.to()) : rule(m.from());
    }
    if (change instanceof SetupChange s) {
      return words(s).detail();
    }
    return before(change) + " → " + after(change);
  }

  /** {@code Standard-2X}, or on Kubernetes {@code Standard-2X (1 GiB, 0.5 CPU)}. */
  static String sized(String size, Resources resources) {
    return resources == null ? size : size + " (" + resources.describe() + ")";
  }

  /** {@code 2..8, p95 500 ms, notify}. */
  static String rule(AutoscaleRule rule) {
    return rule.describe();
  }

  private static String autoscaleSuffix(ProcessChange p) {
    if (p.autoscale() == null) {
      return "";
    }
    return p.autoscale().queueDriven()
        ? " (autoscale " + p.autoscale().describe() + ")"
        : " (autoscale " + p.autoscale().band() + ")";
  }

  /** A setup step in its platform's words, folders shown as the user knows them. */
  private PlatformKind.StepWords words(SetupChange s) {
    return PlatformKind.named(s.platform()).words(s.step(), this::folder);
  }
}
