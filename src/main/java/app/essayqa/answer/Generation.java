package app.essayqa.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a language model wrote an answer ({@code answer.mode=llm}), for {@code :debug}, {@code
 * --json} and the eval figures: what was checked, what was dropped, and what it cost.
 *
 * @param model the model name the server was asked for
 * @param question the question the model answered: a follow-up rewritten to stand alone
 * @param attempts answers asked of the model (1, or 2 after a retry), failed ones included; 0 when
 *     it was not asked (paused after a 429)
 * @param citationsMade {@code [n]} markers in the model's replies, over all attempts
 * @param citationsVerified of those, the ones naming a given passage in a sentence whose quotes are
 *     all verbatim in the passages it cites
 * @param quotesChecked quoted spans compared with the passages they cite
 * @param dropped each sentence left out of the answer, with why
 * @param tokensIn prompt tokens as the server counted them (0 when it did not say)
 * @param tokensOut completion tokens as the server counted them (0 when it did not say)
 * @param modelMs time spent waiting for the model, all calls together, failed ones included
 * @param verifyMicros time spent checking the replies, microseconds
 * @param fallback why the extractive answer is shown instead of the model's; empty when the model's
 *     verified answer is shown
 */
public record Generation(
    String model,
    String question,
    int attempts,
    int citationsMade,
    int citationsVerified,
    int quotesChecked,
    List<String> dropped,
    int tokensIn,
    int tokensOut,
    long modelMs,
    long verifyMicros,
    Optional<String> fallback) {

  public Generation {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(question, "question");
    dropped = List.copyOf(dropped);
    Objects.requireNonNull(fallback, "fallback");
  }

  /** The one line a front end shows under a fallback answer; empty when the model's is shown. */
  public Optional<String> notice() {
    return fallback.map(
        why ->
            "Note: the language model's answer could not be used (" + why + "); quoted instead.");
  }
}
