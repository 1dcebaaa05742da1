package app.essayqa.launcher;

import app.essayqa.config.Config;
import app.essayqa.config.ConfigException;
import app.essayqa.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command shares to find and override its configuration. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: config/essay-qa.yaml in the project folder).")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one configuration key, e.g. --set retrieval.top-k=5 (repeatable).")
  Map<String, String> sets = new LinkedHashMap<>();

  /** The project folder: $ESSAYQA_HOME (set by the launcher), else the working folder. */
  static Path home() {
    String home = System.getenv("ESSAYQA_HOME");
    return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
  }

  /** Defaults, then the file, then the environment, then {@code --set}. */
  public Config load() {
    Path home = home();
    Path file = configFile != null ? configFile : home.resolve(ConfigLoader.DEFAULT_FILE);
    for (Map.Entry<String, String> set : sets.entrySet()) {
      if (set.getValue() == null) {
        throw new ConfigException("--set " + set.getKey() + ": expected KEY=VALUE");
      }
    }
    return ConfigLoader.load(home, file, configFile != null, System.getenv(), sets);
  }

  /**
   * These options as they would be typed, with the file made absolute: what a child JVM needs to
   * run with the same configuration.
   */
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    if (configFile != null) {
      args.add("--config");
      args.add(configFile.toAbsolutePath().toString());
    }
    for (Map.Entry<String, String> set : sets.entrySet()) {
      args.add("--set");
      args.add(set.getKey() + "=" + set.getValue());
    }
    return args;
  }
}
