package app.essayqa.eval;

import app.essayqa.config.Config;
import java.util.ArrayList;
import java.util.List;

/** The configurations a run covers: the base one, or one per value of {@code --sweep KEY=V1,V2}. */
final class Sweep {
  private Sweep() {}

  /** One configuration to run, labelled {@code key=value} in a sweep and empty otherwise. */
  record Variant(String label, Config config) {}

  /**
   * @param spec {@code KEY=V1,V2,...}, or null for no sweep
   * @throws IllegalArgumentException when the spec is malformed
   * @throws app.essayqa.config.ConfigException when the key or a value is wrong for the config
   */
  static List<Variant> variants(String spec, Config base) {
    if (spec == null) {
      return List.of(new Variant("", base));
    }
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("--sweep expects KEY=V1,V2,..., got '" + spec + "'");
    }
    String key = spec.substring(0, eq).strip();
    List<Variant> variants = new ArrayList<>();
    for (String value : spec.substring(eq + 1).split(",", -1)) {
      if (value.isBlank()) {
        throw new IllegalArgumentException("--sweep " + spec + ": an empty value");
      }
      variants.add(
          new Variant(key + "=" + value.strip(), base.with(key, value.strip(), "--sweep")));
    }
    return variants;
  }
}
