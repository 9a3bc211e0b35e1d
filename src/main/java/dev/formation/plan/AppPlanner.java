package dev.formation.plan;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Resources;
import dev.formation.catalog.Size;
import dev.formation.catalog.Tier;
import dev.formation.config.AppSpec;
import dev.formation.config.PlatformSettings;
import dev.formation.config.ProcessSpec;
import dev.formation.diag.Diagnostic;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.live.Placement;
import dev.formation.live.SetupStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plans one app: the rules of docs/plan.md, applied type by type. Used once, then dropped. */
final class AppPlanner {
  static final String WEB = "web";
  private static final Comparator<Change> BY_TYPE = Comparator.comparing(Change::type);

  private final Catalog catalog;
  private final AppSpec spec;

  /** What the platform reports: the plan's fingerprint and apply's starting point. */
  private final LiveApp actual;

  /** What the plan compares with: {@link #actual}, or the app as set up by apply. */
  private final LiveApp live;

  /** The app's settings of its platform, and where they place it; {@code null} for none. */
  private final PlatformSettings settings;

  private final Placement placement;
  private final List<SetupChange> setupChanges = new ArrayList<>();
  private final List<ProcessChange> processChanges = new ArrayList<>();
  private final List<MonitorChange> monitorChanges = new ArrayList<>();
  private final List<UnmanagedProcess> unmanaged = new ArrayList<>();
  private final List<Diagnostic> errors = new ArrayList<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private CostRange before = CostRange.ZERO;
  private CostRange after = CostRange.ZERO;

  /** For an app that owns its prices but has none: its cost in requested CPU and memory. */
  private Requests requestsBefore;

  private Requests requestsAfter;

  AppPlanner(Catalog catalog, AppSpec spec, LiveApp live) {
    this.catalog = catalog;
    this.spec = spec;
    this.actual = live;
    this.settings = spec.settings();
    this.placement = spec.placement();
    this.live = placement == null ? live : placement.projected(live);
    if (settings != null && settings.ownsPrices() && !settings.priced()) {
      requestsBefore = Requests.ZERO;
      requestsAfter = Requests.ZERO;
    }
  }

  AppPlan plan() {
    if (placement != null) {
      planSetup();
    }
    for (ProcessSpec desired : spec.processes()) {
      Optional<LiveProcess> now = live.process(desired.type());
      if (now.isEmpty()) {
        errors.add(PlanErrors.typeNotReleased(desired.type()));
      } else {
        planListed(desired, now.get());
      }
    }
    live.processes().stream()
        .filter(p -> spec.process(p.type()).isEmpty())
        .sorted(Comparator.comparing(LiveProcess::type))
        .forEach(this::planUnlisted);
    if (spec.platform().enforcesTiers()) {
      checkTierGroups();
      carryIdleTypesAcrossTierMove();
    }
    List<Change> changes = errors.isEmpty() ? orderedChanges() : List.of();
    return new AppPlan(
        spec.name(),
        spec.platform(),
        actual,
        changes,
        unmanaged,
        errors,
        List.copyOf(notes),
        Fingerprint.of(actual),
        before,
        errors.isEmpty() ? after : before,
        placement,
        requestsBefore,
        requestsBefore == null ? null : errors.isEmpty() ? requestsAfter : requestsBefore);
  }

  /** The steps that set the app up, then the live types the setup drops, each with its cost. */
  private void planSetup() {
    String platform = spec.platform().word();
    for (SetupStep step : placement.stepsFrom(actual)) {
      setupChanges.add(new SetupChange(platform, step, CostRange.ZERO));
    }
    for (LiveProcess gone : actual.processes()) {
      if (live.process(gone.type()).isEmpty()) {
        CostRange cost = liveCost(gone);
        before = before.plus(cost);
        setupChanges.add(
            new SetupChange(platform, placement.removal(gone), CostRange.ZERO.minus(cost)));
      }
    }
  }

