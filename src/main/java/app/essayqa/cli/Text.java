package app.essayqa.cli;

import java.util.ArrayList;
import java.util.List;

/** Pure text helpers for console output. */
final class Text {
  private Text() {}

  /**
   * Removes control characters other than newline and tab. Answers may echo what a user typed, and
   * a question carrying ANSI escapes must not recolour or move the cursor of the terminal.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(cp -> cp == '\n' || cp == '\t' || Character.getType(cp) != Character.CONTROL)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * Greedy word wrap: each line at most {@code width} characters (a longer word stands alone),
   * every line prefixed with {@code indent}; existing line breaks are kept. {@code width <= 0} does
   * not wrap, only indents.
   */
  static String wrap(String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    int room = width - indent.length();
    for (String paragraph : text.split("\n", -1)) {
      if (width <= 0 || room < 10) {
        lines.add(indent + paragraph);
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > 0 && line.length() + 1 + word.length() > room) {
          lines.add(indent + line);
          line.setLength(0);
        }
        line.append(line.length() == 0 ? "" : " ").append(word);
      }
      lines.add(indent + line);
    }
    return String.join("\n", lines);
  }

  /** The first {@code max} characters, with an ellipsis when cut. */
  static String abbreviate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= max) {
      return oneLine;
    }
    int cut = Math.max(0, max - 1);
    if (cut > 0 && Character.isHighSurrogate(oneLine.charAt(cut - 1))) {
      cut--; // never split a surrogate pair (emoji, rare CJK)
    }
    return oneLine.substring(0, cut) + "…";
  }
}
