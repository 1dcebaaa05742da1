package app.essayqa.cli;

import app.essayqa.config.Config;
import app.essayqa.config.ConfigKey;
import app.essayqa.config.ConfigKeys;
import java.io.File;
import java.util.Locale;

/** {@code config} (also {@code --print-config}): the effective configuration and its sources. */
public final class ConfigTable {
  private ConfigTable() {}

  /** One line per key in declaration order: name, value, and where the value came from. */
  public static String of(Config config) {
    int nameWidth = "key".length();
    int valueWidth = "value".length();
    for (ConfigKey key : ConfigKeys.all()) {
      nameWidth = Math.max(nameWidth, key.name().length());
      valueWidth = Math.max(valueWidth, shown(config, key).length());
    }
    StringBuilder out = new StringBuilder();
    out.append("# project folder: ").append(config.home()).append('\n');
    out.append("# each key can also be set with ESSAYQA_<KEY> (upper case, '.' and '-' as '_'),")
        .append(" e.g. ESSAYQA_RETRIEVAL_TOP_K=5, or --set KEY=VALUE\n");
    String format = "%-" + nameWidth + "s  %-" + valueWidth + "s  %s%n";
    out.append(String.format(Locale.ROOT, format, "key", "value", "source"));
    for (ConfigKey key : ConfigKeys.all()) {
      String source = config.sources().getOrDefault(key.name(), "default");
      out.append(
          String.format(
              Locale.ROOT, format, key.name(), shown(config, key), relative(config, source)));
    }
    return Text.printable(out.toString());
  }

  /** A file source inside the project folder is shown relative to it: config/essay-qa.yaml. */
  private static String relative(Config config, String source) {
    String home = config.home().toString() + File.separator;
    return source.startsWith(home) ? source.substring(home.length()) : source;
  }

  /** The value as a user would write it; an empty value shown as {@code ""} so it is visible. */
  private static String shown(Config config, ConfigKey key) {
    String value = config.display(key.name());
    return value.isEmpty() ? "\"\"" : value;
  }
}
