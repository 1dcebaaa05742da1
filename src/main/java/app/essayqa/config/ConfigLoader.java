package app.essayqa.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
    if (Files.exists(file) || explicitFile) {
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
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(shown + ": configuration file not found");
    }
    JsonNode root;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException(shown + ": not valid YAML" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(shown + ": cannot read configuration file: " + e.getMessage());
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return config;
    }
    if (!root.isObject()) {
      throw new ConfigException(shown + ": expected a mapping of keys at the top level");
    }
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", root, flat, shown);
    for (Map.Entry<String, String> entry : flat.entrySet()) {
      config = config.with(entry.getKey(), entry.getValue(), shown);
    }
    return config;
  }

  static Config applyEnv(Config config, Map<String, String> env) {
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

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, String file) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject() && ConfigKeys.find(name).isEmpty()) {
        flatten(name, value, out, file);
      } else if (value.isArray()) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : value) {
          if (item.isContainerNode()) {
            throw new ConfigException(file + ": " + name + " must be a list of plain values");
          }
          joined.append(joined.length() == 0 ? "" : ",").append(item.asText());
        }
        out.put(name, joined.toString());
      } else if (value.isNull()) {
        out.put(name, "");
      } else if (value.isContainerNode()) {
        throw new ConfigException(file + ": " + name + " must be a plain value, not a mapping");
      } else {
        out.put(name, value.asText());
      }
    }
  }

  /** A hint naming the closest known key, or empty. */
  static String suggestion(String unknown) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKey key : ConfigKeys.all()) {
      int d = distance(unknown, key.name());
      if (d < bestDistance) {
        bestDistance = d;
        best = key.name();
      }
    }
    return best != null && bestDistance <= Math.max(2, unknown.length() / 4)
        ? "; did you mean '" + best + "'?"
        : "";
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
