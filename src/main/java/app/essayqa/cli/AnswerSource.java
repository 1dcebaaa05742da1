package app.essayqa.cli;

import app.essayqa.Conversation;
import app.essayqa.EssayQa;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.ingest.Library;

/**
 * What the commands need from the facade. {@link EssayQa} in the program; unit tests hand the
 * commands a fake so they can check rendering, exit codes and the REPL without loading the model.
 */
public interface AnswerSource extends AutoCloseable {

  /** Opens an answer source for a configuration; slow for the real facade (model and index). */
  @FunctionalInterface
  interface Opener {
    AnswerSource open(Config config);
  }

  /** The real facade. */
  static Opener facade() {
    return config -> new Facade(EssayQa.open(config));
  }

  /** See {@link EssayQa#ask(String)}. */
  Answer ask(String question);

  /** See {@link app.essayqa.Answerer#ask(String, Conversation)}. */
  Answer ask(String question, Conversation conversation);

  Library library();

  String indexVersion();

  @Override
  void close();

  /** Adapts {@link EssayQa}, which is final, to this interface. */
  record Facade(EssayQa qa) implements AnswerSource {
    @Override
    public Answer ask(String question) {
      return qa.ask(question);
    }

    @Override
    public Answer ask(String question, Conversation conversation) {
      return qa.ask(question, conversation);
    }

    @Override
    public Library library() {
      return qa.library();
    }

    @Override
    public String indexVersion() {
      return qa.indexVersion();
    }

    @Override
    public void close() {
      qa.close();
    }
  }
}
