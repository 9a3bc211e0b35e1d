package dev.formation.cli.render;

import dev.formation.diag.Sources;
import dev.formation.plan.Action;
import dev.formation.plan.AppPlan;
import dev.formation.plan.Change;
import dev.formation.plan.GuardrailBreach;
import dev.formation.plan.OfflineBasis;
import dev.formation.plan.Plan;
import dev.formation.plan.ProcessChange;
import dev.formation.plan.Requests;
import dev.formation.plan.TypeWindow;
import dev.formation.plan.UnmanagedProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The human plan, Terraform-like: a block per app, aligned columns, a summary and the cost. */
public final class TextPlanRenderer {
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";

  private final boolean colour;
  private final ChangeText words;
  private final TextDiagnostics diagnostics;

  /**
   * @param colour whether to colour the markers (the command decides: terminal, no NO_COLOR)
   */
  public TextPlanRenderer(boolean colour) {
    this(colour, null);
  }

  /**
   * @param base the folder formation runs in: local folders under it are shown as {@code ./app}
   */
  public TextPlanRenderer(boolean colour, Path base) {
    this.colour = colour;
    this.words = new ChangeText(base);
    this.diagnostics = new TextDiagnostics(new Sources(), Colors.when(colour));
  }

  public String render(Plan plan) {
    return render(plan, null);
  }

  /**
   * The plan; an offline one ({@code plan --offline}) says so first, and under each app what it was
   * compared with.
   *
   * @param offline what each app was planned against; {@code null} for a plan of the live platform
   */
  public String render(Plan plan, OfflineBasis offline) {
    StringBuilder out = new StringBuilder();
    if (offline != null) {
      out.append("Plan ").append(OfflineBasis.LABEL).append(".\n\n");
    }
    if (plan.scheduled() && plan.at() != null) {
      out.append("Schedules evaluated for ").append(plan.at()).append(".\n\n");
    }
    if (!plan.targets().isEmpty()) {
      out.append("Targeted: ")
          .append(Printable.escape(Targets.words(plan)))
          .append(" (the rest is not planned).\n\n");
    }
    List<String> unchanged = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    for (AppPlan app : plan.apps()) {
      notes.addAll(app.notes());
      if (!app.hasChanges()
          && !app.hasErrors()
          && app.unmanaged().isEmpty()
          && app.schedule() == null
          && plan.notTargeted(app).isEmpty()) {
        unchanged.add(Printable.escape(app.app()));
        continue;
      }
      renderApp(app, plan.at(), offline, out);
      for (String type : plan.notTargeted(app)) {
        out.append("    (not targeted) ").append(Printable.escape(type)).append('\n');
      }
      out.append('\n');
    }
    boolean quiet = !plan.hasChanges() && !plan.hasErrors();
    if (!unchanged.isEmpty() && !quiet) {
      out.append("No changes for ")
          .append(unchanged.size())
          .append(unchanged.size() == 1 ? " app: " : " apps: ")
          .append(String.join(", ", unchanged))
          .append(".\n\n");
    }
    if (quiet) {
      out.append(
          offline == null
              ? "No changes. The live formation matches the configuration.\n"
              : "No changes. The last recorded apply matches the configuration.\n");
    } else {
      out.append("Plan: ")
          .append(plan.toAdd())
          .append(" to add, ")
          .append(plan.toChange())
          .append(" to change, ")
          .append(plan.toRemove())
          .append(" to remove.");
      String incomplete = Incomplete.sentence(plan);
      out.append(incomplete == null ? "" : " " + incomplete + ".").append('\n');
    }
    out.append(costLine(plan));
    if (plan.scheduled()) {
      out.append("Monthly estimate with schedules: ")
          .append(Money.amount(plan.weighted()))
          .append(" (each window weighted by the hours it is in force)\n");
    }
    if (plan.breaksGuardrails()) {
      long count =
          plan.apps().stream()
              .flatMap(a -> a.breaches().stream())
              .filter(b -> !b.allowed())
              .count();
      out.append("Guardrails: ")
          .append(count)
          .append(count == 1 ? " breach" : " breaches")
          .append(" not allowed; nothing will be applied.\n");
    }
    notes.forEach(n -> out.append("Note: ").append(Printable.escape(n)).append('\n'));
    return out.toString();
  }

