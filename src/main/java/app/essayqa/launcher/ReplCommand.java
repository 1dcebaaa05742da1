package app.essayqa.launcher;

import app.essayqa.cli.ReplSession;
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
final class ReplCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final ReplSession session;

  ReplCommand(ReplSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.run(configOptions.load(), spec.commandLine().getOut(), spec.commandLine().getErr());
    return ExitCode.OK.code();
  }
}
