package app.essayqa.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Telegram's sending limits as a schedule: at most one message per interval in a chat, a number per
 * minute in a group (negative chat ids), a number per second overall.
 *
 * <p>Telegram counts a message when it arrives, which is some time between our starting the request
 * and its response coming back. So a send counts from its start until its response (in flight), and
 * afterwards by the time its response came: the next message to a chat starts an interval after the
 * previous one's response, and a window holds every send in flight or answered within it. However
 * late a request reaches Telegram after it was started, no window there holds more than the limit.
 * Not thread-safe; the outbox calls it under its lock. Times are milliseconds on any monotonic
 * clock.
 */
final class SendRates {
  private final long chatIntervalMs;
  private final int groupPerMinute;
  private final int globalPerSecond;
  private final Map<Long, Long> lastEndByChat = new HashMap<>();
  private final Map<Long, Integer> inFlightByChat = new HashMap<>();
  private final Map<Long, Deque<Long>> groupEnds = new HashMap<>();
  private final Deque<Long> globalEnds = new ArrayDeque<>();
  private int inFlight;

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

  /**
   * The earliest time, not before {@code now}, at which a message to {@code chatId} may start;
   * {@link Long#MAX_VALUE} while sends in flight alone fill a limit (ask again when one ends).
   */
  long nextAllowed(long chatId, long now) {
    if (inFlightByChat.getOrDefault(chatId, 0) > 0) {
      return Long.MAX_VALUE;
    }
    long next = now;
    Long lastEnd = lastEndByChat.get(chatId);
    if (lastEnd != null) {
      next = Math.max(next, lastEnd + chatIntervalMs);
    }
    if (chatId < 0) {
      // None of the group's own sends is in flight: a chat's sends go one at a time.
      next = Math.max(next, whenBelow(groupEnds.get(chatId), 0, groupPerMinute, now, 60_000));
    }
    return Math.max(next, whenBelow(globalEnds, inFlight, globalPerSecond, now, 1000));
  }

  /** A send to {@code chatId} starts now. */
  void started(long chatId) {
    inFlightByChat.merge(chatId, 1, Integer::sum);
    inFlight++;
  }

  /** A send to {@code chatId} got its response (or failed) at {@code now}. */
  void ended(long chatId, long now) {
    inFlightByChat.computeIfPresent(chatId, (k, n) -> n == 1 ? null : n - 1);
    inFlight = Math.max(0, inFlight - 1);
    lastEndByChat.put(chatId, now);
    if (chatId < 0) {
      groupEnds.computeIfAbsent(chatId, id -> new ArrayDeque<>()).addLast(now);
    }
    globalEnds.addLast(now);
    if (lastEndByChat.size() > 10_000) {
      forgetIdleChats(now);
    }
  }

  /**
   * When a window of {@code spanMs} holding {@code ends} (oldest first) plus {@code inFlight} sends
   * in flight has room for one more.
   */
  private static long whenBelow(Deque<Long> ends, int inFlight, int limit, long now, long spanMs) {
    if (ends != null) {
      prune(ends, now, spanMs);
    }
    int held = ends == null ? 0 : ends.size();
    if (inFlight + held < limit) {
      return now;
    }
    if (inFlight >= limit) {
      return Long.MAX_VALUE;
    }
    // The oldest (inFlight + held - limit + 1) ends must leave the window.
    int mustLeave = inFlight + held - limit + 1;
    Iterator<Long> it = ends.iterator();
    long at = now;
    for (int i = 0; i < mustLeave; i++) {
      at = it.next();
    }
    return at + spanMs;
  }

  private void forgetIdleChats(long now) {
    for (Iterator<Map.Entry<Long, Long>> it = lastEndByChat.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Long> e = it.next();
      if (now - e.getValue() > 60_000 && !inFlightByChat.containsKey(e.getKey())) {
        it.remove();
        groupEnds.remove(e.getKey());
      }
    }
  }

  private static void prune(Deque<Long> window, long now, long spanMs) {
    while (!window.isEmpty() && window.peekFirst() <= now - spanMs) {
      window.pollFirst();
    }
  }
}
