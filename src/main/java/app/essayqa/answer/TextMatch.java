package app.essayqa.answer;

import java.util.Locale;

/**
 * How a phrase is compared with the essay's text wherever it is checked (eval's expectations, a
 * language model's quotes): case, curly versus straight quotes and runs of whitespace are ignored,
 * so a phrase copied from a word processor still matches the plain text.
 */
public final class TextMatch {
  private TextMatch() {}

  /** Lower case, straight quotes, single spaces, trimmed. */
  public static String normalize(String text) {
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
  public static boolean containsPhrase(String text, String phrase) {
    String p = normalize(phrase);
    return !p.isEmpty() && normalize(text).contains(p);
  }
}
