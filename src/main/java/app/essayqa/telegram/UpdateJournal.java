package app.essayqa.telegram;

import app.essayqa.error.EssayQaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of every update, on disk in the state folder, so that a crash at any moment loses no
 * question and answers none twice, with one exception stated below. An update moves through
 *
 * <ol>
 *   <li><b>received</b>: its record {@code pending/<id>.json} holds the update as Telegram sent it;
 *   <li><b>confirmed</b>: the offset file has moved past it, so the next {@code getUpdates} tells
 *       Telegram not to send it again (an update is never handled before this);
 *   <li><b>answered</b>: the record holds the replies to send, and how many Telegram accepted;
 *   <li><b>sending</b>: the record says the next reply was handed to Telegram and its response has
 *       not been recorded;
 *   <li><b>done</b>: the last reply was accepted (or given up for good) and the record is deleted.
 * </ol>
 *
 * Every write goes to a temporary file that is forced to disk, renamed over the record and followed
 * by a force of the folder, so a record is always whole. Recovery on {@link #open} is idempotent:
 * temporary files are dropped, records Telegram may still resend (a crash before the offset moved)
 * get the offset moved past them, and every record is handed out once. A record found
 * <i>sending</i> is the one window this cannot close: Telegram may have accepted that reply before
 * the crash, and nothing in the Bot API tells whether it did, so it is sent again and logged as a
 * possible duplicate.
 *
 * <p>The folder is locked while the journal is open, so two processes can never share it.
 * Thread-safe: different updates are written concurrently; one update's steps come in order.
 */
final class UpdateJournal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  enum State {
    RECEIVED,
    ANSWERED,
    SENDING
  }

  /**
   * One update's record.
   *
   * @param update the update as Telegram sent it
   * @param replies the Bot API calls that answer it, in order (empty until answered)
   * @param sent how many of the replies Telegram accepted (or were given up)
   * @param ambiguous how many times a reply's fate was unknown and it was sent again
   * @param outcome a word for the log: answered, help, rate-limited...
   */
  record Entry(
      long updateId,
      JsonNode update,
      State state,
      List<JsonNode> replies,
      int sent,
      int ambiguous,
      String outcome) {
    Entry {
      replies = List.copyOf(replies);
      outcome = outcome == null ? "" : outcome;
    }

    static Entry received(long updateId, JsonNode update) {
      return new Entry(updateId, update, State.RECEIVED, List.of(), 0, 0, "");
    }

    boolean finished() {
      return state != State.RECEIVED && sent >= replies.size();
    }
  }

  private final Path dir;
  private final Path pendingDir;
  private final Path rejectedDir;
  private final Path offsetFile;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final List<Entry> recovered;
  private long offset;
  private int pendingCount;

  private UpdateJournal(Path dir, FileChannel lockChannel, FileLock lock) throws IOException {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.pendingDir = dir.resolve("pending");
    this.rejectedDir = dir.resolve("rejected");
    this.offsetFile = dir.resolve("offset");
    Files.createDirectories(pendingDir);
    this.offset = Files.exists(offsetFile) ? readOffset(offsetFile) : 0;
    this.recovered = recover();
    this.pendingCount = recovered.size();
  }

  /**
   * Opens the journal of one bot: the sub-folder of {@code stateDir} named by the bot's id from
   * {@code getMe}, so that another token on the same folder never polls with this bot's offset
   * (which would confirm, and so discard, every update of the other bot below it).
   *
   * <p>State written before the folder was keyed by bot (an {@code offset} file or records in
   * {@code pending/} directly in {@code stateDir}) belongs to a bot nobody can name any more: it is
   * neither used nor deleted, and the bot refuses to start with one line saying where it is and
   * what to do with it.
   *
   * @throws EssayQaException for such old state, or as {@link #open}
   */
  static UpdateJournal openForBot(Path stateDir, long botId) {
    Path oldOffset = stateDir.resolve("offset");
    Path oldPending = stateDir.resolve("pending");
    boolean oldRecords;
    try (java.util.stream.Stream<Path> files =
        Files.isDirectory(oldPending) ? Files.list(oldPending) : java.util.stream.Stream.empty()) {
      oldRecords = files.findAny().isPresent();
    } catch (IOException e) {
      oldRecords = true;
    }
    Path own = stateDir.resolve(Long.toString(botId));
    if (Files.exists(oldOffset) || oldRecords) {
      throw new EssayQaException(
          "the state folder "
              + stateDir
              + " (telegram.state-dir) holds state not keyed by a bot (offset, pending/): move"
              + " offset and pending/ into "
              + own
              + " if they are this bot's, or delete them");
    }
    return open(own);
  }

  /**
   * Opens (creating if needed) the journal in {@code dir}, locks the folder and recovers what an
   * earlier run left.
   *
   * @throws EssayQaException if the folder cannot be used or another process holds it
   */
  static UpdateJournal open(Path dir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new EssayQaException(
            "another essay-qa telegram is running on the state folder "
                + dir
                + " (telegram.state-dir): stop it first, or give each bot its own folder");
      }
      return new UpdateJournal(dir, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      if (e instanceof EssayQaException q) {
        throw q;
      }
      throw new EssayQaException(
          "cannot use the Telegram state folder "
              + dir
              + " (telegram.state-dir): "
              + e.getMessage(),
          e);
    }
  }

  /** The folder this journal lives in. */
  Path dir() {
    return dir;
  }

  /** The first update id not yet received: the offset to ask {@code getUpdates} for. */
  synchronized long offset() {
    return offset;
  }

  /** Updates received and not done yet. */
  synchronized int pendingCount() {
    return pendingCount;
  }

  /** What an earlier run left unfinished, oldest first, as found by {@link #open}. */
  List<Entry> recovered() {
    return recovered;
  }

  /**
   * Records a batch from {@code getUpdates} and moves the offset past it. Updates below the offset
   * (Telegram resending what was confirmed) are left out. Returns the new records in id order.
   */
  List<Entry> accept(List<BotApi.RawUpdate> batch) throws IOException {
    long from = offset();
    List<BotApi.RawUpdate> fresh = new ArrayList<>();
    for (BotApi.RawUpdate u : batch) {
      if (u.id() >= from) {
        fresh.add(u);
      }
    }
    fresh.sort(Comparator.comparingLong(BotApi.RawUpdate::id));
    if (fresh.isEmpty()) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    List<Path> temps = new ArrayList<>();
    for (BotApi.RawUpdate u : fresh) {
      Entry entry = Entry.received(u.id(), u.json());
      entries.add(entry);
      temps.add(writeTemp(record(u.id()), serialize(entry)));
    }
    // Renamed in id order, so what a crash leaves recorded is always the start of the batch.
    for (int i = 0; i < temps.size(); i++) {
      moveIntoPlace(temps.get(i), record(fresh.get(i).id()));
      synchronized (this) {
        pendingCount++;
      }
      if (i == 0) {
        CrashPoint.RECEIVED.reach();
      }
    }
    syncFolder(pendingDir);
    CrashPoint.RECORDED.reach();
    writeOffset(fresh.get(fresh.size() - 1).id() + 1);
    CrashPoint.CONFIRMED.reach();
    return entries;
  }

  /** Records the replies that answer an update; none has been sent. */
  Entry answered(Entry entry, List<JsonNode> replies, String outcome) throws IOException {
    Entry next =
        new Entry(
            entry.updateId(),
            entry.update(),
            State.ANSWERED,
            replies,
            0,
            entry.ambiguous(),
            outcome);
    write(next);
    CrashPoint.ANSWERED.reach();
    return next;
  }

  /** Records that the next reply is being handed to Telegram. */
  Entry sending(Entry entry) throws IOException {
    Entry next = with(entry, State.SENDING, entry.sent(), entry.ambiguous());
    write(next);
    CrashPoint.SENDING.reach();
    return next;
  }

  /**
   * Records that Telegram accepted the reply being sent (or that it was given up for good). After
   * the last reply the update is done and its record deleted.
   */
  Entry sent(Entry entry) throws IOException {
    Entry next = with(entry, State.ANSWERED, entry.sent() + 1, entry.ambiguous());
    if (next.finished()) {
      delete(entry.updateId());
    } else {
      write(next);
    }
    CrashPoint.SENT.reach();
    return next;
  }

  /** Records that the reply being sent was not delivered: Telegram said so, or it never left. */
  Entry unsent(Entry entry) throws IOException {
    if (entry.state() != State.SENDING) {
      return entry;
    }
    Entry next = with(entry, State.ANSWERED, entry.sent(), entry.ambiguous());
    write(next);
    return next;
  }

  /** Notes that a reply's fate was unknown and it is sent again; written with the next step. */
  Entry ambiguous(Entry entry) {
    return with(entry, entry.state(), entry.sent(), entry.ambiguous() + 1);
  }

  /** Forgets an update that needs no reply, or whose replies are all settled. */
  void done(long updateId) throws IOException {
    delete(updateId);
  }

  /**
   * Moves an update that cannot be handled out of the way, to {@code rejected/} with the reason
   * beside it, so that it never blocks the others or a later start.
   */
  void reject(long updateId, JsonNode update, String reason) {
    try {
      setAside(updateId, update, reason);
      delete(updateId);
    } catch (IOException e) {
      LOG.error("cannot set update {} aside in {}: {}", updateId, rejectedDir, e.getMessage());
    }
  }

  private void setAside(long updateId, JsonNode update, String reason) throws IOException {
    Files.createDirectories(rejectedDir);
    Path json = rejectedDir.resolve(updateId + ".json");
    moveIntoPlace(
        writeTemp(json, JSON.writeValueAsBytes(update == null ? JSON.nullNode() : update)), json);
    Path why = rejectedDir.resolve(updateId + ".reason");
    moveIntoPlace(writeTemp(why, (reason + "\n").getBytes(StandardCharsets.UTF_8)), why);
    syncFolder(rejectedDir);
  }

  /** Waits until fewer than {@code max} updates are pending or {@code millis} pass. */
  synchronized void awaitPendingBelow(int max, long millis) throws InterruptedException {
    if (pendingCount >= max) {
      wait(millis);
    }
  }

  /** Waits until no update is pending or {@code millis} pass; returns whether none is. */
  synchronized boolean awaitEmpty(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (pendingCount > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** Releases the folder's lock. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      LOG.debug("releasing the lock on {}: {}", dir, e.getMessage());
    }
    closeQuietly(lockChannel);
  }

  // ---- recovery

  private List<Entry> recover() throws IOException {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*.tmp")) {
      for (Path t : temps) {
        Files.deleteIfExists(t);
      }
    }
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pendingDir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tmp")) {
          // A write cut short: the record it was replacing, if any, is intact.
          Files.delete(file);
          continue;
        }
        if (!name.matches("\\d+\\.json")) {
          continue;
        }
        long id = Long.parseLong(name.substring(0, name.length() - ".json".length()));
        try {
          entries.add(parse(id, JSON.readTree(Files.readAllBytes(file))));
        } catch (IOException | RuntimeException e) {
          String reason =
              "unreadable record: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
          LOG.warn("update {}: {}; set aside in {}", id, reason, rejectedDir);
          JsonNode raw;
          try {
            raw = JSON.getNodeFactory().textNode(Files.readString(file, StandardCharsets.UTF_8));
          } catch (IOException | RuntimeException unreadable) {
            raw = null;
          }
          setAside(id, raw, reason);
          Files.delete(file);
        }
      }
    }
    syncFolder(pendingDir);
    entries.sort(Comparator.comparingLong(Entry::updateId));
    long max = entries.isEmpty() ? -1 : entries.get(entries.size() - 1).updateId();
    if (max >= offset) {
      // A crash came between recording a batch and moving the offset. What was recorded is the
      // start of that batch, so moving past the last record skips nothing Telegram still holds.
      long unconfirmed = entries.stream().filter(e -> e.updateId() >= offset).count();
      LOG.info("confirming {} updates recorded just before the last run stopped", unconfirmed);
      writeOffset(max + 1);
    }
    return List.copyOf(entries);
  }

  private static Entry parse(long id, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!node.has("state")) {
      // Written by an earlier version: the bare update, received and not answered.
      if (node.path("update_id").asLong(-1) != id) {
        throw new IllegalArgumentException("its update_id is not " + id);
      }
      return Entry.received(id, node);
    }
    if (node.path("update_id").asLong(-1) != id) {
      throw new IllegalArgumentException("its update_id is not " + id);
    }
    State state = State.valueOf(node.path("state").asText().toUpperCase(Locale.ROOT));
    List<JsonNode> replies = new ArrayList<>();
    node.path("replies").forEach(replies::add);
    int sent = node.path("sent").asInt(0);
    if (sent < 0 || sent > replies.size()) {
      throw new IllegalArgumentException("it counts " + sent + " of " + replies.size() + " sent");
    }
    return new Entry(
        id,
        node.path("update"),
        state,
        replies,
        sent,
        node.path("ambiguous").asInt(0),
        node.path("outcome").asText(""));
  }

  // ---- writing

  private static Entry with(Entry e, State state, int sent, int ambiguous) {
    return new Entry(e.updateId(), e.update(), state, e.replies(), sent, ambiguous, e.outcome());
  }

  private static byte[] serialize(Entry e) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("update_id", e.updateId());
    node.put("state", e.state().name().toLowerCase(Locale.ROOT));
    node.put("outcome", e.outcome());
    node.put("sent", e.sent());
    node.put("ambiguous", e.ambiguous());
    ArrayNode replies = node.putArray("replies");
    e.replies().forEach(replies::add);
    node.set("update", e.update());
    return JSON.writeValueAsBytes(node);
  }

  private Path record(long updateId) {
    return pendingDir.resolve(updateId + ".json");
  }

  private void write(Entry entry) throws IOException {
    Path file = record(entry.updateId());
    moveIntoPlace(writeTemp(file, serialize(entry)), file);
    syncFolder(pendingDir);
  }

  private void delete(long updateId) throws IOException {
    if (Files.deleteIfExists(record(updateId))) {
      syncFolder(pendingDir);
      synchronized (this) {
        pendingCount--;
        notifyAll();
      }
    }
  }

  private void writeOffset(long next) throws IOException {
    moveIntoPlace(
        writeTemp(offsetFile, Long.toString(next).getBytes(StandardCharsets.UTF_8)), offsetFile);
    syncFolder(dir);
    synchronized (this) {
      offset = next;
    }
  }

  private static Path writeTemp(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    return tmp;
  }

  private static void moveIntoPlace(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes renames and deletions in {@code folder} durable; a no-op where folders cannot be. */
  private static void syncFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (Files.isDirectory(folder)) {
        return; // Windows cannot open a folder this way; its renames are durable on their own.
      }
      throw e;
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

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to do: the lock goes with the process anyway
      }
    }
  }
}
