package app.essayqa.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The vectors of single words (for near-synonym expansion), shared by all seed files: a word's
 * vector does not depend on the file it came from, and most words occur in many files, so each is
 * embedded once for the whole library rather than once per file. One file, rewritten when new words
 * are added; a corrupt one is reported in one line and the words are embedded again.
 */
public final class WordVectorStore {
  private static final int MAGIC = 0x45515756; // "EQWV"
  private static final int DIM = 384;

  private final Path file;
  private final Consumer<String> warn;

  public WordVectorStore(Path file, Consumer<String> warn) {
    this.file = file;
    this.warn = warn;
  }

  /** Every stored word with its vector; empty when there is no sound file. */
  public Map<String, float[]> read() {
    Map<String, float[]> vectors = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return vectors;
    }
    CRC32 crc = new CRC32();
    try (DataInputStream in =
        new DataInputStream(
            new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not an Essay QA word file");
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String word = in.readUTF();
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
          v[d] = in.readFloat();
        }
        vectors.put(word, v);
      }
      long computed = crc.getValue();
      long stored = new DataInputStream(in).readLong();
      if (stored != computed) {
        throw new IOException("checksum mismatch");
      }
      return vectors;
    } catch (IOException | RuntimeException e) {
      warn.accept(
          "word vector cache " + file + " is unusable (" + e.getMessage() + "); rebuilding it");
      return new HashMap<>();
    }
  }

  /** Stores {@code vectors}; a failure to write is a warning, not an error. */
  public void write(Map<String, float[]> vectors) {
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
      try {
        CRC32 crc = new CRC32();
        try (DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(
                    new CheckedOutputStream(Files.newOutputStream(partial), crc), 1 << 16))) {
          out.writeInt(MAGIC);
          out.writeInt(vectors.size());
          for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            out.writeUTF(e.getKey());
            for (float x : e.getValue()) {
              out.writeFloat(x);
            }
          }
          out.flush();
          long value = crc.getValue();
          // The checksum itself is written past the checked stream's count.
          out.writeLong(value);
        }
        Files.move(
            partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      warn.accept("cannot write word vector cache " + file + " (" + e.getMessage() + ")");
    }
  }
}
