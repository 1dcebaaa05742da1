package app.essayqa.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key: its dotted name, type, default (in text form) and the check on its value.
 *
 * @param name dotted name as written in the YAML file, e.g. {@code retrieval.top-k}
 * @param min lower bound for numbers (inclusive), ignored for other types
 * @param max upper bound for numbers (inclusive), ignored for other types
 * @param choices the allowed values of a string key; empty means any
 */
public record ConfigKey(
    String name, KeyType type, String defaultValue, double min, double max, List<String> choices) {

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    choices = List.copyOf(choices);
  }

  static ConfigKey text(String name, String defaultValue) {
    return new ConfigKey(name, KeyType.STRING, defaultValue, 0, 0, List.of());
  }

  static ConfigKey choice(String name, String defaultValue, String... choices) {
    return new ConfigKey(name, KeyType.STRING, defaultValue, 0, 0, List.of(choices));
  }

  static ConfigKey path(String name, String defaultValue) {
    return new ConfigKey(name, KeyType.PATH, defaultValue, 0, 0, List.of());
  }

  static ConfigKey integer(String name, int defaultValue, int min, int max) {
    return new ConfigKey(name, KeyType.INT, Integer.toString(defaultValue), min, max, List.of());
  }

  static ConfigKey number(String name, double defaultValue, double min, double max) {
    return new ConfigKey(name, KeyType.DOUBLE, Double.toString(defaultValue), min, max, List.of());
  }

  static ConfigKey flag(String name, boolean defaultValue) {
    return new ConfigKey(name, KeyType.BOOLEAN, Boolean.toString(defaultValue), 0, 0, List.of());
  }

  static ConfigKey list(String name, String defaultValue) {
    return new ConfigKey(name, KeyType.LIST, defaultValue, 0, 0, List.of());
  }

  /**
   * The environment variable that overrides this key: {@code ESSAYQA_} + name in upper snake case.
   */
  public String envName() {
    return "ESSAYQA_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Parses and checks a value; the message says what was wrong, the caller adds key and source. */
  Object parse(String text) {
    Object value = type.parse(text);
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d < min || d > max) {
        throw new IllegalArgumentException("must be between " + fmt(min) + " and " + fmt(max));
      }
    }
    if (!choices.isEmpty() && !choices.contains(value)) {
      throw new IllegalArgumentException("must be one of " + String.join(", ", choices));
    }
    return value;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
