package dev.formation.cli;

import dev.formation.apply.Interrupt;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ctrl-C during an apply. The first SIGINT asks the apply to stop starting work and report where
 * each app stood; a second one exits at once (130), saying that the state is then unknown.
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
