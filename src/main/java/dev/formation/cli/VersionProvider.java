package dev.formation.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), or {@code dev} when run from classes. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"formation " + version()};
  }

  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
