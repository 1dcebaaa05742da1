package app.essayqa.cli;

import app.essayqa.error.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Pure text helpers for console output. */
final class Text {
  /** An ANSI "select graphic rendition" sequence, such as bold on or off. */
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  private Text() {}

  /**
   * Shows control characters other than newline and tab instead of sending them ({@link
   * Printable#text}). Answers may echo what a user typed, and a question carrying ANSI escapes must
   * not recolour or move the cursor of the terminal.
   */
  static String printable(String text) {
    return Printable.text(text);
  }

  /**
   * Greedy word wrap: each line at most {@code width} characters (a longer word stands alone),
   * every line prefixed with {@code indent}; existing line breaks are kept. {@code width <= 0} does
   * not wrap, only indents.
   */
  static String wrap(String text, int width, String indent) {
    return wrap(text, width, indent, indent);
  }

  /**
   * The same with a hanging indent: the first line starts with {@code first}, the lines after it
   * with {@code rest}, as a numbered source line whose continuation lines up under its text.
   */
  static String wrap(String text, int width, String first, String rest) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      String indent = lines.isEmpty() ? first : rest;
      if (width <= 0 || width - Math.max(first.length(), rest.length()) < 10) {
        lines.add(indent + paragraph);
        continue;
      }
      StringBuilder line = new StringBuilder();
      int shown = 0; // columns the line takes: emphasis escapes take none
      for (String word : paragraph.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        int columns = visibleLength(word);
        if (shown > 0 && shown + 1 + columns > width - indent.length()) {
          lines.add(indent + line);
          indent = rest;
          line.setLength(0);
          shown = 0;
        }
        if (line.length() > 0) {
          line.append(' ');
          shown++;
        }
        line.append(word);
        shown += columns;
      }
      lines.add(indent + line);
    }
    return String.join("\n", lines);
  }

  /** Length without ANSI colour sequences (ESC [ ... m), which take no room on screen. */
  static int visibleLength(String text) {
    return SGR.matcher(text).replaceAll("").length();
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
