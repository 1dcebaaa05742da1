package app.essayqa.ingest;

import java.util.List;

/**
 * A document's text as the parser reads it.
 *
 * @param pageStarts the offset in {@code text} where each page starts, page 1 first; empty for a
 *     format without pages
 */
record Extracted(String text, List<Integer> pageStarts) {
  Extracted {
    pageStarts = List.copyOf(pageStarts);
  }

  static Extracted unpaged(String text) {
    return new Extracted(text, List.of());
  }
}
