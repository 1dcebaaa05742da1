package app.essayqa.eval;

import app.essayqa.answer.TextMatch;

/**
 * How suite expectations are compared with answers: the same normalisation as the check of a
 * language model's quotes ({@link TextMatch}), so "verbatim" means one thing everywhere.
 */
final class Matching {
  private Matching() {}

  /** Lower case, straight quotes, single spaces, trimmed: {@link TextMatch#normalize}. */
  static String normalize(String text) {
    return TextMatch.normalize(text);
  }

  /** Whether {@code text} contains {@code phrase} anywhere, after normalising both. */
  static boolean containsPhrase(String text, String phrase) {
    return TextMatch.containsPhrase(text, phrase);
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
