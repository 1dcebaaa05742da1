package app.essayqa.ingest;

import java.util.regex.Pattern;

/**
 * Writes the text a structured reader hands the parser: one block per heading or paragraph,
 * separated by blank lines; a heading as a Markdown heading line, so the parser takes it as a
 * section whatever its length.
 */
final class BlockText {
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0\\u2007\\u202F]+");

  private final StringBuilder text = new StringBuilder();

  /** A heading; its line breaks become spaces. */
  BlockText heading(String heading) {
    String line = clean(heading).replace('\n', ' ');
    if (!line.isEmpty()) {
      block("# " + line);
    }
    return this;
  }

  /** A paragraph; runs of spaces become one, line breaks are kept and blank lines dropped. */
  BlockText paragraph(String paragraph) {
    String block = clean(paragraph);
    if (!block.isEmpty()) {
      block(block);
    }
    return this;
  }

  boolean isEmpty() {
    return text.length() == 0;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void block(String block) {
    if (text.length() > 0) {
      text.append("\n\n");
    }
    text.append(block);
  }

  private static String clean(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (String line : raw.split("\n")) {
      String l = SPACES.matcher(line).replaceAll(" ").strip();
      if (!l.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(l);
      }
    }
    return out.toString();
  }
}
