package dev.formation.config;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Generation;
import dev.formation.catalog.Tier;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;

/** The rules that look at a whole app: tier mixing and the per-app dyno limits. */
final class AppRules {
  private final Diagnostics diags;

  AppRules(Diagnostics diags) {
    this.diags = diags;
  }

  void check(Drafts.App app) {
    tiers(app);
    limits(app);
  }

  private void tiers(Drafts.App app) {
    Drafts.Process first = null;
    for (Drafts.Process p : app.processes()) {
      if (p.size() == null) {
        continue;
      }
      if (first == null) {
        first = p;
      } else if (!first.size().tier().group().equals(p.size().tier().group())) {
        diags.error(
            Code.FM032,
            "app `"
                + app.name()
                + "` mixes tiers: `"
                + p.type()
                + "` is "
                + p.size().name()
                + " ("
                + p.size().tier().word()
                + ") but `"
                + first.type()
                + "` is "
                + first.size().name()
                + " ("
                + first.size().tier().word()
                + ") at "
                + first.sizeAt(),
            p.sizeAt(),
            "the sizes of one app come from one group: eco | basic | standard and performance"
                + " | private | shield | Fir");
      }
    }
  }

  private void limits(Drafts.App app) {
    int total = 0;
    int eco = 0;
    boolean allFir = true;
    boolean any = false;
    boolean autoscaled = false;
    for (Drafts.Process p : app.processes()) {
      Integer count = p.countAtMost();
      if (p.size() == null || count == null) {
        continue;
      }
      any = true;
      autoscaled |= p.autoscale() != null;
      // A type over its own limit is reported on its quantity (FM041); counting it here only up to
      // that limit keeps one mistake to one diagnostic.
      count = Math.min(count, p.size().maxPerType());
      total += count;
      if (p.size().tier() == Tier.ECO) {
        eco += count;
      }
      allFir &= p.size().generation() == Generation.FIR;
    }
    if (!any) {
      return;
    }
    if (eco > Catalog.MAX_ECO_RUNNING_PER_APP) {
      diags.error(
          Code.FM042,
          "app `"
              + app.name()
              + "` runs "
              + eco
              + " eco dynos; at most "
              + Catalog.MAX_ECO_RUNNING_PER_APP
              + " eco dynos run at once in one app",
          app.at(),
          "use basic or standard sizes for some process types");
    }
    Generation generation = allFir ? Generation.FIR : Generation.CEDAR;
    if (total > generation.maxDynosPerApp()) {
      String word = generation == Generation.FIR ? "Fir" : "Cedar";
      diags.error(
          Code.FM042,
          "app `"
              + app.name()
              + "` runs up to "
              + total
              + " dynos; "
              + word
              + " apps run at most "
              + generation.maxDynosPerApp(),
          app.at(),
          autoscaled
              ? "autoscaled types count at their `max`; lower some counts or split the app"
              : "lower some counts, or split the app");
    }
  }
}
