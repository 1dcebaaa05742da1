package app.essayqa.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The effective configuration: one validated value per known key, with where it came from.
 * Immutable; {@link #with} returns a changed copy (used by overrides and settings sweeps).
 *
 * @param home the folder relative paths resolve against (the project folder)
 */
public record Config(Path home, Map<String, Object> values, Map<String, String> sources) {

  public Config {
    Objects.requireNonNull(home, "home");
    values = Map.copyOf(values);
    sources = Map.copyOf(sources);
  }

  /** All keys at their defaults, relative paths resolved against {@code home}. */
  public static Config defaults(Path home) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKeys.all()) {
      values.put(key.name(), key.parse(key.defaultValue()));
      sources.put(key.name(), "default");
    }
    return new Config(home, values, sources);
  }

  /**
   * Returns a copy with {@code name} set from its text form.
   *
   * @throws ConfigException naming the key, the value and the source when either is wrong
   */
  public Config with(String name, String text, String source) {
    return with(name, text, source, source);
  }

  /**
   * The same, with {@code where} naming the source in messages more precisely than the recorded
   * {@code source}: {@code config/essay-qa.yaml:12} for a key recorded as from {@code
   * config/essay-qa.yaml}.
   */
  Config with(String name, String text, String source, String where) {
    ConfigKey key =
        ConfigKeys.find(name)
            .orElseThrow(
                () ->
                    new ConfigException(
                        where
                            + ": unknown key '"
                            + name
                            + "' (value '"
                            + shown(name, text)
                            + "')"
                            + ConfigLoader.suggestion(name)));
    Object value;
    try {
      value = key.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          where + ": bad value '" + shown(name, text) + "' for " + name + ": " + e.getMessage());
    }
    Map<String, Object> newValues = new LinkedHashMap<>(values);
    Map<String, String> newSources = new LinkedHashMap<>(sources);
    newValues.put(name, value);
    newSources.put(name, source);
    return new Config(home, newValues, newSources);
  }

  /**
   * A value as it may appear in an error message: a bot token put in the wrong key ({@code
   * telegram.token}) or pasted as a value must not end up in logs.
   */
  static String shown(String name, String text) {
    boolean secret =
        name.toLowerCase(java.util.Locale.ROOT).matches(".*(token|secret|password|key$).*")
            || SECRET_LIKE.matcher(text).find();
    return secret ? "<hidden>" : text;
  }

  private static final java.util.regex.Pattern SECRET_LIKE =
      java.util.regex.Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{20,}");

  public int getInt(String name) {
    return (Integer) get(name);
  }

  public double getDouble(String name) {
    return (Double) get(name);
  }

  public boolean getBoolean(String name) {
    return (Boolean) get(name);
  }

  public String getString(String name) {
    return (String) get(name);
  }

  /** A path key, resolved against {@link #home()} when relative. */
  public Path getPath(String name) {
    return home.resolve((String) get(name)).normalize();
  }

  @SuppressWarnings("unchecked")
  public List<String> getList(String name) {
    return (List<String>) get(name);
  }

  /** The value in the text form a user would write, for display and fingerprints. */
  public String display(String name) {
    Object value = get(name);
    return value instanceof List<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList())
        : String.valueOf(value);
  }

  private Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("not a configuration key: " + name);
    }
    return value;
  }
}
