package app.essayqa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A person at a terminal: JLine line editing, persistent history, Ctrl-C and Ctrl-D. */
final class TerminalLineSource implements LineSource {
  /** Answers wrap at the terminal width, but no wider than this, to stay readable. */
  private static final int MAX_WIDTH = 100;

  private final Terminal terminal;
  private final LineReader reader;
  private final Style style;

  private TerminalLineSource(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
    // TERM=dumb (an editor's shell buffer, some CI consoles) shows escape codes as text.
    this.style = terminal.getType().startsWith(Terminal.TYPE_DUMB) ? Style.PLAIN : Style.ANSI;
  }

  /**
   * Opens the system terminal. History goes to {@code historyFile} when its folder can be created;
   * without it the REPL still works, it just forgets.
   */
  static TerminalLineSource open(Path historyFile) throws IOException {
    return open(
        TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build(),
        historyFile);
  }

  /** The same on a given terminal; tests pass one over byte streams. */
  static TerminalLineSource open(Terminal terminal, Path historyFile) {
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("essay-qa")
            // Questions are prose: "What's new?" has an unclosed quote and "!" is no history event.
            .parser(prose())
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
            .variable(LineReader.HISTORY_SIZE, 1000);
    if (historyFile != null && ensureFolder(historyFile)) {
      HistoryFile.usable(historyFile).ifPresent(f -> builder.variable(LineReader.HISTORY_FILE, f));
    }
    return new TerminalLineSource(terminal, builder.build());
  }

  private static DefaultParser prose() {
    DefaultParser parser = new DefaultParser();
    parser.setEofOnUnclosedQuote(false);
    parser.setEofOnUnclosedBracket();
    parser.setEofOnEscapedNewLine(false);
    parser.setEscapeChars(new char[0]);
    return parser;
  }

  private static boolean ensureFolder(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  @Override
  public String readLine() {
    while (true) {
      try {
        return reader.readLine(style.bold("> "));
      } catch (UserInterruptException e) {
        // Ctrl-C cancels the line being typed, as in a shell; Ctrl-D is the way out.
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  @Override
  public PrintWriter writer() {
    return terminal.writer();
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public int width() {
    int columns = terminal.getWidth();
    return columns <= 0 ? 80 : Math.min(columns, MAX_WIDTH);
  }

  @Override
  public Style style() {
    return style;
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
    } catch (IOException | RuntimeException e) {
      // Losing history is not worth a message on the way out.
    }
    try {
      terminal.writer().flush();
      terminal.close();
    } catch (IOException e) {
      // The terminal is going away with the process anyway.
    }
  }
}