  private void renderApp(AppPlan app, Instant at, OfflineBasis offline, StringBuilder out) {
    out.append("  # app ")
        .append(Printable.escape(app.app()))
        .append(" (")
        .append(app.platform().word())
        .append(")\n");
    if (offline != null) {
      out.append("  # offline: ").append(offline.of(app.app()).describe()).append('\n');
    }
    int labelWidth = 0;
    int detailWidth = 0;
    for (Change c : app.changes()) {
      labelWidth = Math.max(labelWidth, label(c).length());
      detailWidth = Math.max(detailWidth, Printable.escape(words.detail(c)).length());
    }
    for (Change c : app.changes()) {
      String line =
          "  "
              + marker(c.action())
              + ' '
              + pad(label(c), labelWidth)
              + "  "
              + pad(Printable.escape(words.detail(c)), detailWidth)
              + "   "
              + cost(app, c);
      out.append(line.stripTrailing()).append('\n'); // a change with no cost column ends here
    }
    int typeWidth =
        app.unmanaged().stream().mapToInt(u -> Printable.escape(u.type()).length()).max().orElse(0);
    int nowWidth = app.unmanaged().stream().mapToInt(u -> unmanagedNow(u).length()).max().orElse(0);
    for (UnmanagedProcess u : app.unmanaged()) {
      out.append("    (unmanaged) ")
          .append(pad(Printable.escape(u.type()), typeWidth))
          .append("  ")
          .append(pad(unmanagedNow(u), nowWidth))
          .append("   ")
          .append(u.priceKnown() ? Money.amount(u.cost()) + "/mo" : "price unknown")
          .append('\n');
    }
    if (app.schedule() != null) {
      int width = app.schedule().types().stream().mapToInt(t -> t.type().length()).max().orElse(0);
      for (TypeWindow t : app.schedule().types()) {
        out.append("    (schedule) ")
            .append(pad(t.type(), width))
            .append("  ")
            .append(WindowText.inForce(t, at))
            .append('\n');
      }
    }
    app.errors().forEach(e -> out.append(diagnostics.inline(e, "  ")));
    for (GuardrailBreach b : app.breaches()) {
      out.append("  ")
          .append(b.allowed() ? paint(YELLOW, "~") : paint(RED, "!"))
          .append(' ')
          .append(WindowText.breach(b))
          .append('\n');
    }
  }

  /** {@code Standard-2X ×1}, also at 0 dynos: the size says which tier the idle type is on. */
  private static String unmanagedNow(UnmanagedProcess u) {
    return Printable.escape(u.size()) + " ×" + u.quantity();
  }

  /** Type and size names may come from the platform: shown escaped. */
  private String label(Change c) {
    return Printable.escape(words.label(c));
  }

  /** A change's cost: dollars, or for a Kubernetes app without prices what it requests. */
  static String cost(AppPlan app, Change c) {
    if (!app.costedInRequests()) {
      return Money.delta(c.costDelta()) + "/mo";
    }
    if (c instanceof ProcessChange p && p.requestsDelta() != null && p.autoscale() == null) {
      return p.requestsDelta() + " requested";
    }
    return "";
  }

  /** The requests of every app costed in them: {@code 2 GiB, 1 CPU → 4 GiB, 2 CPU}, or null. */
  static String requestsLine(Plan plan) {
    Requests before = null;
    Requests after = null;
    for (AppPlan a : plan.apps()) {
      if (a.costedInRequests()) {
        before = before == null ? a.requestsBefore() : before.plus(a.requestsBefore());
        after = after == null ? a.requestsAfter() : after.plus(a.requestsAfter());
      }
    }
    if (before == null) {
      return null;
    }
    return before.equals(after)
        ? before.describe() + " (unchanged)"
        : before.describe() + " → " + after.describe();
  }

  private static String costLine(Plan plan) {
    String requests = requestsLine(plan);
    if (requests != null) {
      return dollars(plan) + "Requested on Kubernetes (no prices): " + requests + "\n";
    }
    return dollars(plan);
  }

  private static String dollars(Plan plan) {
    String line = "Monthly cost: " + Money.amount(plan.before());
    if (plan.costDelta().isZero() && plan.before().equals(plan.after())) {
      return line + " (unchanged)\n";
    }
    return line + " → " + Money.amount(plan.after()) + " (" + Money.delta(plan.costDelta()) + ")\n";
  }

  private String marker(Action action) {
    return switch (action) {
      case ADD -> paint(GREEN, action.symbol());
      case CHANGE -> paint(YELLOW, action.symbol());
      case REMOVE -> paint(RED, action.symbol());
    };
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
