package app.essayqa.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many chats on a bounded pool: one chat's tasks run one at a time in the order
 * given, different chats in parallel. After each task a chat goes to the back of the line, so a
 * busy chat cannot starve the others. A task that throws is logged and the chat goes on.
 */
final class ChatDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatDispatcher.class);

  private final ThreadPoolExecutor pool;
  private final Map<Long, Deque<Runnable>> waiting = new HashMap<>();

  ChatDispatcher(int workers) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> new Thread(r, "telegram-worker-" + n.incrementAndGet()));
  }

  void submit(long chatId, Runnable task) {
    synchronized (waiting) {
      Deque<Runnable> queue = waiting.get(chatId);
      if (queue != null) {
        queue.addLast(task);
        return;
      }
      waiting.put(chatId, new ArrayDeque<>());
    }
    execute(chatId, task);
  }

  private void execute(long chatId, Runnable task) {
    try {
      pool.execute(() -> run(chatId, task));
    } catch (RejectedExecutionException e) {
      // Stopping: the task's update stays pending and is answered after a restart.
      synchronized (waiting) {
        waiting.remove(chatId);
      }
    }
  }

  private void run(long chatId, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("chat {}: handler failed: {}", chatId, e.toString());
    }
    Runnable next;
    synchronized (waiting) {
      Deque<Runnable> queue = waiting.get(chatId);
      next = queue == null ? null : queue.pollFirst();
      if (next == null) {
        waiting.remove(chatId);
      }
    }
    if (next != null && !pool.isShutdown()) {
      execute(chatId, next);
    }
  }

  /** Lets tasks already running finish within {@code grace}; the rest are not run. */
  void close(Duration grace) {
    pool.shutdown();
    pool.getQueue().clear();
    synchronized (waiting) {
      waiting.clear();
    }
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
        pool.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ZERO);
  }
}
