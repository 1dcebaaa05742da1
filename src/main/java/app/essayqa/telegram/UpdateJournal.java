package app.essayqa.telegram;

import app.essayqa.error.EssayQaException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The bot's memory of updates, kept in the state folder so a crash loses no question and answers
 * none twice. Invariant: every update id below {@link #offset()} is either pending here (received,
 * not yet answered) or done. Updates are written here before the offset moves past them, and the
 * offset is what the next {@code getUpdates} confirms to Telegram; an update is removed once its
 * reply was sent or failed for good. Thread-safe.
 */
final class UpdateJournal {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path pendingDir;
  private final Path offsetFile;
  private long offset;
  private int pendingCount;

  private UpdateJournal(Path dir) throws IOException {
    this.pendingDir = dir.resolve("pending");
    this.offsetFile = dir.resolve("offset");
    Files.createDirectories(pendingDir);
    this.offset = Files.exists(offsetFile) ? readOffset(offsetFile) : 0;
    this.pendingCount = pending().size();
  }

  /** Opens (creating if needed) the journal in {@code dir}. */
  static UpdateJournal open(Path dir) {
    try {
      return new UpdateJournal(dir);
    } catch (IOException | RuntimeException e) {
      throw new EssayQaException(
          "cannot use the Telegram state folder "
              + dir
              + " (telegram.state-dir): "
              + e.getMessage(),
          e);
    }
  }

  /** The first update id not yet received: the offset to ask {@code getUpdates} for. */
  synchronized long offset() {
    return offset;
  }

  synchronized int pendingCount() {
    return pendingCount;
  }

  /** Updates received before a crash or stop and not answered yet, oldest first. */
  synchronized List<Update> pending() throws IOException {
    List<Update> updates = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pendingDir, "*.json")) {
      for (Path file : files) {
        try {
          updates.add(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Update.class));
        } catch (IOException e) {
          LOG.warn("skipping unreadable pending update {}: {}", file.getFileName(), e.getMessage());
          Files.move(
              file,
              file.resolveSibling(file.getFileName() + ".bad"),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    updates.sort(Comparator.comparing(Update::getUpdateId));
    return updates;
  }

  /**
   * Records newly received updates, then moves the offset past them. Returns those not seen before
   * (Telegram may resend updates the journal already holds if a crash beat its confirmation), in id
   * order.
   */
  synchronized List<Update> accept(List<Update> batch) throws IOException {
    List<Update> fresh = new ArrayList<>();
    long max = offset - 1;
    for (Update update : batch) {
      long id = update.getUpdateId();
      if (id >= offset) {
        writeDurably(pendingFile(id), JSON.writeValueAsBytes(update));
        fresh.add(update);
        pendingCount++;
        max = Math.max(max, id);
      }
    }
    if (max + 1 > offset) {
      Path tmp = offsetFile.resolveSibling("offset.tmp");
      writeDurably(tmp, Long.toString(max + 1).getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(
            tmp, offsetFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, offsetFile, StandardCopyOption.REPLACE_EXISTING);
      }
      offset = max + 1;
    }
    fresh.sort(Comparator.comparing(Update::getUpdateId));
    return fresh;
  }

  /** Forgets an update whose reply was sent or failed for good. */
  synchronized void done(long updateId) {
    try {
      if (Files.deleteIfExists(pendingFile(updateId))) {
        pendingCount--;
        notifyAll();
      }
    } catch (IOException e) {
      LOG.warn("cannot remove pending update {}: {}", updateId, e.getMessage());
    }
  }

  /** Waits until fewer than {@code max} updates are pending or {@code millis} pass. */
  synchronized void awaitPendingBelow(int max, long millis) throws InterruptedException {
    if (pendingCount >= max) {
      wait(millis);
    }
  }

  private Path pendingFile(long updateId) {
    return pendingDir.resolve(updateId + ".json");
  }

  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static long readOffset(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException("offset file " + file + " holds '" + text + "', not a number");
    }
  }
}
