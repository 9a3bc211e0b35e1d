package dev.formation.cli;

import dev.formation.apply.Interrupt;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C, or the end a CI runner or a closed terminal sends, during an apply. The first SIGINT,
 * SIGTERM or SIGHUP asks the apply to stop starting work and report where each app stood (and the
 * apply records what it did); the exit code then tells which signal it was, as shells report a
 * process ended by it (130, 143, 129). A second signal exits at once, saying that the state is then
 * unknown.
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
  private static final Map<String, Integer> SIGNALS =
      new LinkedHashMap<>(
          Map.of(
              "INT", ExitCode.INTERRUPTED, "TERM", ExitCode.TERMINATED, "HUP", ExitCode.HUNG_UP));

  /** Handlers installed until {@link #close()}; closing restores the ones they replaced. */
  interface Caught extends AutoCloseable {
    /** The exit code of the first signal caught, or {@link ExitCode#INTERRUPTED} without one. */
    int exitCode();

    @Override
    void close();
  }

  /** Catches the signals until the result is closed, setting {@code interrupt} on the first. */
  static Caught during(Interrupt interrupt, PrintWriter err) {
    AtomicInteger first = new AtomicInteger(ExitCode.INTERRUPTED);
    List<Runnable> restore = new ArrayList<>();
    for (Map.Entry<String, Integer> signal : SIGNALS.entrySet()) {
      String name = signal.getKey();
      int code = signal.getValue();
      Runnable onSignal =
          () -> {
            synchronized (err) {
              if (interrupt.requested()) {
                err.println(
                    (name.equals("INT") ? "Interrupted again" : "Interrupted again by SIG" + name)
                        + ": exiting now. The apps in flight may be half-applied;"
                        + " `formation plan` shows where they stand.");
                err.flush();
                Runtime.getRuntime().halt(code);
              }
              first.set(code);
              interrupt.request();
              err.println(
                  (name.equals("INT") ? "Interrupted" : "Interrupted by SIG" + name)
                      + ": no new write starts; waiting for the requests in flight, then"
                      + " reporting. Press Ctrl-C again to exit at once.");
              err.flush();
            }
          };
      Runnable undo = install(name, onSignal);
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
