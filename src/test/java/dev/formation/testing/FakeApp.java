package dev.formation.testing;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One app held by {@link FakeHeroku}: its release's process types with size and quantity, and its
 * web monitors. Every method locks the app, so requests for different apps never wait on each
 * other.
 */
public final class FakeApp {
  final String name;
  final String id = UUID.randomUUID().toString();
  final String generation;
  final Map<String, Proc> formation = new LinkedHashMap<>();
  final List<Monitor> monitors = new ArrayList<>();

  FakeApp(String name, String generation) {
    if (!name.matches("^[a-z][a-z0-9-]{1,28}[a-z0-9]$")) {
      throw new IllegalArgumentException("not a Heroku app name: " + name);
    }
    if (!generation.equals("cedar") && !generation.equals("fir")) {
      throw new IllegalArgumentException("generation is cedar or fir: " + generation);
    }
    this.name = name;
    this.generation = generation;
  }

  /** Adds a process type to the app's release, as a deploy of a Procfile would. */
  public synchronized FakeApp process(String type, String size, int quantity) {
    Size s =
        Catalog.standard()
            .find(size)
            .orElseThrow(() -> new IllegalArgumentException("unknown size " + size));
    Instant now = FakeJson.now();
    formation.put(
        type, new Proc(UUID.randomUUID().toString(), type, "bin/" + type, s, quantity, now, now));
    return this;
  }

  /** Adds a monitor as if someone had configured it by hand; returns its id. */
  public synchronized String monitor(
      String name,
      String actionType,
      boolean active,
      int min,
      int max,
      int value,
      boolean notifyApp) {
    Monitor m =
        new Monitor(
            UUID.randomUUID().toString(),
            name,
            actionType,
            active,
            "GREATER_OR_EQUAL",
            1,
            value,
            min,
            max,
            notifyApp ? List.of("app") : List.of(),
            1440);
    monitors.add(m);
    return m.id;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /**
   * Moves a type's count the way Heroku's autoscaler does: the monitor stays on (unlike a scale
   * through the API, which turns it off for web).
   */
  public synchronized FakeApp setQuantityAsTheAutoscaler(String type, int quantity) {
    Proc p = formation.get(type);
    p.quantity = quantity;
    p.updatedAt = FakeJson.now();
    return this;
  }

  public synchronized int quantity(String type) {
    return formation.get(type).quantity;
  }

  /** The size as the API returns it ({@code Standard-2X}, {@code dyno-2c-1gb}). */
  public synchronized String size(String type) {
    return formation.get(type).size.name();
  }

  public synchronized List<Monitor> monitors() {
    List<Monitor> copy = new ArrayList<>();
    monitors.forEach(m -> copy.add(m.copy()));
    return copy;
  }

  /** A process type's state; mutable, guarded by the owning app's lock. */
  static final class Proc {
    final String id;
    final String type;
    final String command;
    Size size;
    int quantity;
    final Instant createdAt;
    Instant updatedAt;

    Proc(
        String id,
        String type,
        String command,
        Size size,
        int quantity,
        Instant createdAt,
        Instant updatedAt) {
      this.id = id;
      this.type = type;
      this.command = command;
      this.size = size;
      this.quantity = quantity;
      this.createdAt = createdAt;
      this.updatedAt = updatedAt;
    }
  }

  /** A metrics-API monitor; mutable, guarded by the owning app's lock. */
  public static final class Monitor {
    public final String id;
    public String name;
    public String actionType;
    public boolean active;
    public String op;
    public int period;
    public int value;
    public int minQuantity;
    public int maxQuantity;
    public List<String> notificationChannels;
    public int notificationPeriod;

    Monitor(
        String id,
        String name,
        String actionType,
        boolean active,
        String op,
        int period,
        int value,
        int minQuantity,
        int maxQuantity,
        List<String> channels,
        int notificationPeriod) {
      this.id = id;
      this.name = name;
      this.actionType = actionType;
      this.active = active;
      this.op = op;
      this.period = period;
      this.value = value;
      this.minQuantity = minQuantity;
      this.maxQuantity = maxQuantity;
      this.notificationChannels = List.copyOf(channels);
      this.notificationPeriod = notificationPeriod;
    }

    Monitor copy() {
      return new Monitor(
          id,
          name,
          actionType,
          active,
          op,
          period,
          value,
          minQuantity,
          maxQuantity,
          notificationChannels,
          notificationPeriod);
    }
  }
}
