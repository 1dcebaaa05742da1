package app.essayqa.telegram;

import app.essayqa.answer.Answer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's latest answers by chat and message id, so a reply to one can be answered as a
 * follow-up. Bounded: the oldest are forgotten, and a reply to a forgotten one is a new question.
 *
 * <p>Telegram shows an answer to the user a moment before its response, which carries the message
 * id, reaches us; a quick reply can overtake it. So answers still being sent are counted per chat,
 * and a lookup that misses waits for them to settle before calling the reply a new question.
 */
final class RecentAnswers {
  private record Key(long chatId, int messageId) {}

  private final Map<Key, Answer> answers;
  private final Map<Long, Answer> latest;
  private final Map<Long, Integer> sending = new HashMap<>();

  RecentAnswers(int capacity) {
    this.latest =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Answer> eldest) {
            return size() > capacity;
          }
        };
    this.answers =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Notes that an answer for the chat is being sent.
   *
   * @return to run once it is delivered or given up (runs at most once)
   */
  synchronized Runnable sending(long chatId) {
    sending.merge(chatId, 1, Integer::sum);
    boolean[] settled = {false};
    return () -> {
      synchronized (this) {
        if (!settled[0]) {
          settled[0] = true;
          sending.computeIfPresent(chatId, (k, n) -> n == 1 ? null : n - 1);
          notifyAll();
        }
      }
    };
  }

  synchronized void put(long chatId, int messageId, Answer answer) {
    answers.put(new Key(chatId, messageId), answer);
    latest.put(chatId, answer);
    notifyAll();
  }

  /**
   * The answer sent as that message, waiting up to {@code patience} while the chat has answers in
   * flight.
   */
  synchronized Optional<Answer> get(long chatId, int messageId, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    Key key = new Key(chatId, messageId);
    while (true) {
      Answer answer = answers.get(key);
      long left = deadline - System.nanoTime();
      if (answer != null || !sending.containsKey(chatId) || left <= 0) {
        return Optional.ofNullable(answer);
      }
      try {
        Duration wait = Duration.ofNanos(left);
        wait(Math.max(1, wait.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /**
   * The last answer sent in the chat: what a private chat's next question may follow up without
   * replying to it, as in the REPL (the question stage decides whether it does).
   */
  synchronized Optional<Answer> latest(long chatId) {
    return Optional.ofNullable(latest.get(chatId));
  }

  synchronized int size() {
    return answers.size();
  }
}
