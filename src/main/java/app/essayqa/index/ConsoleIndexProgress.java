package app.essayqa.index;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows indexing on standard error: on a terminal, one bar redrawn in place (files, sentences, time
 * left), and only once indexing has taken a second, so a start that reads the cache prints nothing;
 * elsewhere (a log, a pipe) one line per file.
 */
public final class ConsoleIndexProgress implements IndexProgress {
  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR = 24;

  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier clock;
  private long started;
  private long lastDrawn;
  private int files;
  private long chars;
  private int filesDone;
  private long charsDone;
  private long fileChars;
  private int fileSentences;
  private int fileTotal = 1;
  private int sentences;
  private boolean drawn;

  public ConsoleIndexProgress(PrintStream err, boolean terminal, LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** Whether standard error is a terminal (Java 17 cannot ask; Linux's /proc can). */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  @Override
  public void started(int files, long chars) {
    this.files = files;
    this.chars = chars;
    this.started = clock.getAsLong();
  }

  @Override
  public void fileParsed(String name, long chars, int sentences) {
    fileChars = chars;
    fileSentences = 0;
    fileTotal = Math.max(1, sentences);
  }

  @Override
  public void sentences(int count) {
    sentences += count;
    fileSentences += count;
    draw(false);
  }

  @Override
  public void fileDone(String name, long chars, int passages, long millis) {
    filesDone++;
    charsDone += chars;
    fileChars = 0;
    if (!terminal) {
      err.printf(
          Locale.ROOT,
          "indexed %s (%d/%d): %d KB, %d sentences in %.1f s%n",
          name,
          filesDone,
          files,
          (chars + 1023) / 1024,
          passages,
          millis / 1000.0);
      err.flush();
    } else {
      draw(filesDone == files);
    }
  }

  @Override
  public void finished(int documents, int passages, long millis) {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
    if (files > 0 && (drawn || !terminal)) {
      err.printf(
          Locale.ROOT,
          "indexed %d of %d files in %.1f s; %d documents, %d passages%n",
          files,
          documents,
          millis / 1000.0,
          documents,
          passages);
      err.flush();
    }
  }

  private void draw(boolean force) {
    if (!terminal) {
      return;
    }
    long now = clock.getAsLong();
    if (now - started < SHOW_AFTER_NANOS || (!force && now - lastDrawn < REDRAW_NANOS)) {
      return;
    }
    lastDrawn = now;
    drawn = true;
    // The current file counts by its share of sentences done.
    double current = Math.min(1.0, fileSentences / (double) fileTotal);
    double done = chars == 0 ? 1 : (charsDone + current * fileChars) / chars;
    int filled = (int) Math.round(done * BAR);
    double elapsed = (now - started) / 1e9;
    String eta = done <= 0.01 ? "--" : formatSeconds(elapsed / done - elapsed);
    err.print(
        String.format(
            Locale.ROOT,
            "\r\033[Kindexing [%s%s] %d/%d files, %d sentences, %s left",
            "#".repeat(filled),
            ".".repeat(BAR - filled),
            filesDone,
            files,
            sentences,
            eta));
    err.flush();
  }

  private static String formatSeconds(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
  }
}
