package app.essayqa.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Where the REPL's lines come from and its output goes: a terminal, or a pipe. */
interface LineSource extends AutoCloseable {

  /** The next line, without its line break; null at the end of input (Ctrl-D or end of pipe). */
  String readLine();

  /** Where answers are printed. */
  PrintWriter writer();

  /** Whether a person is typing: prompts, banner and emphasis only make sense then. */
  boolean interactive();

  /** Columns to wrap answers at; 0 for no wrapping. */
  int width();

  /** How to decorate output: escape codes only for a terminal that understands them. */
  Style style();

  @Override
  void close();

  /** Questions piped in: no prompts, no escape codes, output as plain lines. */
  static LineSource plain(InputStream in, PrintWriter out) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return new LineSource() {
      @Override
      public String readLine() {
        try {
          return reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public PrintWriter writer() {
        return out;
      }

      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public int width() {
        return 0;
      }

      @Override
      public Style style() {
        return Style.PLAIN;
      }

      @Override
      public void close() {
        out.flush();
      }
    };
  }
}
