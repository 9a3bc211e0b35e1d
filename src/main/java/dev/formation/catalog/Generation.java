package dev.formation.catalog;

/** The platform generation a size runs on, which sets the per-app dyno limit. */
public enum Generation {
  CEDAR(100),
  FIR(255);

  private final int maxDynosPerApp;

  Generation(int maxDynosPerApp) {
    this.maxDynosPerApp = maxDynosPerApp;
  }

  public int maxDynosPerApp() {
    return maxDynosPerApp;
  }
}
