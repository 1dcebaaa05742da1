package app.essayqa.cli;

import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code repl}, the default command: asks questions in a loop. */
@Command(
    name = "repl",
    mixinStandardHelpOptions = true,
    description = {
      "Asks questions about the essay in a loop (the default command).",
      "At a terminal: line editing, history (kept in <cache.dir>/repl-history), :help for commands,"
          + " Ctrl-D to quit. With questions piped in, prints plain answers, one after another.",
    },
    footer = {"", "Example:", "  printf 'Who wrote the essay?\\n:sources\\n' | essay-qa repl"})
public final class ReplCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final AnswerSource.Opener opener;
  private final InputStream stdin;
  private final boolean mayUseTerminal;

  /**
   * @param mayUseTerminal whether {@code stdin} is the process's own standard input, so that a real
   *     terminal may be behind it (never in tests)
   */
  ReplCommand(AnswerSource.Opener opener, InputStream stdin, boolean mayUseTerminal) {
    this.opener = opener;
    this.stdin = stdin;
    this.mayUseTerminal = mayUseTerminal;
  }

  @Override
  public Integer call() {
    Config config = configOptions.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Java 17: System.console() is null unless both stdin and stdout are a terminal.
    boolean interactive = mayUseTerminal && System.console() != null;
    // On stderr, so piped answers stay clean; it tells a person why the first second is quiet.
    err.println("Loading…");
    err.flush();
    try (AnswerSource source = opener.open(config);
        LineSource lines = lines(interactive, config, out, err)) {
      if (lines.interactive()) {
        PrintWriter screen = lines.writer();
        screen.println(lines.style().bold("Essay QA") + ": ask about");
        screen.print(AnswerView.describe(source.library(), lines.width()));
        screen.println("Type a question and press Enter. :help lists the commands; Ctrl-D quits.");
        screen.println();
        screen.flush();
      }
      new Repl(source, lines).run();
    }
    return 0;
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
