package app.essayqa.telegram;

import java.io.Serializable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  }

  /** Makes the call in the background; {@code what} names it in the log if it fails. */
  void submit(String what, BotApiMethod<? extends Serializable> method) {
    try {
      pool.execute(
          () -> {
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
    pool.shutdownNow();
  }
}
