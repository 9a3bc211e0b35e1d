package dev.formation.apply;

/** Where long runs report how far they are; the CLI prints it on stderr, tests ignore it. */
@FunctionalInterface
public interface Progress {
  Progress NONE = line -> {};

  void report(String line);
}
