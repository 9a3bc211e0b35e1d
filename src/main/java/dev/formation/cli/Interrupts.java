package dev.formation.cli;

import dev.formation.apply.Interrupt;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ctrl-C, told as an FM161 diagnostic. During an apply's writes the first SIGINT asks the apply to
 * stop starting work and report where each app stood; a second one exits at once (130), saying that
 * the state is then unknown. While a command only reads, Ctrl-C exits at once (130).
 *
 * <p>The JDK has no public API to catch a signal. {@code sun.misc.Signal} in module {@code
 * jdk.unsupported} is the one kept for this purpose; it is reached reflectively so that the build
 * stays free of "internal proprietary API" warnings, and where it is missing Ctrl-C keeps its
 * default (exit at once, nothing reported).
 */
final class Interrupts {
  private Interrupts() {}

  /** A handler installed until {@link #close()}; closing restores the one it replaced. */
  interface Caught extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Catches SIGINT until the result is closed, setting {@code interrupt} on the first one. Each
   * Ctrl-C is told as an {@link Code#FM161} diagnostic on the command's stderr.
   */
  static Caught during(Interrupt interrupt, CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    Runnable onSignal =
        () -> {
          synchronized (err) {
            if (interrupt.requested()) {
              Output.diagnostics(
                  spec,
                  new Diagnostics()
                      .error(
                          Code.FM161,
                          "interrupted again: exiting now; the apps in flight may be half-applied",
                          null,
                          "`formation plan` shows where they stand"),
                  null);
              Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
            }
            interrupt.request();
            Output.diagnostics(
                spec,
                new Diagnostics()
                    .error(
                        Code.FM161,
                        "interrupted: no new write starts; waiting for the requests in flight,"
                            + " then reporting",
                        null,
                        "press Ctrl-C again to exit at once"),
                null);
          }
        };
    return install(onSignal);
  }

  /**
   * Until the result is closed, while a command only reads (plan, drift, import, an apply before
   * its first write): there is nothing to finish, so Ctrl-C keeps its default (the JVM exits with
   * 130) and a shutdown hook says so as an {@link Code#FM161} diagnostic. A hook, not a signal
   * handler: it costs a thread object, where installing a handler costs a proxy class on every
   * plan's path.
   */
  static Caught whileReading(CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    Thread hook =
        new Thread(
            () -> {
              synchronized (err) {
                Output.diagnostics(
                    spec,
                    new Diagnostics()
                        .error(
                            Code.FM161,
                            "interrupted before the command finished; nothing was changed",
                            null,
                            null),
                    null);
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

  /** Installs {@code onSignal} for SIGINT; closing puts back the one it replaced. */
  private static Caught install(Runnable onSignal) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object sigint = signalClass.getConstructor(String.class).newInstance("INT");
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
      Object previous = handle.invoke(null, sigint, handler);
      return () -> {
        try {
          handle.invoke(null, sigint, previous);
        } catch (ReflectiveOperationException e) {
          // the previous handler could not be put back; the process ends soon after anyway
        }
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      // no way to catch SIGINT here (another JDK, or -Xrs): Ctrl-C keeps its default
      return () -> {};
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
