package dev.formation.config;

import java.util.List;
import java.util.Optional;

/** Every app of one run, merged from all the config files, in the order they were read. */
public record Formation(List<AppSpec> apps) {
  public Formation {
    apps = List.copyOf(apps);
  }

  public Optional<AppSpec> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
