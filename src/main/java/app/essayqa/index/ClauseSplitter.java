package app.essayqa.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a long sentence into its clauses, for extra dense views of it. MiniLM averages over every
 * token, so one idea in a sentence that carries three is diluted by the other two: "At the core is
 * the crumbling great power politics paradigm, where China's rise and U.S.' persistence ... have
 * propelled the changes" matches "what forces drive the change" better clause by clause than whole
 * (the "propositions as retrieval units" finding of Chen et al., Dense X Retrieval, 2023). The
 * sentence itself stays the passage that is ranked and quoted; clauses only score it.
 */
public final class ClauseSplitter {
  /** A clause break: after , ; or : before a space, or before a dash that opens an aside. */
  private static final Pattern BREAK = Pattern.compile("(?<=[,;:])\\s+|\\s+(?=[–—]\\s)");

  /** Clauses shorter than this join the next one: "Yet," or "I believe," says nothing alone. */
  static final int MIN_WORDS = 5;

  private ClauseSplitter() {}

  /**
   * Each clause of the sentence and each pair of adjacent clauses, as substrings of it, in order;
   * empty when the sentence is a single clause (its own vector already covers it).
   */
  public static List<String> views(String sentence) {
    List<String> views = new ArrayList<>();
    for (int[] span : viewSpans(sentence)) {
      views.add(sentence.substring(span[0], span[1]));
    }
    return views;
  }

  /** The character spans [start, end) of {@link #views}, in the same order. */
  public static List<int[]> viewSpans(String sentence) {
    List<int[]> clauses = clauses(sentence);
    List<int[]> views = new ArrayList<>();
    if (clauses.size() < 2) {
      return views;
    }
    for (int i = 0; i < clauses.size(); i++) {
      views.add(new int[] {clauses.get(i)[0], clauses.get(i)[1]});
      if (i + 1 < clauses.size()) {
        views.add(new int[] {clauses.get(i)[0], clauses.get(i + 1)[1]});
      }
    }
    return views;
  }

  /** Clause spans [start, end), short ones merged forward (a short last one backward). */
  private static List<int[]> clauses(String sentence) {
    List<int[]> segments = new ArrayList<>();
    Matcher m = BREAK.matcher(sentence);
    int from = 0;
    while (m.find()) {
      segments.add(new int[] {from, m.start()});
      from = m.end();
    }
    segments.add(new int[] {from, sentence.length()});

    List<int[]> merged = new ArrayList<>();
    int start = -1;
    for (int[] segment : segments) {
      if (start < 0) {
        start = segment[0];
      }
      if (words(sentence.substring(start, segment[1])) >= MIN_WORDS) {
        merged.add(new int[] {start, segment[1]});
        start = -1;
      }
    }
    if (start >= 0) {
      if (merged.isEmpty()) {
        merged.add(new int[] {start, sentence.length()});
      } else {
        merged.get(merged.size() - 1)[1] = sentence.length();
      }
    }
    return merged;
  }

  private static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }
}
