package app.essayqa.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the lines of a PDF's pages into paragraphs, from the layout alone. Pure: the same lines
 * always give the same text.
 *
 * <ul>
 *   <li>Running headers, footers and page numbers: a line among the first or last {@link
 *       #EDGE_LINES} of a page that, with its digits ignored, stands at an edge of most pages.
 *   <li>A paragraph ends at a vertical gap wider than {@link #GAP_LINES} usual line spacings, at a
 *       change of font size, before an indented line, and after a short line that ends a sentence.
 *   <li>Lines are re-joined with a space; a word hyphenated at the end of a line is joined without
 *       its hyphen only when the joined word occurs elsewhere in the document ("fa-" "vourable"
 *       when "favourable" occurs), else the hyphen stays ("side-" "lined" gives "side-lined").
 * </ul>
 */
final class PdfLayout {
  /** Lines at each edge of a page that may be a running header or footer. */
  static final int EDGE_LINES = 2;

  /** A gap wider than this many usual line spacings separates paragraphs. */
  static final double GAP_LINES = 1.4;

  /** A line starting this many font sizes right of the line before it is indented. */
  private static final double INDENT_EMS = 0.8;

  /** A line ending this share of the text width short of the right edge is short. */
  private static final double SHORT_LINE = 0.12;

  /** Font sizes differing by more than this share belong to different blocks (a heading). */
  private static final double SIZE_CHANGE = 0.12;

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

  private PdfLayout() {}

  static Extracted extract(List<List<PdfLine>> pages) {
    List<List<PdfLine>> body = withoutRunningLines(pages);
    Metrics metrics = Metrics.of(body);
    Set<String> words = words(body);
    StringBuilder text = new StringBuilder();
    List<Integer> pageStarts = new ArrayList<>();
    PdfLine previous = null;
    boolean previousSamePage = false;
    for (List<PdfLine> page : body) {
      boolean firstOnPage = true;
      for (PdfLine line : page) {
        if (previous == null) {
          // Nothing before it to join to.
        } else if (breaksBefore(previous, line, !firstOnPage, metrics)) {
          text.append("\n\n");
        } else if (endsInHyphen(previous.text()) && Character.isLetter(line.text().charAt(0))) {
          // The word goes on: without its hyphen when it was only broken for the line.
          String joined = lastWord(previous.text()) + firstWord(line.text());
          if (startsLower(line.text()) && words.contains(joined.toLowerCase(Locale.ROOT))) {
            text.setLength(text.length() - 1);
          }
        } else {
          text.append(' ');
        }
        if (firstOnPage) {
          pageStarts.add(text.length());
          firstOnPage = false;
        }
        text.append(line.text());
        previous = line;
      }
      if (firstOnPage) {
        pageStarts.add(text.length());
      }
    }
    return new Extracted(text.toString(), pageStarts);
  }

  private static boolean breaksBefore(PdfLine previous, PdfLine line, boolean samePage, Metrics m) {
    float larger = Math.max(previous.size(), line.size());
    if (Math.abs(previous.size() - line.size()) > SIZE_CHANGE * larger) {
      return true;
    }
    if (samePage) {
      // Larger type (a title over two lines) is set with wider spacing.
      float dy = line.y() - previous.y();
      float spacing = m.spacing() * Math.max(1, previous.size() / m.bodySize());
      if (dy < 0 || dy > GAP_LINES * spacing) {
        return true;
      }
    }
    if (line.x() - previous.x() > INDENT_EMS * line.size()) {
      return true;
    }
    boolean shortLine = previous.endX() < m.right() - SHORT_LINE * (m.right() - m.left());
    return shortLine && endsSentence(previous.text());
  }

  private static boolean endsSentence(String text) {
    char last = text.charAt(text.length() - 1);
    return ".!?:\"”’)".indexOf(last) >= 0;
  }

  private static boolean endsInHyphen(String text) {
    int n = text.length();
    return n >= 2 && text.charAt(n - 1) == '-' && Character.isLetter(text.charAt(n - 2));
  }

  private static boolean startsLower(String text) {
    return Character.isLowerCase(text.charAt(0));
  }

  /** The letters before the final hyphen. */
  private static String lastWord(String text) {
    int end = text.length() - 1;
    int start = end;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    return text.substring(start, end);
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end);
  }

  private static Set<String> words(List<List<PdfLine>> pages) {
    Set<String> words = new HashSet<>();
    for (List<PdfLine> page : pages) {
      for (PdfLine line : page) {
        for (String w : NON_LETTERS.split(line.text().toLowerCase(Locale.ROOT))) {
          if (!w.isEmpty()) {
            words.add(w);
          }
        }
      }
    }
    return words;
  }

  /**
   * The pages without their running lines. A line counts as running when its shape (digits ignored,
   * so "Page 3" matches "Page 4") stands at an edge of more than half the pages, and of at least
   * two; lines are dropped from each edge inwards while they are running.
   */
  static List<List<PdfLine>> withoutRunningLines(List<List<PdfLine>> pages) {
    Map<String, Integer> pagesWith = new HashMap<>();
    for (List<PdfLine> page : pages) {
      Set<String> edge = new HashSet<>();
      for (int i = 0; i < page.size(); i++) {
        if (i < EDGE_LINES || i >= page.size() - EDGE_LINES) {
          edge.add(shape(page.get(i)));
        }
      }
      edge.forEach(s -> pagesWith.merge(s, 1, Integer::sum));
    }
    Set<String> running = new HashSet<>();
    pagesWith.forEach(
        (shape, count) -> {
          if (count >= 2 && count * 2 > pages.size()) {
            running.add(shape);
          }
        });
    List<List<PdfLine>> kept = new ArrayList<>(pages.size());
    for (List<PdfLine> page : pages) {
      int from = 0;
      int to = page.size();
      while (from < Math.min(EDGE_LINES, to) && running.contains(shape(page.get(from)))) {
        from++;
      }
      while (to > from
          && to > page.size() - EDGE_LINES
          && running.contains(shape(page.get(to - 1)))) {
        to--;
      }
      kept.add(List.copyOf(page.subList(from, to)));
    }
    return kept;
  }

  private static String shape(PdfLine line) {
    return DIGITS
        .matcher(line.text().toLowerCase(Locale.ROOT))
        .replaceAll("#")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /**
   * The body text's usual line spacing and its left and right edges, from the lines in the most
   * common font size.
   */
  private record Metrics(float spacing, float bodySize, float left, float right) {
    static Metrics of(List<List<PdfLine>> pages) {
      Map<Integer, Integer> sizes = new HashMap<>();
      for (List<PdfLine> page : pages) {
        for (PdfLine line : page) {
          sizes.merge(Math.round(line.size() * 2), line.text().length(), Integer::sum);
        }
      }
      int bodySize =
          sizes.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(0);
      List<Float> gaps = new ArrayList<>();
      List<Float> lefts = new ArrayList<>();
      List<Float> rights = new ArrayList<>();
      for (List<PdfLine> page : pages) {
        for (int i = 0; i < page.size(); i++) {
          PdfLine line = page.get(i);
          if (Math.round(line.size() * 2) != bodySize) {
            continue;
          }
          lefts.add(line.x());
          rights.add(line.endX());
          if (i > 0 && Math.round(page.get(i - 1).size() * 2) == bodySize) {
            float dy = line.y() - page.get(i - 1).y();
            if (dy > 0) {
              gaps.add(dy);
            }
          }
        }
      }
      float spacing = gaps.isEmpty() ? bodySize / 2f : median(gaps);
      // The left edge is where most lines start; the right edge where the longest lines end.
      return new Metrics(
          spacing,
          Math.max(1, bodySize / 2f),
          lefts.isEmpty() ? 0 : percentile(lefts, 0.1),
          percentile(rights, 0.9));
    }

    private static float median(List<Float> values) {
      return percentile(values, 0.5);
    }

    private static float percentile(List<Float> values, double share) {
      if (values.isEmpty()) {
        return 0;
      }
      float[] sorted = new float[values.size()];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = values.get(i);
      }
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
    }
  }
}
