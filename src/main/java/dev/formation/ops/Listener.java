package dev.formation.ops;

/**
 * Where an operation tells how far it is while it runs (the CLI prints it on stderr). Results are
 * returned, never told here.
 */
public interface Listener {
  Listener NONE =
      new Listener() {
        @Override
        public void progress(String line) {}

        @Override
        public void debug(String line) {}
      };

  /** A progress or status line: {@code read 10/500 apps}, {@code Starting the local platform}. */
  void progress(String line);

  /** An HTTP trace line, only with {@link Settings#debug}. */
  void debug(String line);
}
