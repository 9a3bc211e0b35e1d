package dev.formation.platform.local;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.live.Placement;
import dev.formation.live.Sealed;
import dev.formation.live.SetupStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a local app is registered with the local platform: the folder its Procfile is read from,
 * its router port, the Procfile's process types with their commands, in file order, and the queue
 * rules the daemon runs for it (in the file's order of types). The same record says where a config
 * wants it registered, so the two compare field by field; what differs becomes the steps of one
 * registration ({@link Registrations}).
 *
 * <p>A saved plan keeps no command text (it holds no secret); it keeps each command {@link #sealed
 * sealed} to its digest, and {@link #sameCommands} compares either form.
 *
 * @param dir an absolute, normalised path
 * @param commands process type → command (or its sealed digest), in Procfile order
 * @param queues the queue rules, at most one per type
 */
public record LocalRegistration(
    Path dir, int port, Map<String, String> commands, List<LocalQueue> queues)
    implements Placement {

  public LocalRegistration {
    if (dir == null || !dir.isAbsolute()) {
      throw new IllegalArgumentException("a local app's folder is an absolute path: " + dir);
    }
    dir = dir.normalize();
    commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
    queues = queues == null ? List.of() : List.copyOf(queues);
  }

  /** A registration without queue rules. */
  public LocalRegistration(Path dir, int port, Map<String, String> commands) {
    this(dir, port, commands, List.of());
  }

  /**
   * The registration a saved plan keeps: {@code dir}, {@code port}, {@code commands} and, where
   * there are any, {@code queues}.
   */
  static LocalRegistration of(Map<String, Object> json) {
    Map<String, String> commands = new LinkedHashMap<>();
    ((Map<?, ?>) json.get("commands")).forEach((k, v) -> commands.put((String) k, (String) v));
    List<LocalQueue> queues = new ArrayList<>();
    if (json.get("queues") instanceof List<?> list) {
      list.forEach(q -> queues.add(LocalQueue.of((Map<?, ?>) q)));
    }
    return new LocalRegistration(
        Path.of((String) json.get("dir")),
        ((Number) json.get("port")).intValue(),
        commands,
        queues);
  }

  /** The queue rule of a type, or {@code null}. */
  public LocalQueue queue(String type) {
    return queues.stream().filter(q -> q.type().equals(type)).findFirst().orElse(null);
  }

  /** The same registration with every command replaced by its digest. */
  public LocalRegistration sealed() {
    Map<String, String> sealed = new LinkedHashMap<>();
    commands.forEach((type, command) -> sealed.put(type, sealed(command)));
    return new LocalRegistration(dir, port, sealed, queues);
  }

  /** Whether both declare the same types with the same commands, plain or sealed. */
  public boolean sameCommands(Map<String, String> other) {
    if (!commands.keySet().equals(other.keySet())) {
      return false;
    }
    return commands.entrySet().stream()
        .allMatch(e -> sealed(e.getValue()).equals(sealed(other.get(e.getKey()))));
  }

  /** A command's digest, {@code sha256:} and 16 hex digits; a digest is returned as it is. */
  public static String sealed(String command) {
    return Sealed.of(command);
  }

  @Override
  public Map<String, Object> json(boolean sealed) {
    LocalRegistration r = sealed ? sealed() : this;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dir", r.dir.toString());
    json.put("port", r.port);
    json.put("commands", new LinkedHashMap<String, Object>(r.commands));
    if (!queues.isEmpty()) {
      json.put("queues", new ArrayList<Object>(queues.stream().map(LocalQueue::json).toList()));
    }
    return json;
  }

  @Override
  public List<SetupStep> stepsFrom(LiveApp live) {
    return Registrations.steps(this, live);
  }

  @Override
  public LiveApp projected(LiveApp live) {
    return Registrations.projected(live, this);
  }

  @Override
  public SetupStep removal(LiveProcess p) {
    return new SetupStep("remove_type", "remove", p.type(), p.command(), null, null, true);
  }

  @Override
  public List<Difference> differencesIn(LiveApp live) {
    return Registrations.differences(this, live);
  }

  @Override
  public boolean shownBy(LiveApp now) {
    return now.placement() instanceof LocalRegistration has
        && has.dir().equals(dir)
        && has.port() == port
        && sameCommands(has.commands())
        && has.queues().equals(queues);
  }

  @Override
  public List<String> problemsIn(LiveApp now) {
    return Registrations.problems(this, now);
  }

  @Override
  public void fingerprint(StringBuilder text) {
    text.append("local\t").append(dir).append('\t').append(port).append('\n');
    new TreeMap<>(commands)
        .forEach(
            (type, command) ->
                text.append("command\t")
                    .append(type)
                    .append('\t')
                    .append(sealed(command))
                    .append('\n'));
    queues.forEach(
        q -> text.append("queue\t").append(q.type()).append('\t').append(q.text()).append('\n'));
  }

  @Override
  public List<String> movesTo(Placement now) {
    return Registrations.moves(this, (LocalRegistration) now);
  }

  @Override
  public List<String> appeared() {
    return List.of("the app was registered with the local platform (from " + dir + ")");
  }
}
