package app.essayqa.error;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Text from outside the program (file names, settings, environment values, questions, suite fields)
 * made safe to print on a terminal: control characters are shown, never obeyed, so a file named
 * {@code evil\e]0;PWNED\a.txt} cannot retitle the window or recolour what follows. C0 controls and
 * DEL appear in caret notation as {@code cat -v} shows them ({@code ^[} for ESC, {@code ^G} for
 * BEL, {@code ^?} for DEL), C1 controls as {@code \u009b}.
 */
public final class Printable {
  private Printable() {}

  /** For a one-line message: every control character is shown, line breaks and tabs too. */
  public static String line(String text) {
    return escape(String.valueOf(text), false);
  }

  /** For text of several lines: the same, but line breaks and tabs are kept. */
  public static String text(String text) {
    return escape(String.valueOf(text), true);
  }

  /**
   * A writer that shows the control characters written through it, keeping line breaks, tabs and
   * carriage returns (a progress bar redraws its line with one), for output that never carries
   * escape codes of its own.
   */
  public static PrintWriter writer(Writer out) {
    return new PrintWriter(
        new FilterWriter(out) {
          @Override
          public void write(int c) throws IOException {
            out.write(c == '\r' ? "\r" : text(String.valueOf((char) c)));
          }

          @Override
          public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length), 0, length);
          }

          @Override
          public void write(String s, int offset, int length) throws IOException {
            String part = s.substring(offset, offset + length);
            StringBuilder shown = new StringBuilder(part.length());
            int from = 0;
            for (int i = part.indexOf('\r'); i >= 0; i = part.indexOf('\r', from)) {
              shown.append(text(part.substring(from, i))).append('\r');
              from = i + 1;
            }
            out.write(shown.append(text(part.substring(from))).toString());
          }
        },
        true);
  }

  private static String escape(String text, boolean keepLayout) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (!control || (keepLayout && (c == '\n' || c == '\t'))) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (c < 0x20) {
        out.append('^').append((char) (c + 0x40));
      } else if (c == 0x7f) {
        out.append("^?");
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out == null ? text : out.toString();
  }
}
