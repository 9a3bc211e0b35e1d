package dev.formation.platform.local;

import dev.formation.config.PlatformKind.StepWords;
import dev.formation.live.SetupStep;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A local app's registration steps in the words of a plan ({@code ~ local dir}, {@code + process
 * type clock (from Procfile)}) and of apply's progress ({@code register with the local platform
 * (new, from /srv/app, router port 5000)}).
 */
final class RegistrationWords {
  private RegistrationWords() {}

  static StepWords of(SetupStep s, UnaryOperator<String> folder) {
    String before = before(s, folder);
    String after = after(s, folder);
    String detail =
        switch (s.operation()) {
          case "register" -> "register from " + after;
          case "add_type" -> "(from Procfile, at 0 dynos)";
          case "remove_type" -> "(not in the Procfile; its dynos stop)";
          default -> before + " → " + after;
        };
    return new StepWords(label(s), before, after, detail);
  }

  private static String label(SetupStep s) {
    return switch (s.operation()) {
      case "register" -> "local app";
      case "dir" -> "local dir";
      case "port" -> "router port";
      case "command" -> "command of " + s.type();
      case "queue" -> "queue rule of " + s.type();
      default -> "process type " + s.type();
    };
  }

  private static String before(SetupStep s, UnaryOperator<String> folder) {
    return switch (s.operation()) {
      case "register" -> "not registered";
      case "add_type" -> "not in the registration";
      case "command" -> quoted(s.from());
      case "dir" -> folder.apply(s.from());
      default -> s.from();
    };
  }

  private static String after(SetupStep s, UnaryOperator<String> folder) {
    return switch (s.operation()) {
      case "register" -> folder.apply(s.to()) + ", router port " + s.port();
      case "add_type" -> "from the Procfile, at 0 dynos";
      case "remove_type" -> "not in the Procfile; its dynos stop";
      case "command" -> quoted(s.to()) + " (its dynos restart)";
      case "dir" -> folder.apply(s.to());
      default -> s.to();
    };
  }

  private static String quoted(String command) {
    return command == null ? "none" : "`" + command + "`";
  }

  /** {@code new, from /srv/app, router port 5000} or {@code router port 5000 → 5001, +clock}. */
  static String progress(List<SetupStep> steps) {
    return "register with the local platform ("
        + steps.stream().map(RegistrationWords::step).collect(Collectors.joining(", "))
        + ")";
  }

  private static String step(SetupStep s) {
    return switch (s.operation()) {
      case "register" -> "new, from " + s.to() + ", router port " + s.port();
      case "dir" -> "folder " + s.from() + " → " + s.to();
      case "port" -> "router port " + s.from() + " → " + s.to();
      case "add_type" -> "+" + s.type();
      case "remove_type" -> "-" + s.type();
      case "queue" -> s.type() + "'s queue rule";
      default -> s.type() + "'s command";
    };
  }
}
