package app.essayqa.cli;

import app.essayqa.EssayQaException;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
public final class AskCommand implements Callable<Integer> {
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

  private final AnswerSource.Opener opener;
  private final InputStream stdin;

  AskCommand(AnswerSource.Opener opener, InputStream stdin) {
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
    PrintWriter out = spec.commandLine().getOut();
    try (AnswerSource source = opener.open(config)) {
      if (file == null) {
        print(source.ask(String.join(" ", words)), out);
        return 0;
      }
      try (BufferedReader in = reader(path)) {
        String line;
        boolean first = true;
        while ((line = in.readLine()) != null) {
          if (first && line.startsWith("\uFEFF")) {
            line = line.substring(1); // a byte-order mark some editors write; not part of the text
          }
          first = false;
          if (!line.isBlank()) {
            print(source.ask(line), out);
          }
        }
      } catch (CharacterCodingException e) {
        throw new EssayQaException("questions file " + path + " is not UTF-8 text");
      } catch (IOException e) {
        throw new EssayQaException("cannot read questions from " + file + ": " + e.getMessage());
      }
    }
    return 0;
  }

  private void print(Answer answer, PrintWriter out) {
    if (json) {
      out.println(AnswerJson.line(answer));
    } else {
      out.println(new AnswerView(Style.PLAIN, 0).answer(answer));
    }
    // Flushed per answer so a script reading the pipe sees each one as soon as it is ready.
    out.flush();
  }

  private BufferedReader reader(Path path) throws IOException {
    if (path == null) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }
}
