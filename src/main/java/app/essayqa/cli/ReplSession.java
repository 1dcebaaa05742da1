package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * One REPL session: a terminal with line editing when a person is typing, plain lines when
 * questions are piped in; the banner, then the loop until {@code :quit} or the end of input.
 */
public final class ReplSession {
  private final Answerer.Opener opener;
  private final InputStream stdin;
  private final boolean mayUseTerminal;

  /**
   * @param mayUseTerminal whether {@code stdin} is the process's own standard input, so that a real
   *     terminal may be behind it (never in tests)
   */
  public ReplSession(Answerer.Opener opener, InputStream stdin, boolean mayUseTerminal) {
    this.opener = opener;
    this.stdin = stdin;
    this.mayUseTerminal = mayUseTerminal;
  }

  /** Opens the answerer for {@code config} and runs the loop; answers go to {@code out}. */
  public void run(Config config, PrintWriter out, PrintWriter err) {
    // Java 17: System.console() is null unless both stdin and stdout are a terminal.
    boolean interactive = mayUseTerminal && System.console() != null;
    // On stderr, so piped answers stay clean; it tells a person why the first second is quiet.
    err.println("Loading…");
    err.flush();
    try (Answerer answerer = opener.open(config);
        LineSource lines = lines(interactive, config, out, err)) {
      if (lines.interactive()) {
        PrintWriter screen = lines.writer();
        screen.println(lines.style().bold("Essay QA") + ": ask about");
        screen.print(AnswerView.describe(answerer.library(), lines.width()));
        screen.println("Type a question and press Enter. :help lists the commands; Ctrl-D quits.");
        screen.println();
        screen.flush();
      }
      new Repl(answerer, lines).run();
    }
  }

  private LineSource lines(boolean interactive, Config config, PrintWriter out, PrintWriter err) {
    if (interactive) {
      Path history = config.getPath(ConfigKeys.CACHE_DIR).resolve("repl-history");
      try {
        return TerminalLineSource.open(history);
      } catch (IOException | RuntimeException e) {
        err.println("warning: no line editing (" + e.getMessage() + "); reading plain lines");
      }
    }
    return LineSource.plain(stdin, out);
  }
}
