package dev.formation.ops;

import dev.formation.apply.Platforms;
import dev.formation.config.PlatformKind;
import dev.formation.diag.Diagnostic;
import dev.formation.platform.Platform;
import dev.formation.platform.PlatformContext;
import dev.formation.platform.PlatformException;
import dev.formation.platform.PlatformProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform adapters of one operation, each opened by its provider on the first app of its
 * platform: a plan of apps of one platform never opens another, and a platform that cannot be
 * opened (a missing token) fails only its own apps. What a platform warns of as a whole (the local
 * platform is not running) is kept for the operation's own diagnostics ({@link #warnings}).
 */
public final class Adapters implements Platforms, AutoCloseable {
  private final PlatformContext context;
  private final Map<PlatformKind, Platform> open = new HashMap<>();
  private final Map<PlatformKind, PlatformException> failed = new HashMap<>();
  private final List<Diagnostic> warnings = new ArrayList<>();

  /**
   * @param version formation's version, for the {@code User-Agent}
   * @param intent what the operation does with the platforms: only {@code APPLY} may start one
   */
  public Adapters(Host host, Settings settings, String version, PlatformContext.Intent intent) {
    this.context =
        new PlatformContext(
            host.env(),
            host.home(),
            version,
            settings.apiUrl(),
            settings.forceConflicts(),
            settings.debug() ? host.listener()::debug : null,
            host.listener()::progress,
            intent,
            this::warn);
  }

  private synchronized void warn(Diagnostic warning) {
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  /** What the platforms opened so far warned of, each once, in the order they said it. */
  public synchronized List<Diagnostic> warnings() {
    return List.copyOf(warnings);
  }

  /** The provider behind a platform kind: every installed kind is one. */
  public static PlatformProvider provider(PlatformKind kind) {
    if (kind instanceof PlatformProvider p) {
      return p;
    }
    throw new IllegalStateException(
        "platform " + kind.word() + " is installed without a PlatformProvider");
  }

  @Override
  public synchronized Platform forKind(PlatformKind kind) throws PlatformException {
    PlatformException failure = failed.get(kind);
    if (failure != null) {
      throw failure;
    }
    Platform adapter = open.get(kind);
    if (adapter == null) {
      try {
        adapter = provider(kind).open(context);
      } catch (PlatformException e) {
        failed.put(kind, e);
        throw e;
      }
      open.put(kind, adapter);
    }
    return adapter;
  }

  @Override
  public synchronized void close() {
    open.values().forEach(Platform::close);
  }
}
