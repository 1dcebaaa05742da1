package app.essayqa;

import app.essayqa.answer.Answer;
import app.essayqa.answer.SentenceStream;
import app.essayqa.config.Config;
import app.essayqa.error.EssayQaException;
import app.essayqa.ingest.Library;

/**
 * The one port front ends (REPL, {@code ask}, Telegram, eval) ask through: a question in, an {@link
 * Answer} out. Implementations are thread-safe: several chats may ask at once. {@code ask} never
 * returns null; an empty, oversized or meaningless question gets an abstaining answer whose text
 * says what was wrong. A problem the user can fix is thrown as {@link EssayQaException}.
 */
public interface Answerer extends AutoCloseable {
  /**
   * Opens an answerer for a configuration; slow for the real facade (model and index). Front ends
   * are handed one so they decide when to open (the bot only after Telegram accepted its token,
   * eval once per swept setting); the launcher supplies the real one, tests a fake.
   */
  @FunctionalInterface
  interface Opener {
    Answerer open(Config config);
  }

  /** Answers a question that stands alone. */
  default Answer ask(String question) {
    return ask(question, Conversation.empty());
  }

  /**
   * Answers a question asked after {@code conversation}; a follow-up is read against its latest
   * answers, any other question as if it stood alone.
   */
  Answer ask(String question, Conversation conversation);

  /**
   * The same, showing the answer on {@code stream} sentence by sentence while a language model
   * writes it ({@code answer.mode=llm}); each sentence has passed the citation check. Answerers
   * that do not stream send nothing to it and return the whole answer, as {@link #ask} does.
   */
  default Answer ask(String question, Conversation conversation, SentenceStream stream) {
    return ask(question, conversation);
  }

  /** The parsed seed documents: titles, authors, sections and paragraphs for browsing. */
  Library library();

  /** A hash of the seed texts, the model and the settings that shape answers. */
  String indexVersion();

  @Override
  void close();
}
