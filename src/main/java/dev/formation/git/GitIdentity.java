package dev.formation.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Who git would name as the author of a commit made here, as {@code git var GIT_AUTHOR_IDENT}
 * answers: {@code GIT_AUTHOR_NAME} and {@code GIT_AUTHOR_EMAIL} first, then {@code author.name} /
 * {@code author.email}, then {@code user.name} / {@code user.email}, each from the repository's own
 * config, then {@code $HOME/.gitconfig}, then {@code $XDG_CONFIG_HOME/git/config} (default {@code
 * $HOME/.config/git/config}). The environment given is the one formation runs in, so {@code HOME}
 * counts, not the JVM's idea of the account's home folder.
 */
public final class GitIdentity {
  private GitIdentity() {}

  /**
   * {@code Name <email>}, or {@code null} when neither a name nor an email is set anywhere (git
   * would refuse to commit then, or guess one from the machine: formation records none).
   */
  public static String author(GitRepo git, Map<String, String> env, Path home) {
    List<Config> configs = configs(git, env, home);
    String name = env.get("GIT_AUTHOR_NAME");
    String email = env.get("GIT_AUTHOR_EMAIL");
    if (name == null) {
      name = first(configs, "author", "name");
    }
    if (name == null) {
      name = first(configs, "user", "name");
    }
    if (email == null) {
      email = first(configs, "author", "email");
    }
    if (email == null) {
      email = first(configs, "user", "email");
    }
    if (name == null && email == null) {
      return null;
    }
    PersonIdent ident = new PersonIdent(name == null ? "" : name, email == null ? "" : email);
    return (ident.getName() + " <" + ident.getEmailAddress() + ">").trim();
  }

  /** The config files git reads, the one that wins first, each read on its own. */
  private static List<Config> configs(GitRepo git, Map<String, String> env, Path home) {
    List<Config> configs = new ArrayList<>();
    configs.add(load(new File(git.repository().getDirectory(), "config")));
    String global = env.get("GIT_CONFIG_GLOBAL");
    if (global != null && !global.isBlank()) {
      configs.add(load(new File(global)));
    } else {
      configs.add(load(home.resolve(".gitconfig").toFile()));
      String xdg = env.get("XDG_CONFIG_HOME");
      Path xdgHome = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
      configs.add(load(xdgHome.resolve("git").resolve("config").toFile()));
    }
    if (env.get("GIT_CONFIG_NOSYSTEM") == null) {
      String system = env.get("GIT_CONFIG_SYSTEM");
      configs.add(load(new File(system == null || system.isBlank() ? "/etc/gitconfig" : system)));
    }
    return configs;
  }

  private static Config load(File file) {
    FileBasedConfig config = new FileBasedConfig(null, file, FS.DETECTED);
    try {
      config.load();
    } catch (IOException | ConfigInvalidException | IllegalArgumentException e) {
      // an unreadable or broken file sets nothing here
      return new Config();
    }
    return config;
  }

  private static String first(List<Config> configs, String section, String key) {
    for (Config c : configs) {
      String value = c.getString(section, null, key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
