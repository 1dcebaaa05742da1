package app.essayqa.config;

import app.essayqa.error.IoReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the effective {@link Config}: defaults, then the YAML file, then environment variables
 * ({@code ESSAYQA_RETRIEVAL_TOP_K=5}), then command-line overrides ({@code --set key=value}); each
 * later source wins. Unknown keys and bad values fail, naming the key, the value and the source.
 */
public final class ConfigLoader {
  /** The shipped configuration file, relative to the project folder. */
  public static final String DEFAULT_FILE = "config/essay-qa.yaml";

  private ConfigLoader() {}

  /**
   * @param file the YAML file to read; when it is the default file and does not exist, defaults are
   *     used (a jar run outside the project still works); any other missing file is an error
   */
  public static Config load(
      Path home,
      Path file,
      boolean explicitFile,
      Map<String, String> env,
      Map<String, String> sets) {
    Config config = Config.defaults(home);
    if (explicitFile || Files.exists(file)) {
      config = applyFile(config, file);
    }
    config = applyEnv(config, env);
    for (Map.Entry<String, String> set : sets.entrySet()) {
      config = config.with(set.getKey(), set.getValue(), "--set");
    }
    return config;
  }

  static Config applyFile(Config config, Path file) {
    String shown = file.toString();
    if (shown.isEmpty()) {
      throw new ConfigException("--config: no file name given");
    }
    if (Files.isDirectory(file)) {
      throw new ConfigException(shown + ": is a folder, not a configuration file");
    }
    if (!Files.exists(file)) {
      throw new ConfigException(shown + ": configuration file not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(shown + ": not a regular file");
    }
    String text;
    try {
      text = utf8(Files.readAllBytes(file), shown);
    } catch (IOException e) {
      throw new ConfigException(shown + ": cannot read configuration file: " + IoReason.of(e));
    }
    for (Setting setting : ConfigFile.settings(text, shown)) {
      config = config.with(setting.name(), setting.value(), shown, shown + ":" + setting.line());
    }
    return config;
  }

  /** A key set in the file, at the line that sets it. */
  record Setting(String name, String value, int line) {}

  /** The file's text; bytes that are not UTF-8 are named by line and column. */
  private static String utf8(byte[] bytes, String shown) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new ConfigException(
          String.format(
              Locale.ROOT,
              "%s:%d: not UTF-8 text (byte 0x%02x at column %d); save the file as UTF-8",
              shown,
              line,
              bytes[at] & 0xff,
              at - lineStart + 1));
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static Config applyEnv(Config config, Map<String, String> env) {
    checkEnvNames(env);
    for (ConfigKey key : ConfigKeys.all()) {
      String value = env.get(key.envName());
      if (value != null) {
        config = config.with(key.name(), value, "environment " + key.envName());
      }
    }
    for (Map.Entry<String, String> alias : ConfigKeys.ENV_ALIASES.entrySet()) {
      String value = env.get(alias.getKey());
      if (value != null
          && env.get(ConfigKeys.find(alias.getValue()).orElseThrow().envName()) == null) {
        config = config.with(alias.getValue(), value, "environment " + alias.getKey());
      }
    }
    return config;
  }

  /**
   * Variables the launcher and the logging read, which name no configuration key. {@code
   * ESSAYQA_LLM_API_KEY} is a secret read from the environment only, never from the file.
   */
  public static final List<String> LAUNCHER_VARIABLES =
      List.of(
          "ESSAYQA_HOME",
          "ESSAYQA_JAVA_OPTS",
          "ESSAYQA_CDS",
          "ESSAYQA_LOG_LEVEL",
          "ESSAYQA_LLM_API_KEY");

  /**
   * A misspelled variable ({@code ESSAYQA_RETRIEVAL_TOPK}) would otherwise be ignored without a
   * word, like a misspelled key in the file would not be. Its value is never shown: it may be a
   * secret under a mistyped name.
   */
  private static void checkEnvNames(Map<String, String> env) {
    Set<String> known = new TreeSet<>(LAUNCHER_VARIABLES);
    ConfigKeys.all().forEach(k -> known.add(k.envName()));
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith("ESSAYQA_") && !known.contains(name)) {
        String closest = closest(name, known);
        throw new ConfigException(
            "environment "
                + name
                + ": names no configuration key"
                + (closest == null
                    ? " (ESSAYQA_ and a key in upper snake case, e.g. ESSAYQA_RETRIEVAL_TOP_K)"
                    : "; did you mean " + closest + "?"));
      }
    }
  }

  /** A hint naming the closest known key, or empty. */
  static String suggestion(String unknown) {
    String best = closest(unknown, ConfigKeys.all().stream().map(ConfigKey::name).toList());
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** The candidate within a few edits of {@code unknown}, or null when none is close. */
  private static String closest(String unknown, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(unknown, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, unknown.length() / 4) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
