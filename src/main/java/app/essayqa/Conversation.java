package app.essayqa;

import app.essayqa.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers given so far in one conversation, oldest first: what a follow-up ("Who said that?",
 * "Tell me more", "And Korea?") is read against. Front ends keep one per chat or session and pass
 * it with each question; whether a question is a follow-up is decided below them, once.
 *
 * @param turns earlier answers, oldest first, at most {@link #KEPT}
 */
public record Conversation(List<Answer> turns) {
  /** Follow-ups lean on the last answer or two; older turns only cost memory. */
  public static final int KEPT = 5;

  public Conversation {
    turns =
        List.copyOf(turns.size() > KEPT ? turns.subList(turns.size() - KEPT, turns.size()) : turns);
  }

  public static Conversation empty() {
    return new Conversation(List.of());
  }

  /** A conversation whose only earlier turn is {@code previous}. */
  public static Conversation of(Answer previous) {
    return new Conversation(List.of(previous));
  }

  /** This conversation with {@code answer} as its latest turn. */
  public Conversation then(Answer answer) {
    List<Answer> next = new ArrayList<>(turns);
    next.add(answer);
    return new Conversation(next);
  }

  /** The latest answer, if any. */
  public Optional<Answer> last() {
    return turns.isEmpty() ? Optional.empty() : Optional.of(turns.get(turns.size() - 1));
  }
}
