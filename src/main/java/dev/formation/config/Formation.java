package dev.formation.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every app of one run, merged from all the config files, in the order they were read. */
public final class Formation {
  private final List<AppSpec> apps;
  private final Map<String, AppSpec> byName = new HashMap<>();

  public Formation(List<AppSpec> apps) {
    this.apps = List.copyOf(apps);
    for (AppSpec a : this.apps) {
      byName.putIfAbsent(a.name(), a);
    }
  }

  public List<AppSpec> apps() {
    return apps;
  }

  /**
   * The app of that name (the first, should the config define it twice: the loader reports that).
   * Looked up by name: planning and guardrails ask once per app, where a scan would be quadratic.
   */
  public Optional<AppSpec> app(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Formation f && f.apps.equals(apps);
  }

  @Override
  public int hashCode() {
    return apps.hashCode();
  }

  @Override
  public String toString() {
    return "Formation[apps=" + apps + "]";
  }
}