  private void planListed(ProcessSpec desired, LiveProcess now) {
    boolean monitorOn = activeMonitorFor(now.type());
    CostRange typeBefore = liveCost(now);
    CostRange typeAfter = desiredCost(desired);
    int toQuantity = now.quantity();
    AutoscaleRule rule = null;
    MonitorChange.Kind monitorKind = null;
    if (desired.autoscaled() && desired.autoscale().queueDriven()) {
      // formation's queue controller (KEDA on a cluster) owns the count inside the band; the
      // platform's own autoscaler is never written, and a p95 one left on would fight it
      rule = AutoscaleRule.of(spec, desired.autoscale());
      monitorKind = monitorOn ? MonitorChange.Kind.DISABLE : null;
      if (!rule.contains(now.quantity()) && !spec.platform().autoscalerSetsTheCount()) {
        toQuantity = startingQuantity(desired, now.quantity());
      }
    } else if (desired.autoscaled()) {
      rule = AutoscaleRule.of(spec, desired.autoscale());
      if (settings != null) {
        settings.autoscaleNote(spec.name(), now.type()).ifPresent(notes::add);
      }
      if (monitorOn) {
        monitorKind =
            rule.equals(AutoscaleRule.of(live.monitor())) ? null : MonitorChange.Kind.UPDATE;
        LiveMonitor m = live.monitor();
        if (now.quantity() < m.min() || now.quantity() > m.max()) {
          // the count is the autoscaler's, so no change can be planned; still, say it
          notes.add(
              spec.name()
                  + ": `"
                  + now.type()
                  + "` runs "
                  + now.quantity()
                  + ", outside its live autoscale band "
                  + AutoscaleRule.of(m).band()
                  + "; the autoscaler owns the count, so the plan leaves it (see `formation"
                  + " drift`)");
        }
      } else {
        monitorKind = MonitorChange.Kind.ENABLE;
        // a platform whose autoscaler clamps the count itself is never sent a starting count
        if (!rule.contains(now.quantity()) && !spec.platform().autoscalerSetsTheCount()) {
          toQuantity = startingQuantity(desired, now.quantity());
        }
      }
    } else {
      toQuantity = desired.quantity();
      monitorKind = monitorOn ? MonitorChange.Kind.DISABLE : null;
    }
    CostRange delta = typeAfter.minus(typeBefore);
    boolean sizeChanged = !desired.size().name().equalsIgnoreCase(now.size());
    if (sizeChanged || toQuantity != now.quantity()) {
      processChanges.add(
          new ProcessChange(
                  now.type(),
                  ProcessChange.actionFor(now.quantity(), toQuantity),
                  now.quantity(),
                  toQuantity,
                  canonicalSize(now.size()),
                  desired.size().name(),
                  rule,
                  delta)
              .withResources(now.resources(), desiredResources(desired)));
      delta = CostRange.ZERO;
    }
    if (requestsBefore != null) {
      requestsBefore = requestsBefore.plus(liveRequests(now));
      requestsAfter =
          requestsAfter.plus(
              desired.autoscaled()
                  ? Requests.band(
                      desiredResources(desired),
                      desired.autoscale().min(),
                      desired.autoscale().max())
                  : Requests.of(desiredResources(desired), desired.quantity()));
    }
    if (monitorKind != null) {
      AutoscaleRule to = monitorKind == MonitorChange.Kind.DISABLE ? null : rule;
      monitorChanges.add(monitorChange(monitorKind, now.type(), to, delta));
    }
    before = before.plus(typeBefore);
    after = after.plus(typeAfter);
  }

  private void planUnlisted(LiveProcess now) {
    CostRange cost = liveCost(now);
    before = before.plus(cost);
    if (requestsBefore != null) {
      requestsBefore = requestsBefore.plus(liveRequests(now));
      if (!spec.prune()) {
        requestsAfter = requestsAfter.plus(liveRequests(now));
      }
    }
    if (!spec.prune()) {
      boolean known = catalog.find(now.size()).isPresent();
      unmanaged.add(
          new UnmanagedProcess(now.type(), canonicalSize(now.size()), now.quantity(), cost, known));
      after = after.plus(cost);
      return;
    }
    CostRange delta = CostRange.ZERO.minus(cost);
    if (now.quantity() > 0) {
      processChanges.add(
          new ProcessChange(
                  now.type(),
                  Action.REMOVE,
                  now.quantity(),
                  0,
                  canonicalSize(now.size()),
                  canonicalSize(now.size()),
                  null,
                  delta)
              .withResources(now.resources(), now.resources()));
      delta = CostRange.ZERO;
    }
    if (activeMonitorFor(now.type())) {
      monitorChanges.add(monitorChange(MonitorChange.Kind.DISABLE, now.type(), null, delta));
    }
  }

  private MonitorChange monitorChange(
      MonitorChange.Kind kind, String type, AutoscaleRule to, CostRange delta) {
    LiveMonitor m = live.monitor();
    return new MonitorChange(
        kind, type, m == null ? null : m.id(), m == null ? null : AutoscaleRule.of(m), to, delta);
  }

  /** A starting count for an autoscaler being enabled while the live count is out of band. */
  private static int startingQuantity(ProcessSpec desired, int liveQuantity) {
    if (desired.quantity() != null) {
      return desired.quantity();
    }
    return Math.max(desired.autoscale().min(), Math.min(desired.autoscale().max(), liveQuantity));
  }

  /** Every type still running after apply must share one tier group, or the batch fails. */
  private void checkTierGroups() {
    Optional<String> group =
        spec.processes().stream().map(p -> p.size().tier().group()).findFirst();
    if (group.isEmpty()) {
      return;
    }
    for (UnmanagedProcess u : unmanaged) {
      Optional<Size> size = catalog.find(u.size());
      if (u.quantity() > 0 && size.isPresent() && !size.get().tier().group().equals(group.get())) {
        errors.add(
            PlanErrors.unmanagedTier(
                u.type(), size.get().name(), spec.processes().get(0).size().name()));
      }
    }
  }

