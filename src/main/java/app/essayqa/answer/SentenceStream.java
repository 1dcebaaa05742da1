package app.essayqa.answer;

/**
 * Receives an answer sentence by sentence while it is written, each one already verified: a front
 * end may show it at once. The final {@link Answer} is what counts; when it differs from what was
 * streamed (the model stopped half-way and the extractive answer is shown) the front end says so.
 * Called on the thread that asked.
 */
@FunctionalInterface
public interface SentenceStream {
  /** Streams nowhere: for front ends that show the answer whole. */
  SentenceStream NONE = sentence -> {};

  /** One verified sentence of the answer, with its {@code [n]} markers. */
  void sentence(String sentence);
}
