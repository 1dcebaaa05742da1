package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.error.EssayQaException;
import app.essayqa.error.IoReason;
import app.essayqa.error.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ask}: answers one question, or one question per line, printed as text or JSON lines. */
public final class AskSession {
  private final Answerer.Opener opener;
  private final InputStream stdin;
  private final boolean json;

  /**
   * @param json one JSON object per answer, on one line, instead of the text a person reads
   */
  public AskSession(Answerer.Opener opener, InputStream stdin, boolean json) {
    this.opener = opener;
    this.stdin = stdin;
    this.json = json;
  }

  /** Answers one question. */
  public void answer(Config config, String question, PrintWriter out) {
    try (Answerer answerer = opener.open(config)) {
      print(answerer.ask(question), out);
    }
  }

  /**
   * Answers each non-blank line of {@code file} (standard input when null), in input order, from
   * one answerer. Bytes that are not UTF-8 are read as U+FFFD with a warning naming the line, the
   * same for a file and for standard input.
   */
  public void answerLines(Config config, Path file, PrintWriter out, PrintWriter err) {
    String name = file == null ? "standard input" : "questions file " + file;
    try (Answerer answerer = opener.open(config);
        QuestionLines in = new QuestionLines(file == null ? stdin : Files.newInputStream(file))) {
      for (String line = in.next(); line != null; line = in.next()) {
        if (in.replaced()) {
          err.println(
              "warning: "
                  + Printable.line(name)
                  + ", line "
                  + in.number()
                  + ": not UTF-8; bad bytes replaced with \uFFFD");
          err.flush();
        }
        if (!line.isBlank()) {
          print(answerer.ask(line), out);
        }
      }
    } catch (IOException e) {
      throw new EssayQaException("cannot read " + name + ": " + IoReason.of(e));
    }
  }

  /**
   * Checks a questions file before the slow open, so the mistake shows at once.
   *
   * @throws EssayQaException saying why it cannot be read
   */
  public static void checkReadable(Path file) {
    String problem =
        file.toString().isEmpty()
            ? "no file name given"
            : !Files.exists(file)
                ? "no such file"
                : Files.isDirectory(file)
                    ? "it is a folder"
                    : !Files.isReadable(file) ? "permission denied" : null;
    if (problem != null) {
      throw new EssayQaException("cannot read questions file " + file + ": " + problem);
    }
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
}
