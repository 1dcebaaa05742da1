package app.essayqa.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-polls {@code getUpdates} on a thread of its own. Each batch is recorded in the {@link
 * UpdateJournal}, which moves the offset past it before any of it is handed on (the next poll
 * confirms it to Telegram). Failures back off and retry, except those that need the user: a token
 * Telegram no longer accepts, or another client polling with it (409, {@value #MAX_CONFLICTS} times
 * in a row). When too many updates are pending it stops asking, and Telegram holds the rest.
 */
final class UpdatePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdatePoller.class);
  static final int MAX_PENDING = 500;

  /**
   * A single 409 can be a previous run's poll that Telegram has not dropped yet; several within a
   * couple of minutes mean someone else keeps polling (or a webhook is set). Counted in a window,
   * not in a row: two pollers take turns, and each sees some polls succeed between its 409s.
   */
  static final int MAX_CONFLICTS = 5;

  static final long CONFLICT_WINDOW_MS = 120_000;

  /** Where the poller hands what it receives. */
  interface Sink {
    /** A new update, recorded and confirmed; must not throw. */
    void received(UpdateJournal.Entry entry);

    /** Polling cannot go on without the user. */
    void fatal(String message);
  }

  private final BotApi api;
  private final UpdateJournal journal;
  private final Sink sink;
  private final int timeoutSeconds;
  private final Thread thread;
  private final Object pause = new Object();
  private volatile boolean running = true;

  UpdatePoller(BotApi api, UpdateJournal journal, Sink sink, Duration timeout) {
    this.api = api;
    this.journal = journal;
    this.sink = sink;
    this.timeoutSeconds = (int) Math.max(0, timeout.toSeconds());
    this.thread = new Thread(this::loop, "telegram-poller");
  }

  void start() {
    thread.start();
  }

  private void loop() {
    int failures = 0;
    Deque<Long> conflicts = new ArrayDeque<>();
    while (running) {
      try {
        if (journal.pendingCount() >= MAX_PENDING) {
          journal.awaitPendingBelow(MAX_PENDING, 500);
          continue;
        }
        List<BotApi.RawUpdate> batch = api.getUpdates(journal.offset(), timeoutSeconds, 100);
        failures = 0;
        for (UpdateJournal.Entry entry : journal.accept(batch)) {
          sink.received(entry);
        }
      } catch (BotApiException e) {
        if (!running || e.kind() == BotApiException.Kind.INTERRUPTED) {
          break;
        }
        if (e.kind() == BotApiException.Kind.UNAUTHORIZED) {
          sink.fatal(
              "Telegram no longer accepts the bot token ("
                  + e.getMessage()
                  + "): it was revoked or changed; check "
                  + BotSettings.TOKEN_ENV);
          return;
        }
        if (e.kind() == BotApiException.Kind.CONFLICT && conflicted(conflicts)) {
          sink.fatal(
              "Telegram refused to hand out updates "
                  + conflicts.size()
                  + " times in "
                  + CONFLICT_WINDOW_MS / 60_000
                  + " minutes ("
                  + e.getMessage()
                  + "): another program is polling with this bot token, or a webhook is set");
          return;
        }
        failures++;
        long delay =
            e.kind() == BotApiException.Kind.RATE_LIMITED
                ? e.retryAfterSeconds() * 1000L
                : Outbox.backoffMs(failures);
        LOG.warn("getUpdates failed: {}; retrying in {} ms", e.getMessage(), delay);
        pause(delay);
      } catch (IOException e) {
        failures++;
        LOG.error("cannot record updates in the state folder: {}", e.getMessage());
        pause(Outbox.backoffMs(failures));
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        failures++;
        LOG.error("polling failed: {}", api.redact(e.toString()));
        pause(Outbox.backoffMs(failures));
      }
    }
  }

  /** Notes a 409 now; whether there were too many in the window. */
  private static boolean conflicted(Deque<Long> conflicts) {
    long now = System.nanoTime() / 1_000_000;
    conflicts.addLast(now);
    while (conflicts.peekFirst() <= now - CONFLICT_WINDOW_MS) {
      conflicts.pollFirst();
    }
    return conflicts.size() >= MAX_CONFLICTS;
  }

  private void pause(long millis) {
    synchronized (pause) {
      if (running) {
        try {
          pause.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  /**
   * Stops polling and waits for the thread; a batch being recorded is finished first, and what was
   * received but not handed on stays in the journal.
   */
  @Override
  public void close() {
    running = false;
    synchronized (pause) {
      pause.notifyAll();
    }
    if (Thread.currentThread() == thread || !thread.isAlive()) {
      return;
    }
    // A poll may start just after a cancel, so cancel until the thread is gone.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    try {
      while (thread.isAlive() && System.nanoTime() < deadline) {
        api.cancelPolls();
        thread.join(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
