package dev.formation.platform.local.state;

import java.util.regex.Pattern;

/** Heroku's app names: 3 to 30 lowercase letters, digits and dashes, starting with a letter. */
public final class AppNames {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,28}[a-z0-9]");

  private AppNames() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
