package app.essayqa.launcher;

import app.essayqa.error.Printable;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log pattern's {@code %msg}, through {@link Printable#line}: warnings name seed files, cache
 * paths and Telegram's replies, any of which may carry terminal escapes, and one message stays one
 * line.
 */
public final class PrintableLogMessage extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Printable.line(super.convert(event));
  }
}
