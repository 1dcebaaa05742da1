package app.essayqa.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a sentence too long for the embedding model's window (512 tokens) into pieces that each fit,
 * so that a block of several thousand characters without a full stop (an option list in a manual, a
 * table flattened to text) becomes several passages, each with its own offsets and each quoted
 * verbatim, instead of one vector of its first 512 tokens. The length is counted in estimated
 * tokens: a run of letters or digits counts one per three characters (BERT's word pieces are rarely
 * shorter), every other visible character one (punctuation is a token of its own), every ideograph
 * one. English prose reaches {@link #MAX_UNITS} at about 1,000 characters (some 250 real tokens),
 * so ordinary sentences are never cut. A piece ends, by preference, after a semicolon or colon,
 * then after a comma or a closing bracket, then at any space, within the second half of the room; a
 * run of {@link #MAX_UNITS} units without a space is cut where the room ends. Pure.
 */
final class SentencePieces {
  /** Estimated tokens per piece: well inside the window, as the estimate may be off. */
  static final int MAX_UNITS = 400;

  private SentencePieces() {}

  /**
   * The pieces of {@code text} from {@code start} to {@code end}, as offsets into {@code text},
   * spaces at their edges left out; one piece (the span itself) when it fits.
   */
  static List<int[]> of(String text, int start, int end) {
    List<int[]> pieces = new ArrayList<>();
    int from = start;
    while (true) {
      int limit = room(text, from, end);
      if (limit >= end) {
        pieces.add(new int[] {from, end});
        return pieces;
      }
      int cut = cut(text, from + (limit - from) / 2, limit);
      int pieceEnd = cut;
      while (pieceEnd > from && Character.isWhitespace(text.charAt(pieceEnd - 1))) {
        pieceEnd--;
      }
      pieces.add(new int[] {from, pieceEnd});
      from = cut;
      while (from < end && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      if (from >= end) {
        return pieces;
      }
    }
  }

  /** The offset where {@code from} on reaches {@link #MAX_UNITS} units, or {@code end}. */
  static int room(String text, int from, int end) {
    int units = 0;
    int run = 0;
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      int add;
      if (Character.isWhitespace(c) || Character.isLowSurrogate(c)) {
        run = 0;
        add = 0;
      } else if (Character.isLetterOrDigit(c) && !Character.isIdeographic(c)) {
        add = run % 3 == 0 ? 1 : 0;
        run++;
      } else {
        run = 0;
        add = 1;
      }
      if (units + add > MAX_UNITS) {
        return i;
      }
      units += add;
    }
    return end;
  }

  /** The best place to end a piece between {@code low} and {@code high} (exclusive of a pair). */
  private static int cut(String text, int low, int high) {
    int space = -1;
    int comma = -1;
    for (int i = high; i > low; i--) {
      char before = text.charAt(i - 1);
      boolean atSpace = Character.isWhitespace(text.charAt(i));
      if (atSpace && (before == ';' || before == ':')) {
        return i;
      }
      if (atSpace && comma < 0 && (before == ',' || before == ')')) {
        comma = i;
      }
      if (atSpace && space < 0) {
        space = i;
      }
    }
    if (comma >= 0) {
      return comma;
    }
    if (space >= 0) {
      return space;
    }
    // No space in the second half: cut where the room ends, never inside a surrogate pair.
    return Character.isLowSurrogate(text.charAt(high)) ? high - 1 : high;
  }
}
