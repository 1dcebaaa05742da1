package app.essayqa.telegram;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named moments between the bot's writes to its state folder, where the crash tests stop the
 * process dead, as {@code kill -9} would: no shutdown hooks, no further write. Off unless the
 * system property {@code essayqa.telegram.crash-at} names a point ({@code sending}, or {@code
 * sending:3} for its third time); never set it in use.
 */
enum CrashPoint {
  /** The first record of a batch is written, the others are not. */
  RECEIVED,
  /** Every record of a batch is written, the offset has not moved past them. */
  RECORDED,
  /** The offset moved past a batch, nothing of it was handled yet. */
  CONFIRMED,
  /** An update's replies are recorded, none was handed to Telegram. */
  ANSWERED,
  /** A reply is recorded as being sent, its request has not gone out. */
  SENDING,
  /** Telegram's acceptance of a reply is recorded (the update is done if it was the last). */
  SENT;

  /** The exit status of a stop at a crash point, so tests can tell it from any other exit. */
  static final int EXIT_STATUS = 86;

  private static final String PROPERTY = "essayqa.telegram.crash-at";
  private static final CrashPoint ARMED;
  private static final int NTH;
  private static final AtomicInteger reached = new AtomicInteger();

  static {
    String spec = System.getProperty(PROPERTY, "").strip();
    CrashPoint armed = null;
    int nth = 1;
    if (!spec.isEmpty()) {
      String[] parts = spec.split(":", 2);
      armed = valueOf(parts[0].toUpperCase(Locale.ROOT));
      nth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
    }
    ARMED = armed;
    NTH = nth;
  }

  /** Halts the process here if this point is armed and reached for the armed time. */
  void reach() {
    if (ARMED == this && reached.incrementAndGet() == NTH) {
      Runtime.getRuntime().halt(EXIT_STATUS);
    }
  }
}
