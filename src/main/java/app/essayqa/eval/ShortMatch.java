package app.essayqa.eval;

/** How an expected short answer is compared with the one given: exact match, as QA scores it. */
final class ShortMatch {
  private ShortMatch() {}

  /** Equal once case, quotes and spaces are folded and end punctuation is dropped. */
  static boolean same(String given, String expected) {
    return fold(given).equals(fold(expected));
  }

  private static String fold(String text) {
    return Matching.normalize(text).replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
  }
}
