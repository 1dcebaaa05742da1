package app.essayqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The token vectors of one file being indexed, quantized as {@link TokenVectors} keeps them and
 * written to a temporary file as the model makes them, so a file's tokens are never all on the
 * heap. Rows come in the order the model runs the texts (by length); the entry's file is put
 * together from them passage by passage. The temporary file is deleted on close, whatever happened.
 * Not thread-safe.
 */
final class TokenSpill implements AutoCloseable {
  static final int DIM = 384;

  /** A row on disk: its scale, then its {@link #DIM} bytes. */
  static final int ROW = Float.BYTES + DIM;

  private final Path file;
  private final FileChannel channel;
  private final ByteBuffer pending = ByteBuffer.allocate(ROW * 256);
  private final float[][] one = new float[1][];
  private ByteBuffer read = ByteBuffer.allocate(ROW * 64);
  private int rows;
  private long written;

  private TokenSpill(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** A spill in {@code folder} (created if missing), or in the system's temporary folder. */
  static TokenSpill in(Path folder) {
    Path file;
    try {
      Files.createDirectories(folder);
      deleteAbandoned(folder);
      file = Files.createTempFile(folder, "tokens-", ".part");
    } catch (IOException | UnsupportedOperationException e) {
      try {
        file = Files.createTempFile("essayqa-tokens-", ".part");
      } catch (IOException again) {
        throw new UncheckedIOException("cannot write the token vectors of a file anywhere", again);
      }
    }
    try {
      return new TokenSpill(
          file,
          // On Linux the name is removed at once, so not even a killed run leaves the file behind.
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE));
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Quantizes the unit vector {@code v} into the next row; returns its row number. */
  int append(float[] v) {
    if (pending.remaining() < ROW) {
      flush();
    }
    one[0] = v;
    ByteBuffer scale = pending.slice(pending.position(), Float.BYTES);
    ByteBuffer values = pending.slice(pending.position() + Float.BYTES, DIM);
    TokenVectors.quantize(one, values, scale);
    pending.position(pending.position() + ROW);
    return rows++;
  }

  int rows() {
    return rows;
  }

  /**
   * Rows {@code from} up to {@code from + count}, each {@link #ROW} bytes; valid until the next
   * call.
   */
  ByteBuffer rows(int from, int count) {
    flush();
    int bytes = count * ROW;
    if (read.capacity() < bytes) {
      read = ByteBuffer.allocate(Math.max(bytes, read.capacity() * 2));
    }
    read.clear().limit(bytes);
    long position = (long) from * ROW;
    try {
      while (read.hasRemaining()) {
        if (channel.read(read, position + read.position()) < 0) {
          throw new IOException("the token file ended early");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back " + file, e);
    }
    return read.flip();
  }

  private void flush() {
    pending.flip();
    try {
      while (pending.hasRemaining()) {
        written += channel.write(pending, written);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      pending.clear();
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Deleted below either way.
    }
    deleteQuietly(file);
  }

  /**
   * Deletes the temporary files of runs that were killed (a file being written is touched every few
   * seconds, so one untouched for ten minutes is no one's).
   */
  private static void deleteAbandoned(Path folder) {
    long before = System.currentTimeMillis() - ABANDONED_MS;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "*.part")) {
      for (Path part : parts) {
        if (Files.getLastModifiedTime(part).toMillis() < before) {
          deleteQuietly(part);
        }
      }
    } catch (IOException e) {
      // Left for the next run.
    }
  }

  private static final long ABANDONED_MS = 10 * 60 * 1000L;

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temporary file is never read: entries are found by their key only.
    }
  }
}
