package app.essayqa.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} questions per user in any minute. The first refusal in a run of
 * refusals is flagged so the bot explains once instead of answering every extra message.
 * Thread-safe. Times are milliseconds on any monotonic clock.
 */
final class UserRateLimiter {
  enum Decision {
    ALLOW,
    REFUSE_AND_EXPLAIN,
    REFUSE_SILENTLY
  }

  private final int perMinute;
  private final Map<Long, Window> windows = new HashMap<>();

  private static final class Window {
    final Deque<Long> times = new ArrayDeque<>();
    boolean explained;
  }

  UserRateLimiter(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1, was " + perMinute);
    }
    this.perMinute = perMinute;
  }

  synchronized Decision check(long userId, long now) {
    if (windows.size() > 10_000) {
      windows.values().removeIf(w -> w.times.isEmpty() || w.times.peekLast() <= now - 60_000);
    }
    Window w = windows.computeIfAbsent(userId, id -> new Window());
    while (!w.times.isEmpty() && w.times.peekFirst() <= now - 60_000) {
      w.times.pollFirst();
    }
    if (w.times.size() < perMinute) {
      w.times.addLast(now);
      w.explained = false;
      return Decision.ALLOW;
    }
    if (w.explained) {
      return Decision.REFUSE_SILENTLY;
    }
    w.explained = true;
    return Decision.REFUSE_AND_EXPLAIN;
  }

  int perMinute() {
    return perMinute;
  }
}
