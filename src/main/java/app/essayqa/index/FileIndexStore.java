package app.essayqa.index;

import app.essayqa.ingest.Document;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The on-disk index, one entry per seed file under a key made of the file's name and content and of
 * everything its index depends on (the model, the settings, the code that parses and embeds), so an
 * unchanged file is read, never rebuilt, and a changed one gets a new entry. An entry is three
 * things: {@code KEY.json}, the parsed document; {@code KEY.vec}, its vectors with a checksum (the
 * token vectors are memory-mapped from it, not read onto the heap); and {@code KEY.bm25/}, its
 * Lucene index (kept by the BM25 retriever). A corrupt or truncated entry is reported in one line
 * and built again.
 */
public final class FileIndexStore {
  private static final int MAGIC = 0x45514649; // "EQFI"
  private static final int FORMAT = 1;
  private static final int DIM = 384;

  /** Bytes of one float vector. */
  private static final int ROW = DIM * Float.BYTES;

  private final Path folder;
  private final Consumer<String> warn;
  private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());

  /**
   * @param warn where the one-line notice about an unusable entry goes
   */
  public FileIndexStore(Path folder, Consumer<String> warn) {
    this.folder = folder;
    this.warn = warn;
  }

  public Path folder() {
    return folder;
  }

  /** The Lucene index folder of the entry. */
  public Path bm25Folder(String key) {
    return folder.resolve(key + ".bm25");
  }

  /** The entry under {@code key}, if a sound one is there; a broken one is reported. */
  public Optional<FileIndex> read(String key, String fileName) {
    Path doc = folder.resolve(key + ".json");
    Path vec = folder.resolve(key + ".vec");
    if (!Files.isRegularFile(doc) && !Files.isRegularFile(vec)) {
      return Optional.empty();
    }
    try {
      Document document = json.readValue(doc.toFile(), Document.class);
      return Optional.of(readVectors(vec, document));
    } catch (IOException | RuntimeException e) {
      warn.accept(
          "index cache entry for "
              + fileName
              + " is unusable ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage()))
              + "); indexing that file again");
      return Optional.empty();
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static FileIndex readVectors(Path vec, Document document) throws IOException {
    try (FileChannel channel = FileChannel.open(vec, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 24) {
        throw new IOException("truncated");
      }
      checkCrc(channel, size);
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(vec), 1 << 16));
      try (in) {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
          throw new IOException("not an Essay QA index file");
        }
        long frontLength = in.readLong();
        if (in.readInt() != DIM) {
          throw new IOException("vectors of another size");
        }
        int n = in.readInt();
        // The float vectors are mapped, not read: a start must not grow with the library's
        // vectors (the dense search reads the few rows it scores).
        long at = 24;
        VectorRows sentences = mapped(channel, in, at, n);
        at += (long) n * ROW;
        VectorRows contexts = mapped(channel, in, at, n);
        at += (long) n * ROW;
        int[] firstClause = ints(in, n + 1);
        at += (n + 1L) * Integer.BYTES;
        VectorRows clauses = mapped(channel, in, at, firstClause[n]);
        int[] firstToken = ints(in, n + 1);
        int tokens = firstToken[n];
        int words = in.readInt();
        List<String> wordList = new ArrayList<>(words);
        List<String> stems = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
          wordList.add(in.readUTF());
          stems.add(in.readUTF());
        }
        long scalesAt = 16 + frontLength;
        long valuesAt = scalesAt + (long) tokens * Float.BYTES;
        if (valuesAt + (long) tokens * DIM + 8 != size) {
          throw new IOException("truncated or padded");
        }
        ByteBuffer scales = channel.map(FileChannel.MapMode.READ_ONLY, scalesAt, 4L * tokens);
        ByteBuffer values =
            channel.map(FileChannel.MapMode.READ_ONLY, valuesAt, (long) tokens * DIM);
        return new FileIndex(
            document,
            sentences,
            contexts,
            clauses,
            firstClause,
            values,
            scales,
            firstToken,
            wordList,
            stems);
      }
    }
  }

  /** Reads the file through a small buffer, so checking it does not map it all into memory. */
  private static void checkCrc(FileChannel channel, long size) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long position = 0;
    long body = size - 8;
    while (position < body) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), body - position));
      int read = channel.read(buffer, position);
      if (read < 0) {
        throw new IOException("truncated");
      }
      position += read;
      crc.update(buffer.flip());
    }
    ByteBuffer stored = ByteBuffer.allocate(8);
    channel.read(stored, body);
    if (stored.flip().getLong() != crc.getValue()) {
      throw new IOException("checksum mismatch");
    }
  }

  /** {@code rows} vectors from {@code at} in the file, mapped; {@code in} skips past them. */
  private static VectorRows mapped(FileChannel channel, DataInputStream in, long at, int rows)
      throws IOException {
    if (rows < 0 || rows > 50_000_000 || at + (long) rows * ROW > channel.size()) {
      throw new IOException("bad row count " + rows);
    }
    in.skipNBytes((long) rows * ROW);
    return VectorRows.of(channel.map(FileChannel.MapMode.READ_ONLY, at, (long) rows * ROW), DIM);
  }

  private static int[] ints(DataInputStream in, int count) throws IOException {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = in.readInt();
      if (out[i] < 0 || (i > 0 && out[i] < out[i - 1])) {
        throw new IOException("bad offsets");
      }
    }
    return out;
  }

  /**
   * Stores the entry; returns false (after a warning) when the folder cannot be written, and the
   * index then lives in memory for this run only.
   */
  public boolean write(String key, FileIndex index) {
    try {
      Files.createDirectories(folder);
      writeAtomically(folder.resolve(key + ".json"), out -> json.writeValue(out, index.document()));
      writeAtomically(folder.resolve(key + ".vec"), out -> writeVectors(out, index));
      return true;
    } catch (IOException e) {
      warn.accept(
          "cannot write the index cache in "
              + folder
              + " ("
              + e.getMessage()
              + "); the next start will index again");
      return false;
    }
  }

  private static void writeVectors(OutputStream target, FileIndex index) throws IOException {
    ByteArrayOutputStream frontBytes = new ByteArrayOutputStream();
    DataOutputStream front = new DataOutputStream(frontBytes);
    int n = index.passages();
    front.writeInt(DIM);
    front.writeInt(n);
    writeFloats(front, index.sentenceVectors());
    writeFloats(front, index.contextVectors());
    writeInts(front, index.firstClause());
    writeFloats(front, index.clauseVectors());
    writeInts(front, index.firstToken());
    front.writeInt(index.words().size());
    for (int i = 0; i < index.words().size(); i++) {
      front.writeUTF(index.words().get(i));
      front.writeUTF(index.stems().get(i));
    }
    front.flush();
    CRC32 crc = new CRC32();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    DataOutputStream headData = new DataOutputStream(head);
    headData.writeInt(MAGIC);
    headData.writeInt(FORMAT);
    headData.writeLong(frontBytes.size());
    headData.flush();
    byte[] scales = bytes(index.tokenScales());
    byte[] values = bytes(index.tokenValues());
    for (byte[] part : List.of(head.toByteArray(), frontBytes.toByteArray(), scales, values)) {
      crc.update(part);
      target.write(part);
    }
    target.write(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.capacity()];
    buffer.duplicate().clear().get(out);
    return out;
  }

  private static void writeFloats(DataOutputStream out, VectorRows rows) throws IOException {
    for (int r = 0; r < rows.rows(); r++) {
      for (float x : rows.row(r)) {
        out.writeFloat(x);
      }
    }
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private void writeAtomically(Path file, Writer writer) throws IOException {
    Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".part");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial))) {
        writer.write(out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
