package app.essayqa.telegram;

import java.io.IOException;
import java.io.Serializable;
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
 * Sends the bot's replies: one queue per chat, delivered in order, paced by {@link SendRates} at
 * the moment each send starts, through a few sender threads so a slow or throttled chat never holds
 * up the others. Each reply is recorded in the {@link UpdateJournal} as being sent before its
 * request goes out, and as sent once Telegram accepts it.
 *
 * <p>Nothing is repeated blindly. A 429 waits {@code retry_after} for that chat; a 5xx or a
 * connection that failed before the request went out backs off (capped) and tries again, since
 * Telegram did not carry it out. A request that went out without a response (connection dropped,
 * timeout) may have been carried out: that is logged as a possible duplicate and noted in the
 * journal before the reply is sent again, since a lost answer is worse than a repeated one. 403
 * drops the chat's queue, 400 is logged with Telegram's description and skipped, 401 stops the bot.
 */
final class Outbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  static final long MAX_BACKOFF_MS = 30_000;

  /** What the outbox reports to the bot. */
  interface Listener {
    /** Every reply of the delivery was accepted or given up: its update is done. */
    void settled(Delivery delivery, String outcome);

    /** Telegram will accept nothing more (a revoked token): the bot must stop. */
    void fatal(String message);
  }

  /**
   * One update's replies on their way, sent in order from the first Telegram has not accepted.
   *
   * @param onSent per reply, called with Telegram's result once it is accepted (or null)
   * @param onSettled called once when the delivery is settled, however it ends
   */
  static final class Delivery {
    final long chatId;
    final List<BotApiMethod<? extends Serializable>> methods;
    final List<Consumer<Serializable>> onSent;
    final Runnable onSettled;
    final long receivedNanos;
    UpdateJournal.Entry entry;
    int failures;

    Delivery(
        long chatId,
        UpdateJournal.Entry entry,
        List<BotApiMethod<? extends Serializable>> methods,
        List<Consumer<Serializable>> onSent,
        Runnable onSettled,
        long receivedNanos) {
      this.chatId = chatId;
      this.entry = entry;
      this.methods = List.copyOf(methods);
      this.onSent = onSent;
      this.onSettled = onSettled;
      this.receivedNanos = receivedNanos;
    }

    long updateId() {
      return entry.updateId();
    }

    String part() {
      return methods.size() == 1
          ? "its reply"
          : "reply " + (entry.sent() + 1) + " of " + methods.size();
    }
  }

  private static final class Lane {
    final Deque<Delivery> queue = new ArrayDeque<>();
    boolean busy;
    long notBefore;
  }

  private final BotApi api;
  private final UpdateJournal journal;
  private final SendRates rates;
  private final LongSupplier clockMs;
  private final Listener listener;
  private final int senders;
  private final ExecutorService pool;
  private final Thread scheduler;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<Long, Lane> lanes = new LinkedHashMap<>();
  private int sending;
  private int queued;
  private boolean running = true;
  private boolean halted;

  Outbox(
      BotApi api,
      UpdateJournal journal,
      SendRates rates,
      int senders,
      LongSupplier clockMs,
      Listener listener) {
    this.api = api;
    this.journal = journal;
    this.rates = rates;
    this.senders = senders;
    this.clockMs = clockMs;
    this.listener = listener;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            senders, r -> new Thread(r, "telegram-send-" + n.incrementAndGet()));
    this.scheduler = new Thread(this::schedule, "telegram-outbox");
    scheduler.start();
  }

  void send(Delivery delivery) {
    lock.lock();
    try {
      lanes.computeIfAbsent(delivery.chatId, id -> new Lane()).queue.addLast(delivery);
      queued++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Deliveries not yet settled. */
  int queued() {
    lock.lock();
    try {
      return queued;
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
          Map.Entry<Long, Lane> e = it.next();
          Lane lane = e.getValue();
          if (lane.busy) {
            continue;
          }
          if (lane.queue.isEmpty()) {
            if (lane.notBefore <= now) {
              it.remove();
            }
            continue;
          }
          if (sending >= senders || halted) {
            break;
          }
          long at = Math.max(lane.notBefore, rates.nextAllowed(e.getKey(), now));
          if (at > now) {
            wake = Math.min(wake, at);
            continue;
          }
          // The limits count from here, the moment the send starts.
          rates.started(e.getKey());
          lane.busy = true;
          sending++;
          Delivery head = lane.queue.peekFirst();
          try {
            pool.execute(() -> deliver(lane, head));
          } catch (RejectedExecutionException ex) {
            return;
          }
        }
        try {
          if (wake == Long.MAX_VALUE) {
            changed.await();
          } else {
            changed.await(wake - now, TimeUnit.MILLISECONDS);
          }
        } catch (InterruptedException ex) {
          return;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void deliver(Lane lane, Delivery d) {
    BotApiMethod<? extends Serializable> method = d.methods.get(d.entry.sent());
    Serializable result = null;
    BotApiException failure = null;
    try {
      d.entry = journal.sending(d.entry);
      result = api.call(method);
    } catch (IOException e) {
      LOG.error(
          "update {}: cannot record {} in the state folder ({}); not sent, trying again",
          d.updateId(),
          d.part(),
          e.getMessage());
      failure = new BotApiException(BotApiException.Kind.TRANSIENT, 0, 0, "state folder");
    } catch (BotApiException e) {
      failure = e;
    } catch (RuntimeException e) {
      // A bug, not Telegram: the request may have gone out.
      failure =
          new BotApiException(
              BotApiException.Kind.AMBIGUOUS, 0, 0, api.redact(String.valueOf(e.getMessage())));
    }
    long ended = clockMs.getAsLong();
    List<Delivery> settled = new ArrayList<>();
    String outcome = null;
    try {
      if (failure == null) {
        outcome = accepted(d, result);
        if (outcome != null) {
          settled.add(d);
        }
      } else {
        outcome = failed(d, failure, settled);
      }
    } catch (IOException e) {
      // The journal still says "sending": a restart now would send it again.
      LOG.error(
          "update {}: cannot record how {} went ({}); a restart may repeat it",
          d.updateId(),
          d.part(),
          e.getMessage());
    }
    lock.lock();
    try {
      rates.ended(d.chatId, ended);
      lane.busy = false;
      sending--;
      if (failure != null) {
        long delay = retryDelay(d, failure);
        if (delay > 0) {
          lane.notBefore = ended + delay;
        }
      }
      for (Delivery s : settled) {
        lane.queue.remove(s);
        queued--;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    for (Delivery s : settled) {
      settle(s, s == d ? outcome : "forbidden");
    }
  }

  /** Records an accepted reply; returns the outcome once the delivery is complete, else null. */
  private String accepted(Delivery d, Serializable result) throws IOException {
    d.failures = 0;
    Consumer<Serializable> onSent =
        d.onSent == null || d.onSent.size() <= d.entry.sent() ? null : d.onSent.get(d.entry.sent());
    d.entry = journal.sent(d.entry);
    if (onSent != null && result != null) {
      try {
        onSent.accept(result);
      } catch (RuntimeException e) {
        LOG.error("chat {}: after-send step failed: {}", d.chatId, api.redact(e.toString()));
      }
    }
    return d.entry.finished() ? d.entry.outcome() : null;
  }

  /**
   * Decides what a failed send means. Adds to {@code settled} the deliveries that are over; returns
   * the outcome word for the failed one if it is among them.
   */
  private String failed(Delivery d, BotApiException failure, List<Delivery> settled)
      throws IOException {
    switch (failure.kind()) {
      case AMBIGUOUS -> {
        d.entry = journal.ambiguous(d.entry);
        d.failures++;
        LOG.warn(
            "chat {}: update {}: {} may have been delivered ({}); sending it again, which"
                + " duplicates it if it was",
            d.chatId,
            d.updateId(),
            d.part(),
            failure.getMessage());
        return null;
      }
      case FORBIDDEN -> {
        List<Delivery> dropped;
        lock.lock();
        try {
          dropped = new ArrayList<>(lanes.get(d.chatId).queue);
        } finally {
          lock.unlock();
        }
        LOG.warn(
            "chat {}: {}; dropping its {} pending replies",
            d.chatId,
            failure.getMessage(),
            dropped.size());
        for (Delivery x : dropped) {
          journal.done(x.updateId());
        }
        settled.addAll(dropped);
        return "forbidden";
      }
      case REJECTED, CONFLICT -> {
        LOG.warn("chat {}: Telegram refused a reply: {}", d.chatId, failure.getMessage());
        d.entry = journal.sent(d.entry); // given up for good
        if (d.entry.finished()) {
          settled.add(d);
          return "rejected";
        }
        return null;
      }
      case UNAUTHORIZED -> {
        d.entry = journal.unsent(d.entry);
        lock.lock();
        try {
          halted = true;
        } finally {
          lock.unlock();
        }
        listener.fatal(
            "Telegram no longer accepts the bot token ("
                + failure.getMessage()
                + "): it was revoked or changed; check "
                + BotSettings.TOKEN_ENV);
        return null;
      }
      default -> {
        // Telegram said it failed, or the request never left: nothing was delivered.
        d.entry = journal.unsent(d.entry);
        d.failures++;
        LOG.warn(
            "chat {}: {}; retry {} in {} ms",
            d.chatId,
            failure.getMessage(),
            d.failures,
            retryDelay(d, failure));
        return null;
      }
    }
  }

  private static long retryDelay(Delivery d, BotApiException failure) {
    return switch (failure.kind()) {
      case RATE_LIMITED -> failure.retryAfterSeconds() * 1000L;
      case AMBIGUOUS, TRANSIENT, INTERRUPTED -> backoffMs(Math.max(1, d.failures));
      default -> 0;
    };
  }

  private void settle(Delivery d, String outcome) {
    try {
      if (d.onSettled != null) {
        d.onSettled.run();
      }
    } finally {
      listener.settled(d, outcome);
    }
  }

  /** 0.5 s doubling per failure, at most {@link #MAX_BACKOFF_MS}. */
  static long backoffMs(int failures) {
    return Math.min(MAX_BACKOFF_MS, 500L << Math.min(failures - 1, 16));
  }

  /**
   * Stops, finishing what was handed to Telegram: until {@code sendUntilNanos} (a {@link
   * System#nanoTime} deadline) queued replies still go out; then no new send starts, and sends in
   * flight are waited for (up to {@link BotApi#SEND_TIMEOUT}, after which the call has failed) so
   * that their outcome is recorded. Replies never started stay in the journal for the next run.
   */
  void stop(long sendUntilNanos) {
    lock.lock();
    try {
      while (queued > 0 && running && !halted) {
        long left = sendUntilNanos - System.nanoTime();
        if (left <= 0) {
          break;
        }
        changed.awaitNanos(left);
      }
      running = false;
      changed.signalAll();
      long inFlightDeadline = System.nanoTime() + BotApi.SEND_TIMEOUT.plusSeconds(2).toNanos();
      while (sending > 0) {
        long left = inFlightDeadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn(
              "stopping with {} replies still in flight after {}", sending, BotApi.SEND_TIMEOUT);
          break;
        }
        changed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    pool.shutdown();
    try {
      scheduler.join(2000);
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(System.nanoTime());
  }
}
