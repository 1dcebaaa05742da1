package app.essayqa.telegram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM as a request to stop cleanly. The JVM runs shutdown hooks on either and then
 * exits with 130 or 143, whatever the program returns; but a stop that finished its work is a
 * success. So the hook stops the bot, waits for the command to close everything and report its
 * status through {@link #finish}, and ends the JVM with that status.
 */
final class StopSignal {
  /** Time for the command to close what it holds after the bot stopped (the facade, the client). */
  private static final long FINISH_WAIT_SECONDS = 30;

  private final Thread hook = new Thread(this::stop, "telegram-shutdown");
  private final CountDownLatch finished = new CountDownLatch(1);
  private Runnable onSignal = () -> {};
  private boolean signalled;
  private volatile int status;

  StopSignal() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** What a signal should do; done at once if a signal came already. */
  void onSignal(Runnable stop) {
    boolean now;
    synchronized (this) {
      onSignal = stop;
      now = signalled;
    }
    if (now) {
      stop.run();
    }
  }

  private void stop() {
    Runnable stop;
    synchronized (this) {
      signalled = true;
      stop = onSignal;
    }
    stop.run();
    try {
      if (finished.await(FINISH_WAIT_SECONDS, TimeUnit.SECONDS)) {
        Runtime.getRuntime().halt(status);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The command's last step: without a signal the hook is removed and the command exits as usual;
   * during one, the hook ends the JVM with {@code status}.
   */
  void finish(int status) {
    this.status = status;
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running and exits with the status.
    }
  }
}
