package app.essayqa.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long-polls {@code getUpdates} on a thread of its own. Each batch is written to the {@link
 * UpdateJournal} before the offset moves past it (the next poll confirms it to Telegram), then
 * handed on. Failures back off and retry; nothing a handler does can stop the loop. When too many
 * updates are pending it stops asking, and Telegram holds the rest.
 */
final class UpdatePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdatePoller.class);
  static final int MAX_PENDING = 500;

  private final BotApi api;
  private final UpdateJournal journal;
  private final Consumer<Update> dispatch;
  private final int timeoutSeconds;
  private final Thread thread;
  private final Object pause = new Object();
  private volatile boolean running = true;

  UpdatePoller(BotApi api, UpdateJournal journal, Consumer<Update> dispatch, Duration timeout) {
    this.api = api;
    this.journal = journal;
    this.dispatch = dispatch;
    this.timeoutSeconds = (int) Math.max(0, timeout.toSeconds());
    this.thread = new Thread(this::loop, "telegram-poller");
  }

  void start() {
    thread.start();
  }

  private void loop() {
    int failures = 0;
    while (running) {
      try {
        if (journal.pendingCount() >= MAX_PENDING) {
          journal.awaitPendingBelow(MAX_PENDING, 500);
          continue;
        }
        List<Update> batch = api.getUpdates(journal.offset(), timeoutSeconds, 100);
        failures = 0;
        for (Update update : journal.accept(batch)) {
          dispatch.accept(update);
        }
      } catch (BotApiException e) {
        if (!running || e.kind() == BotApiException.Kind.INTERRUPTED) {
          break;
        }
        failures++;
        long delay =
            e.kind() == BotApiException.Kind.RATE_LIMITED
                ? e.retryAfterSeconds() * 1000L
                : Outbox.backoffMs(failures);
        if (e.kind() == BotApiException.Kind.UNAUTHORIZED) {
          LOG.error(
              "getUpdates: Telegram no longer accepts the token ({}); retrying in {} ms",
              e.getMessage(),
              delay);
        } else {
          LOG.warn("getUpdates failed: {}; retrying in {} ms", e.getMessage(), delay);
        }
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

  /** Stops polling and waits for the thread; an update received but not handed on stays pending. */
  @Override
  public void close() {
    running = false;
    synchronized (pause) {
      pause.notifyAll();
    }
    // A poll may start just after a cancel, so cancel until the thread is gone.
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
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
