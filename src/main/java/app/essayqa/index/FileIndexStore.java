package app.essayqa.index;

import app.essayqa.ingest.Document;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.zip.CheckedOutputStream;

/**
 * The on-disk index, one entry per seed file under a key made of the file's name and content and of
 * everything its index depends on (the model, the settings, the code that parses and embeds), so an
 * unchanged file is read, never rebuilt, and a changed one gets a new entry. An entry is three
 * things: {@code KEY.json}, the parsed document; {@code KEY.vec}, its vectors with a checksum (the
 * token vectors are memory-mapped from it, not read onto the heap); and {@code KEY.bm25/}, its
 * Lucene index (kept by the BM25 retriever). A corrupt or truncated entry is reported in one line
 * and built again. An entry is written streaming (its token vectors come from a {@link TokenSpill},
 * never all on the heap), each file under a temporary name renamed into place, the document last.
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
    if (!Files.isRegularFile(doc)) {
      // No document: never written, or its writing was cut short (it is renamed into place last).
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
   * Stores the entry and returns it with its token vectors memory-mapped from the stored file;
   * empty (after a warning) when the folder cannot be written, and the index then lives in memory
   * for this run only. The vectors file is written first and the document last, each under a
   * temporary name renamed into place: an entry whose document is missing is one whose writing was
   * cut short, and is built again without a word.
   */
  Optional<FileIndex> write(String key, BuiltFile built) {
    Path vec = folder.resolve(key + ".vec");
    Path doc = folder.resolve(key + ".json");
    boolean stored = false;
    try {
      Files.createDirectories(folder);
      Files.deleteIfExists(doc);
      long frontLength = writeAtomically(vec, out -> writeVectors(out, built));
      writeAtomically(
          doc,
          out -> {
            json.writeValue(out, built.document());
            return 0;
          });
      int tokens = built.firstToken()[built.passages()];
      try (FileChannel channel = FileChannel.open(vec, StandardOpenOption.READ)) {
        long scalesAt = 16 + frontLength;
        ByteBuffer scales = channel.map(FileChannel.MapMode.READ_ONLY, scalesAt, 4L * tokens);
        ByteBuffer values =
            channel.map(FileChannel.MapMode.READ_ONLY, scalesAt + 4L * tokens, (long) tokens * DIM);
        stored = true;
        return Optional.of(built.with(values, scales));
      }
    } catch (IOException e) {
      warn.accept(
          "cannot write the index cache in "
              + folder
              + " ("
              + e.getMessage()
              + "); the next start will index again");
      return Optional.empty();
    } finally {
      if (!stored) {
        // Whatever stopped it (a full disk, the heap running out), no part of the entry stays.
        deleteQuietly(vec);
        deleteQuietly(doc);
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // An entry without its document is never read.
    }
  }

  /**
   * Writes the vectors file, streamed with its checksum (the file's vectors are never copied into
   * one array); returns the length of its front part, the part before the token scales.
   */
  private static long writeVectors(OutputStream target, BuiltFile built) throws IOException {
    int n = built.passages();
    ByteArrayOutputStream wordBytes = new ByteArrayOutputStream();
    DataOutputStream wordData = new DataOutputStream(wordBytes);
    wordData.writeInt(built.words().size());
    for (int i = 0; i < built.words().size(); i++) {
      wordData.writeUTF(built.words().get(i));
      wordData.writeUTF(built.stems().get(i));
    }
    wordData.flush();
    long vectors = 2L * n + built.clauseVectors().length;
    long frontLength = 8 + vectors * DIM * Float.BYTES + 2L * (n + 1) * Integer.BYTES;
    frontLength += wordBytes.size();
    CRC32 crc = new CRC32();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(target, crc));
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeLong(frontLength);
    out.writeInt(DIM);
    out.writeInt(n);
    writeFloats(out, built.sentenceVectors());
    writeFloats(out, built.contextVectors());
    writeInts(out, built.firstClause());
    writeFloats(out, built.clauseVectors());
    writeInts(out, built.firstToken());
    wordBytes.writeTo(out);
    // The token rows, passage by passage, from the spill: all scales, then all values.
    for (boolean scales : new boolean[] {true, false}) {
      for (int i = 0; i < n; i++) {
        int count = built.firstToken()[i + 1] - built.firstToken()[i];
        ByteBuffer rows = built.tokens().rows(built.spillRow()[i], count);
        for (int r = 0; r < count; r++) {
          int at = r * TokenSpill.ROW;
          out.write(
              rows.array(),
              rows.arrayOffset() + (scales ? at : at + Float.BYTES),
              scales ? Float.BYTES : DIM);
        }
      }
    }
    out.flush();
    target.write(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
    return frontLength;
  }

  private static void writeFloats(DataOutputStream out, float[][] rows) throws IOException {
    for (float[] row : rows) {
      for (float x : row) {
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
    long write(OutputStream out) throws IOException;
  }

  /** Writes {@code file} under a temporary name and renames it; returns what the writer did. */
  private long writeAtomically(Path file, Writer writer) throws IOException {
    Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".part");
    try {
      long result;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
        result = writer.write(out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return result;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
