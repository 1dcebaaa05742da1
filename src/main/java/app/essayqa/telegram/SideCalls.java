package app.essayqa.telegram;

import java.io.Serializable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * Calls whose loss costs nothing but a nicety (the typing indicator, answering a button press), on
 * threads of their own with a short timeout, so that a slow one never delays an answer. When too
 * many wait, new ones are dropped.
 */
final class SideCalls implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SideCalls.class);

  private final BotApi api;
  private final ThreadPoolExecutor pool;
  private final ScheduledThreadPoolExecutor timer;

  /** A side call made again and again until closed. */
  interface Repeating extends AutoCloseable {
    @Override
    void close();
  }

  SideCalls(BotApi api, int threads) {
    this.api = api;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(200),
            r -> {
              Thread t = new Thread(r, "telegram-side-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "telegram-side-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * Makes the call every {@code periodMs}, first after one period, until the returned handle is
   * closed: Telegram shows "typing" for five seconds, a language model may take longer.
   */
  Repeating every(String what, BotApiMethod<? extends Serializable> method, long periodMs) {
    // Checked when the call is about to go out, so that none queued before close() follows it.
    AtomicBoolean stopped = new AtomicBoolean();
    ScheduledFuture<?> task;
    try {
      task =
          timer.scheduleWithFixedDelay(
              () -> submit(what, method, stopped::get), periodMs, periodMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return () -> {};
    }
    return () -> {
      stopped.set(true);
      task.cancel(false);
    };
  }

  /** Makes the call in the background; {@code what} names it in the log if it fails. */
  void submit(String what, BotApiMethod<? extends Serializable> method) {
    submit(what, method, () -> false);
  }

  private void submit(
      String what, BotApiMethod<? extends Serializable> method, BooleanSupplier cancelled) {
    try {
      pool.execute(
          () -> {
            if (cancelled.getAsBoolean()) {
              return;
            }
            try {
              api.sideCall(method);
            } catch (BotApiException e) {
              LOG.debug("{} failed: {}", what, e.getMessage());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("{} dropped: too many side calls waiting", what);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    pool.shutdownNow();
  }
}
