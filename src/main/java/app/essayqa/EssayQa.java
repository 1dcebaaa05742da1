package app.essayqa;

import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.ingest.Library;

/**
 * The facade every front end talks to: a question in, an {@link Answer} out. Opening it reads the
 * seeds, loads the embedding model and builds (or reuses from the cache) the index; that is the
 * only slow step. Thread-safe: {@link #ask} may be called from several threads at once.
 * Throws {@link EssayQaException} for anything a user can fix; its message is fit to print.
 */
public final class EssayQa implements AutoCloseable {
  private EssayQa() {}

  /** Reads the seeds and builds or loads the index described by {@code config}. */
  public static EssayQa open(Config config) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * Answers a question. Never null; an empty, oversized or meaningless question gets an abstaining
   * answer whose text says what was wrong.
   */
  public Answer ask(String question) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * Answers a follow-up to an earlier answer ("Who said that?", "Tell me more"): the earlier
   * question and its cited passages give the context a short follow-up leaves out.
   */
  public Answer ask(String question, Answer previous) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** The parsed seed documents, for browsing paragraphs and naming title and author. */
  public Library library() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** A hash of the seed texts, the model and the settings that shape answers. */
  public String indexVersion() {
    throw new UnsupportedOperationException("not built yet");
  }

  public Config config() {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public void close() {}
}
