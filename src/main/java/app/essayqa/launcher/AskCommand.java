package app.essayqa.launcher;

import app.essayqa.Answerer;
import app.essayqa.cli.AskSession;
import app.essayqa.config.Config;
import app.essayqa.error.EssayQaException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask}: answers one question, or a file of questions, and exits. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Answers a question about the essay and prints the answer with its sources.",
      "With --file, answers one question per line (blank lines are skipped) in input order,"
          + " from one process.",
    },
    footer = {
      "",
      "Examples:",
      "  essay-qa ask \"What does the essay say about Japan?\"",
      "  essay-qa ask --json \"Which spheres of cooperation does the essay name?\"",
      "  essay-qa ask --json --file questions.txt",
      "  printf 'Who wrote it?\\nWhen?\\n' | essay-qa ask --json --file -",
      "  essay-qa ask -- \"--json\"      (a question that starts with a dash)",
    })
final class AskCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Option(names = "--json", description = "Print one JSON object per answer, on one line.")
  boolean json;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Read questions from FILE, one per line; '-' reads standard input.")
  String file;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUESTION",
      description = "The question (several words are joined with spaces).")
  List<String> words = List.of();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Answerer.Opener opener;
  private final InputStream stdin;

  AskCommand(Answerer.Opener opener, InputStream stdin) {
    this.opener = opener;
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    if (file == null && words.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give a question, or --file FILE with one question per line");
    }
    if (file != null && !words.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either a question or --file, not both");
    }
    Path path = file == null || file.equals("-") ? null : Path.of(file);
    if (path != null && !Files.isReadable(path)) {
      // Checked before the slow open so the mistake shows at once.
      throw new EssayQaException("cannot read questions file " + path);
    }
    Config config = configOptions.load();
    AskSession session = new AskSession(opener, stdin, json);
    if (file == null) {
      session.answer(config, String.join(" ", words), spec.commandLine().getOut());
    } else {
      session.answerLines(config, path, spec.commandLine().getOut());
    }
    return ExitCode.OK.code();
  }
}
