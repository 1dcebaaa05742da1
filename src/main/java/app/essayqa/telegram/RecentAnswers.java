package app.essayqa.telegram;

import app.essayqa.answer.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's latest answers by chat and message id, so a reply to one can be answered as a
 * follow-up. Bounded: the oldest are forgotten, and a reply to a forgotten one is a new question.
 */
final class RecentAnswers {
  private record Key(long chatId, int messageId) {}

  private final Map<Key, Answer> answers;

  RecentAnswers(int capacity) {
    this.answers =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void put(long chatId, int messageId, Answer answer) {
    answers.put(new Key(chatId, messageId), answer);
  }

  synchronized Optional<Answer> get(long chatId, int messageId) {
    return Optional.ofNullable(answers.get(new Key(chatId, messageId)));
  }

  synchronized int size() {
    return answers.size();
  }
}