  /**
   * Heroku checks tier mixing over every type of the app, idle ones included, so a tier move must
   * carry the types formation does not otherwise change (unmanaged at 0, pruned to 0) into the new
   * group in the same batch, as the Heroku CLI's {@code ps:type} does. They move to the group's
   * cheapest size and stay at 0 dynos, so the move costs nothing.
   */
  private void carryIdleTypesAcrossTierMove() {
    if (spec.processes().isEmpty() || !errors.isEmpty()) {
      return;
    }
    String group = spec.processes().get(0).size().tier().group();
    Optional<Size> carrier =
        catalog.all().stream().filter(s -> s.tier().group().equals(group)).findFirst();
    for (LiveProcess now : live.processes()) {
      Optional<Size> size = catalog.find(now.size());
      if (spec.process(now.type()).isPresent()
          || size.isEmpty()
          || size.get().tier().group().equals(group)
          || carrier.isEmpty()) {
        continue;
      }
      Optional<ProcessChange> pruned =
          processChanges.stream().filter(c -> c.type().equals(now.type())).findFirst();
      if (pruned.isPresent()) {
        ProcessChange c = pruned.get();
        processChanges.set(
            processChanges.indexOf(c),
            new ProcessChange(
                c.type(),
                c.action(),
                c.fromQuantity(),
                c.toQuantity(),
                c.fromSize(),
                carrier.get().name(),
                null,
                c.costDelta()));
      } else if (now.quantity() == 0) {
        processChanges.add(
            new ProcessChange(
                now.type(),
                Action.CHANGE,
                0,
                0,
                canonicalSize(now.size()),
                carrier.get().name(),
                null,
                CostRange.ZERO));
        unmanaged.removeIf(u -> u.type().equals(now.type()));
      }
    }
  }

  private List<Change> orderedChanges() {
    List<Change> ordered = new ArrayList<>(setupChanges);
    monitorChanges.stream()
        .filter(m -> m.kind() == MonitorChange.Kind.DISABLE)
        .sorted(BY_TYPE)
        .forEach(ordered::add);
    processChanges.stream().sorted(BY_TYPE).forEach(ordered::add);
    monitorChanges.stream()
        .filter(m -> m.kind() != MonitorChange.Kind.DISABLE)
        .sorted(BY_TYPE)
        .forEach(ordered::add);
    return ordered;
  }

  private boolean activeMonitorFor(String type) {
    return WEB.equals(type) && live.monitor() != null && live.monitor().active();
  }

  /** What a live type costs a month: a band when its autoscaler is on, else count × price. */
  private CostRange liveCost(LiveProcess now) {
    long price = livePrice(now);
    if (activeMonitorFor(now.type())) {
      return Costs.band(price, live.monitor().min(), live.monitor().max());
    }
    return CostRange.fixed(now.quantity() * price);
  }

  private CostRange desiredCost(ProcessSpec desired) {
    if (settings == null || !settings.ownsPrices()) {
      price(desired.size()); // for its eco-pool note; the cost rules themselves live in Costs
    }
    return Costs.of(spec, desired);
  }

  /** What one of a desired type requests; {@code null} on a platform that sizes by name. */
  private Resources desiredResources(ProcessSpec desired) {
    return settings == null ? null : settings.resources(desired.size());
  }

  /** What a live type requests: its band while an autoscaler is on, else its count. */
  private Requests liveRequests(LiveProcess now) {
    Resources each = now.resources() == null ? new Resources(0, 0) : now.resources();
    if (activeMonitorFor(now.type())) {
      return Requests.band(each, live.monitor().min(), live.monitor().max());
    }
    return Requests.of(each, now.quantity());
  }

  private long livePrice(LiveProcess now) {
    if (settings != null && settings.ownsPrices()) {
      Optional<Long> price = catalog.find(now.size()).flatMap(s -> settings.price(s.name()));
      if (price.isEmpty() && settings.priced()) {
        notes.add(
            spec.name()
                + ": `"
                + now.type()
                + "` requests "
                + (now.resources() == null ? "resources" : now.resources().describe())
                + ", which no priced size matches; its cost counts as $0");
      }
      return price.orElse(0L);
    }
    Optional<Size> size = catalog.find(now.size());
    if (size.isEmpty()) {
      notes.add(
          "live size `"
              + now.size()
              + "` of process type `"
              + now.type()
              + "` is not in the catalogue; its cost counts as $0");
      return 0;
    }
    return price(size.get());
  }

  private long price(Size size) {
    if (size.tier() == Tier.ECO) {
      notes.add("Eco dynos draw on the account's $5/month eco pool; each counts as $0 here");
    }
    return size.usdPerMonth();
  }

  private String canonicalSize(String liveSize) {
    return catalog.find(liveSize).map(Size::name).orElse(liveSize == null ? "unknown" : liveSize);
  }
}
