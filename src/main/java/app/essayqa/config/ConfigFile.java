package app.essayqa.config;

import app.essayqa.config.ConfigLoader.Setting;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML configuration file into dotted keys with the line that sets each, with a streaming
 * parser so every message can name the line: a key given twice (YAML would let the last one win
 * without a word), a section given a value, a syntax error.
 */
final class ConfigFile {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final JsonParser parser;
  private final String shown;
  private final Map<String, Integer> seen = new HashMap<>();
  private final List<Setting> settings = new ArrayList<>();

  private ConfigFile(JsonParser parser, String shown) {
    this.parser = parser;
    this.shown = shown;
  }

  /** The keys the text sets, in file order; {@code shown} names the file in messages. */
  static List<Setting> settings(String text, String shown) {
    try (JsonParser parser = YAML.createParser(text)) {
      ConfigFile file = new ConfigFile(parser, shown);
      file.readDocument();
      return List.copyOf(file.settings);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException(
          shown + ": not valid YAML" + where + ": " + Yaml.oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      // Parsing a string in memory does no I/O; anything else is the parser's own failure.
      throw new ConfigException(shown + ": cannot read configuration file: " + e.getMessage());
    }
  }

  private void readDocument() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null || first == JsonToken.VALUE_NULL) {
      return; // an empty file, or one of comments only: every key keeps its default
    }
    if (first != JsonToken.START_OBJECT) {
      throw error(
          line(), "expected a mapping of keys at the top level, e.g. retrieval: {top-k: 5}");
    }
    readMapping("");
  }

  /** Reads the mapping the parser stands on, up to and including its END_OBJECT. */
  private void readMapping(String prefix) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = prefix.isEmpty() ? parser.currentName() : prefix + "." + parser.currentName();
      int line = line();
      Integer first = seen.putIfAbsent(name, line);
      if (first != null) {
        throw error(line, name + " is set twice (first at line " + first + "); keep one");
      }
      JsonToken value = parser.nextToken();
      boolean key = ConfigKeys.find(name).isPresent();
      switch (value) {
        case START_OBJECT -> {
          if (key) {
            throw error(line, name + " must be a plain value, not a mapping");
          }
          readMapping(name);
        }
        case START_ARRAY -> settings.add(new Setting(name, list(name, line), line));
        case VALUE_NULL -> {
          // "retrieval:" with every key under it commented out is an empty section, not a key.
          if (key || !isSection(name)) {
            settings.add(new Setting(name, "", line));
          }
        }
        default -> {
          if (!key && isSection(name)) {
            throw error(
                line,
                name
                    + " is a section, not a key: put keys under it (e.g. "
                    + firstKeyIn(name)
                    + ")");
          }
          settings.add(new Setting(name, parser.getText(), line));
        }
      }
    }
  }

  private String list(String name, int line) throws IOException {
    StringBuilder joined = new StringBuilder();
    for (JsonToken item = parser.nextToken();
        item != JsonToken.END_ARRAY;
        item = parser.nextToken()) {
      if (item.isStructStart()) {
        throw error(line, name + " must be a list of plain values");
      }
      joined.append(joined.length() == 0 ? "" : ",").append(parser.getText());
    }
    return joined.toString();
  }

  private static boolean isSection(String name) {
    return ConfigKeys.all().stream().anyMatch(k -> k.name().startsWith(name + "."));
  }

  private static String firstKeyIn(String section) {
    return ConfigKeys.all().stream()
        .map(ConfigKey::name)
        .filter(n -> n.startsWith(section + "."))
        .findFirst()
        .orElse(section);
  }

  private int line() {
    JsonLocation at = parser.currentTokenLocation();
    return at == null ? 0 : Math.max(1, at.getLineNr());
  }

  private ConfigException error(int line, String problem) {
    return new ConfigException(shown + ":" + line + ": " + problem);
  }
}
