package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Answer ANSWER =
      new Answer("q", "an answer [1]", false, List.of(), List.of(), "v1", Map.of(), List.of());

  /**
   * Starts {@code recent.get(chat, message)} on a thread of its own and returns once it is waiting
   * inside; fails if it never gets there (or returns at once).
   */
  private static CompletableFuture<Optional<Answer>> waitingLookup(
      RecentAnswers recent, long chat, int message) throws InterruptedException {
    CompletableFuture<Optional<Answer>> result = new CompletableFuture<>();
    Thread lookup =
        new Thread(() -> result.complete(recent.get(chat, message, PATIENCE)), "lookup");
    lookup.setDaemon(true);
    lookup.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lookup.getState() != Thread.State.TIMED_WAITING) {
      assertThat(result).as("the lookup returned without waiting").isNotDone();
      assertThat(System.nanoTime()).as("the lookup never started waiting").isLessThan(deadline);
      Thread.onSpinWait();
    }
    return result;
  }

  @Test
  void should_wait_for_an_answer_still_being_sent_in_that_chat() throws Exception {
    RecentAnswers recent = new RecentAnswers(10);
    Runnable settled = recent.sending(1);

    CompletableFuture<Optional<Answer>> lookup = waitingLookup(recent, 1, 42);
    recent.put(1, 42, ANSWER);
    settled.run();

    assertThat(lookup.get(10, TimeUnit.SECONDS)).contains(ANSWER);
  }

  @Test
  void should_not_wait_when_nothing_is_being_sent_in_that_chat() {
    RecentAnswers recent = new RecentAnswers(10);
    recent.sending(2);

    assertThat(recent.get(1, 42, PATIENCE)).isEmpty();
  }

  @Test
  void should_give_up_once_the_answers_in_flight_settle_without_that_message() throws Exception {
    RecentAnswers recent = new RecentAnswers(10);
    Runnable settled = recent.sending(1);

    CompletableFuture<Optional<Answer>> lookup = waitingLookup(recent, 1, 42);
    recent.put(1, 43, ANSWER);
    settled.run();
    settled.run();

    assertThat(lookup.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(recent.get(1, 43, Duration.ZERO)).contains(ANSWER);
  }

  @Test
  void should_forget_the_oldest_answers_beyond_capacity() {
    RecentAnswers recent = new RecentAnswers(2);
    recent.put(1, 1, ANSWER);
    recent.put(1, 2, ANSWER);
    recent.put(1, 3, ANSWER);

    assertThat(recent.get(1, 1, Duration.ZERO)).isEmpty();
    assertThat(recent.get(1, 3, Duration.ZERO)).contains(ANSWER);
  }

  @Test
  void should_keep_each_chats_latest_answer_for_a_follow_up_without_a_reply() {
    RecentAnswers recent = new RecentAnswers(8);
    Answer later =
        new Answer(
            "q2", "a later answer [1]", false, List.of(), List.of(), "v1", Map.of(), List.of());
    recent.put(1, 1, ANSWER);
    recent.put(2, 5, ANSWER);
    recent.put(1, 2, later);

    assertThat(recent.latest(1)).contains(later);
    assertThat(recent.latest(2)).contains(ANSWER);
    assertThat(recent.latest(3)).isEmpty();
  }
}
