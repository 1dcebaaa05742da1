package app.essayqa.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * Sends the bot's messages: one queue per chat, delivered in order, paced by {@link SendRates},
 * through a few sender threads so a slow or throttled chat never holds up the others. Failures are
 * handled here: 429 waits {@code retry_after} for that chat, 5xx and network errors back off
 * (capped) and retry, 403 drops the chat's queue, 400 is logged with Telegram's description and
 * skipped.
 */
final class Outbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  static final long MAX_BACKOFF_MS = 30_000;

  /**
   * One message to send.
   *
   * @param onSent called with Telegram's result once it is delivered
   * @param onSettled called once it is delivered or given up for good (never on shutdown)
   */
  record Outgoing(
      long chatId,
      BotApiMethod<? extends Serializable> method,
      Consumer<Serializable> onSent,
      Runnable onSettled) {}

  private static final class Lane {
    final Deque<Outgoing> queue = new ArrayDeque<>();
    boolean busy;
    long notBefore;
    int failures;
  }

  private final BotApi api;
  private final SendRates rates;
  private final LongSupplier clockMs;
  private final int senders;
  private final ExecutorService pool;
  private final Thread scheduler;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<Long, Lane> lanes = new LinkedHashMap<>();
  private int sending;
  private int queued;
  private boolean running = true;

  Outbox(BotApi api, SendRates rates, int senders, LongSupplier clockMs) {
    this.api = api;
    this.rates = rates;
    this.senders = senders;
    this.clockMs = clockMs;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            senders, r -> new Thread(r, "telegram-send-" + n.incrementAndGet()));
    this.scheduler = new Thread(this::schedule, "telegram-outbox");
    scheduler.start();
  }

  void send(Outgoing message) {
    lock.lock();
    try {
      lanes.computeIfAbsent(message.chatId(), id -> new Lane()).queue.addLast(message);
      queued++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every queued message is settled; false if {@code timeout} passed first. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (queued > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void schedule() {
    lock.lock();
    try {
      while (running) {
        long now = clockMs.getAsLong();
        long wake = Long.MAX_VALUE;
        for (Iterator<Map.Entry<Long, Lane>> it = lanes.entrySet().iterator(); it.hasNext(); ) {
          Map.Entry<Long, Lane> entry = it.next();
          Lane lane = entry.getValue();
          if (lane.busy) {
            continue;
          }
          if (lane.queue.isEmpty()) {
            if (lane.notBefore <= now) {
              it.remove();
            }
            continue;
          }
          if (sending >= senders) {
            break;
          }
          long at = Math.max(lane.notBefore, rates.nextAllowed(entry.getKey(), now));
          if (at > now) {
            wake = Math.min(wake, at);
            continue;
          }
          rates.record(entry.getKey(), now);
          lane.busy = true;
          sending++;
          Outgoing head = lane.queue.peekFirst();
          try {
            pool.execute(() -> deliver(entry.getKey(), lane, head));
          } catch (RejectedExecutionException e) {
            return;
          }
        }
        try {
          if (wake == Long.MAX_VALUE) {
            changed.await();
          } else {
            changed.await(wake - now, TimeUnit.MILLISECONDS);
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void deliver(long chatId, Lane lane, Outgoing message) {
    Serializable result = null;
    BotApiException failure = null;
    try {
      result = api.call(message.method());
    } catch (BotApiException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure =
          new BotApiException(
              BotApiException.Kind.TRANSIENT, 0, 0, api.redact(String.valueOf(e.getMessage())));
    }
    List<Outgoing> settled = new ArrayList<>();
    lock.lock();
    try {
      lane.busy = false;
      sending--;
      if (!running) {
        return;
      }
      long now = clockMs.getAsLong();
      if (failure == null) {
        lane.failures = 0;
        settled.add(lane.queue.pollFirst());
      } else {
        switch (failure.kind()) {
          case RATE_LIMITED -> {
            lane.notBefore = now + failure.retryAfterSeconds() * 1000L;
            LOG.warn(
                "chat {}: {}; retrying in {} s",
                chatId,
                failure.getMessage(),
                failure.retryAfterSeconds());
          }
          case FORBIDDEN -> {
            LOG.warn(
                "chat {}: {}; dropping its {} pending replies",
                chatId,
                failure.getMessage(),
                lane.queue.size());
            settled.addAll(lane.queue);
            lane.queue.clear();
          }
          case REJECTED -> {
            LOG.warn("chat {}: Telegram refused a reply: {}", chatId, failure.getMessage());
            settled.add(lane.queue.pollFirst());
          }
          default -> {
            lane.failures++;
            long delay = backoffMs(lane.failures);
            lane.notBefore = now + delay;
            LOG.warn(
                "chat {}: {}; retry {} in {} ms",
                chatId,
                failure.getMessage(),
                lane.failures,
                delay);
          }
        }
      }
      queued -= settled.size();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    for (Outgoing done : settled) {
      try {
        if (failure == null && done.onSent() != null) {
          done.onSent().accept(result);
        }
      } catch (RuntimeException e) {
        LOG.error("chat {}: after-send step failed: {}", chatId, api.redact(e.toString()));
      } finally {
        done.onSettled().run();
      }
    }
  }

  /** 0.5 s doubling per failure, at most {@link #MAX_BACKOFF_MS}. */
  static long backoffMs(int failures) {
    return Math.min(MAX_BACKOFF_MS, 500L << Math.min(failures - 1, 16));
  }

  /** Stops sending; messages not yet delivered are left unsettled (their updates stay pending). */
  @Override
  public void close() {
    lock.lock();
    try {
      running = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    pool.shutdownNow();
    try {
      scheduler.join(2000);
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
