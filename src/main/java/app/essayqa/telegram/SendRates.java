package app.essayqa.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Telegram's sending limits as a schedule: at most one message per interval in a chat, a number per
 * minute in a group (negative chat ids), a number per second overall. Not thread-safe; the outbox
 * calls it under its lock. Times are milliseconds on any monotonic clock.
 */
final class SendRates {
  private final long chatIntervalMs;
  private final int groupPerMinute;
  private final int globalPerSecond;
  private final Map<Long, Long> lastByChat = new HashMap<>();
  private final Map<Long, Deque<Long>> groupWindows = new HashMap<>();
  private final Deque<Long> globalWindow = new ArrayDeque<>();

  SendRates(long chatIntervalMs, int groupPerMinute, int globalPerSecond) {
    if (chatIntervalMs < 0 || groupPerMinute < 1 || globalPerSecond < 1) {
      throw new IllegalArgumentException(
          "bad rates: interval "
              + chatIntervalMs
              + " ms, group "
              + groupPerMinute
              + "/min, global "
              + globalPerSecond
              + "/s");
    }
    this.chatIntervalMs = chatIntervalMs;
    this.groupPerMinute = groupPerMinute;
    this.globalPerSecond = globalPerSecond;
  }

  /** Telegram's published limits: 1 message/s per chat, 20/min per group, 30/s overall. */
  static SendRates telegram() {
    return new SendRates(1000, 20, 30);
  }

  /** The earliest time, not before {@code now}, at which a message to {@code chatId} may go. */
  long nextAllowed(long chatId, long now) {
    long next = now;
    Long last = lastByChat.get(chatId);
    if (last != null) {
      next = Math.max(next, last + chatIntervalMs);
    }
    Deque<Long> group = groupWindows.get(chatId);
    if (group != null) {
      prune(group, now, 60_000);
      if (group.size() >= groupPerMinute) {
        next = Math.max(next, group.peekFirst() + 60_000);
      }
    }
    prune(globalWindow, now, 1000);
    if (globalWindow.size() >= globalPerSecond) {
      next = Math.max(next, globalWindow.peekFirst() + 1000);
    }
    return next;
  }

  void record(long chatId, long now) {
    lastByChat.put(chatId, now);
    if (chatId < 0) {
      groupWindows.computeIfAbsent(chatId, id -> new ArrayDeque<>()).addLast(now);
    }
    globalWindow.addLast(now);
    if (lastByChat.size() > 10_000) {
      forgetIdleChats(now);
    }
  }

  private void forgetIdleChats(long now) {
    for (Iterator<Map.Entry<Long, Long>> it = lastByChat.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Long> e = it.next();
      if (now - e.getValue() > 60_000) {
        it.remove();
        groupWindows.remove(e.getKey());
      }
    }
  }

  private static void prune(Deque<Long> window, long now, long spanMs) {
    while (!window.isEmpty() && window.peekFirst() <= now - spanMs) {
      window.pollFirst();
    }
  }
}
