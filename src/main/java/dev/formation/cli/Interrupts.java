package dev.formation.cli;

import dev.formation.apply.Interrupt;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ctrl-C, or the end a CI runner (SIGTERM) or a closed terminal (SIGHUP) sends, told as an FM161
 * diagnostic. During an apply's writes the first of them asks the apply to stop starting work,
 * report where each app stood and record what it did; the exit code then tells which signal it was,
 * as shells report a process ended by it (130, 143, 129). A second signal exits at once, saying
 * that the state is then unknown. While a command only reads, a signal ends it at once.
 *
 * <p>The JDK has no public API to catch a signal. {@code sun.misc.Signal} in module {@code
 * jdk.unsupported} is the one kept for this purpose; it is reached reflectively so that the build
 * stays free of "internal proprietary API" warnings, and where it is missing each signal keeps its
 * default (exit at once, nothing reported). A signal the process was started ignoring (SIGHUP under
 * {@code nohup}) stays ignored.
 */
final class Interrupts {
  private Interrupts() {}

  /** The signals an apply stops for, with the exit code each one ends it with. */
  private static final Map<String, Integer> SIGNALS = new LinkedHashMap<>();

  static {
    SIGNALS.put("INT", ExitCode.INTERRUPTED);
    SIGNALS.put("TERM", ExitCode.TERMINATED);
    SIGNALS.put("HUP", ExitCode.HUNG_UP);
  }

  /** Handlers installed until {@link #close()}; closing restores the ones they replaced. */
  interface Caught extends AutoCloseable {
    /** The exit code of the first signal caught, or {@link ExitCode#INTERRUPTED} without one. */
    default int exitCode() {
      return ExitCode.INTERRUPTED;
    }

    @Override
    void close();
  }

  /**
   * Catches SIGINT, SIGTERM and SIGHUP until the result is closed, setting {@code interrupt} on the
   * first one. Each is told as an {@link Code#FM161} diagnostic on the command's stderr.
   */
  static Caught during(Interrupt interrupt, CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    AtomicInteger first = new AtomicInteger(ExitCode.INTERRUPTED);
    List<Runnable> restore = new ArrayList<>();
    for (Map.Entry<String, Integer> signal : SIGNALS.entrySet()) {
      String by = signal.getKey().equals("INT") ? "" : " by SIG" + signal.getKey();
      int code = signal.getValue();
      Runnable onSignal =
          () -> {
            synchronized (err) {
              if (interrupt.requested()) {
                Output.diagnostics(
                    spec,
                    new Diagnostics()
                        .error(
                            Code.FM161,
                            "interrupted again"
                                + by
                                + ": exiting now; the apps in flight may be half-applied",
                            null,
                            "`formation plan` shows where they stand"),
                    null);
                Runtime.getRuntime().halt(code);
              }
              first.set(code);
              interrupt.request();
              Output.diagnostics(
                  spec,
                  new Diagnostics()
                      .error(
                          Code.FM161,
                          "interrupted"
                              + by
                              + ": no new write starts; waiting for the requests in flight,"
                              + " then reporting",
                          null,
                          "press Ctrl-C again to exit at once"),
                  null);
            }
          };
      Runnable undo = install(signal.getKey(), onSignal);
      if (undo != null) {
        restore.add(undo);
      }
    }
    return new Caught() {
      @Override
      public int exitCode() {
        return first.get();
      }

      @Override
      public void close() {
        restore.forEach(Runnable::run);
      }
    };
  }

  /**
   * Until the result is closed, while a command only reads (plan, drift, import, an apply before
   * its first write): there is nothing to finish, so Ctrl-C keeps its default (the JVM exits with
   * 130) and a shutdown hook says so as an {@link Code#FM161} diagnostic. A hook, not a signal
   * handler: it costs a thread object, where installing a handler costs a proxy class on every
   * plan's path.
   */
  static Caught whileReading(CommandSpec spec) {
    return onExit(spec, "interrupted before the command finished; nothing was changed");
  }

  /**
   * {@link #whileReading(CommandSpec)} for a command that serves until Ctrl-C ({@code ui}): the
   * FM161 line says that it stopped, and that the files keep the edits made from its page.
   */
  static Caught whileServing(CommandSpec spec) {
    return onExit(
        spec, "interrupted: stopped serving; the files keep every edit made from the page");
  }

  private static Caught onExit(CommandSpec spec, String message) {
    PrintWriter err = spec.commandLine().getErr();
    Thread hook =
        new Thread(
            () -> {
              synchronized (err) {
                Output.diagnostics(
                    spec, new Diagnostics().error(Code.FM161, message, null, null), null);
              }
            },
            "formation-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (!closed.getAndSet(true)) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already exiting (Ctrl-C came as the command ended): the hook runs
        }
      }
    };
  }

  /** Runs {@code read} under {@link #whileReading(CommandSpec)}. */
  static <T> T whileReading(CommandSpec spec, Supplier<T> read) {
    Caught caught = whileReading(spec);
    try {
      return read.get();
    } finally {
      caught.close();
    }
  }

  /**
   * Handles one signal with {@code onSignal}; returns how to put the previous handler back, or
   * {@code null} when the signal cannot be caught here.
   */
  private static Runnable install(String name, Runnable onSignal) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance(name);
      Object ignored = handlerClass.getField("SIG_IGN").get(null);
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      InvocationHandler calls =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              onSignal.run();
              return null;
            }
            return method.getDeclaringClass() == Object.class
                ? objectMethod(proxy, method, args)
                : null;
          };
      Object handler =
          Proxy.newProxyInstance(
              Interrupts.class.getClassLoader(), new Class<?>[] {handlerClass}, calls);
      Object previous = handle.invoke(null, signal, handler);
      if (previous == ignored) {
        // started ignoring it (nohup): keep it so
        handle.invoke(null, signal, previous);
        return null;
      }
      return () -> {
        try {
          handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException e) {
          // the previous handler could not be put back; the process ends soon after anyway
        }
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      // no way to catch this signal here (another JDK, -Xrs, or the JVM keeps it): its default
      return null;
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "Interrupts.handler";
    };
  }
}
