package app.essayqa.config;

import java.util.ArrayList;
import java.util.List;

/** The value types a configuration key can hold; each parses and validates its text form. */
public enum KeyType {
  STRING,
  INT,
  DOUBLE,
  BOOLEAN,
  PATH,
  /** Comma-separated in env and flags, a YAML sequence in the file. */
  LIST;

  /**
   * Returns the parsed value, or throws with a message that the caller prefixes with key and
   * source.
   */
  Object parse(String text) {
    String t = text.strip();
    switch (this) {
      case INT:
        try {
          return Integer.parseInt(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected a whole number");
        }
      case DOUBLE:
        try {
          double d = Double.parseDouble(t);
          if (!Double.isFinite(d)) {
            throw new NumberFormatException();
          }
          return d;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected a number");
        }
      case BOOLEAN:
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes") || t.equals("1")) {
          return true;
        }
        if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("no") || t.equals("0")) {
          return false;
        }
        throw new IllegalArgumentException("expected true or false");
      case LIST:
        List<String> items = new ArrayList<>();
        for (String part : t.split(",")) {
          if (!part.isBlank()) {
            items.add(part.strip());
          }
        }
        return List.copyOf(items);
      case PATH:
        if (t.isEmpty()) {
          throw new IllegalArgumentException("expected a folder path, got nothing");
        }
        return t;
      default:
        return t;
    }
  }
}
