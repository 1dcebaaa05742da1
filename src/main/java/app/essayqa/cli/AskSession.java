package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.error.EssayQaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
   * one answerer.
   */
  public void answerLines(Config config, Path file, PrintWriter out) {
    try (Answerer answerer = opener.open(config);
        BufferedReader in = reader(file)) {
      String line;
      boolean first = true;
      while ((line = in.readLine()) != null) {
        if (first && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte-order mark some editors write; not part of the text
        }
        first = false;
        if (!line.isBlank()) {
          print(answerer.ask(line), out);
        }
      }
    } catch (CharacterCodingException e) {
      throw new EssayQaException("questions file " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new EssayQaException(
          "cannot read questions from " + (file == null ? "-" : file) + ": " + e.getMessage());
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

  private BufferedReader reader(Path path) throws IOException {
    if (path == null) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }
}
