package app.essayqa.eval;

import java.util.Locale;

/**
 * How suite expectations are compared with answers: case, curly versus straight quotes and runs of
 * whitespace are ignored, so a phrase copied from a word processor still matches the plain text.
 */
final class Matching {
  private Matching() {}

  /** Lower case, straight quotes, single spaces, trimmed. */
  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(straighten(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static char straighten(char c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
      default -> c;
    };
  }

  /** Whether {@code text} contains {@code phrase} anywhere, after normalising both. */
  static boolean containsPhrase(String text, String phrase) {
    String p = normalize(phrase);
    return !p.isEmpty() && normalize(text).contains(p);
  }

  /**
   * Whether {@code text} contains {@code term} as whole words: "AI" must not match inside
   * "maintain", which a plain substring test would accept.
   */
  static boolean containsTerm(String text, String term) {
    String t = normalize(term);
    if (t.isEmpty()) {
      return false;
    }
    String n = normalize(text);
    for (int at = n.indexOf(t); at >= 0; at = n.indexOf(t, at + 1)) {
      boolean startOk = at == 0 || !Character.isLetterOrDigit(n.charAt(at - 1));
      int end = at + t.length();
      boolean endOk = end == n.length() || !Character.isLetterOrDigit(n.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }
}
