package dev.formation.plan;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.live.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Says in words what moved between the live state a plan was made against and the live state now,
 * looking at exactly what {@link Fingerprint} covers, so a refused stale plan names the cause.
 */
public final class LiveMoves {
  private LiveMoves() {}

  /** One phrase per difference, by process type then the autoscaler; empty when nothing moved. */
  public static List<String> between(LiveApp planned, LiveApp now) {
    List<String> moves = new ArrayList<>();
    TreeSet<String> types = new TreeSet<>();
    planned.processes().forEach(p -> types.add(p.type()));
    now.processes().forEach(p -> types.add(p.type()));
    for (String type : types) {
      LiveProcess was = planned.process(type).orElse(null);
      LiveProcess is = now.process(type).orElse(null);
      if (was == null) {
        moves.add("process type `" + type + "` appeared (" + text(is) + ")");
      } else if (is == null) {
        moves.add("process type `" + type + "` disappeared (was " + text(was) + ")");
      } else if (was.quantity() != is.quantity() || !sameSize(was.size(), is.size())) {
        moves.add(type + ": " + text(was) + " → " + text(is));
      }
    }
    String monitorWas = text(planned.monitor());
    String monitorIs = text(now.monitor());
    if (!monitorWas.equals(monitorIs)) {
      moves.add("autoscaler: " + monitorWas + " → " + monitorIs);
    }
    Placement was = planned.placement();
    if (was != null) {
      moves.addAll(was.movesTo(now.placement()));
    } else if (now.placement() != null) {
      moves.addAll(now.placement().appeared());
    }
    return moves;
  }

  private static boolean sameSize(String a, String b) {
    return a == null ? b == null : a.equalsIgnoreCase(Objects.toString(b, ""));
  }

  private static String text(LiveProcess p) {
    return p.size() + " ×" + p.quantity();
  }

  private static String text(LiveMonitor m) {
    if (m == null) {
      return "none";
    }
    return (m.active() ? "on " : "off ") + AutoscaleRule.of(m).describe() + " (id " + m.id() + ")";
  }
}
