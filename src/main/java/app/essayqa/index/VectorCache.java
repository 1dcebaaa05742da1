package app.essayqa.index;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings kept on disk between runs, one file per key (a hash of the passage texts, the model
 * and the chunking settings), so a second start does not embed again. The file carries a checksum;
 * a corrupt, truncated or mismatched file is reported in one warning line and rebuilt.
 */
public final class VectorCache {
  private static final Logger LOG = LoggerFactory.getLogger(VectorCache.class);
  private static final int MAGIC = 0x45514156; // "EQAV"
  private static final int FORMAT = 1;

  private final Path folder;

  public VectorCache(Path folder) {
    this.folder = folder;
  }

  /** The vectors stored under {@code key}, if a sound file with {@code rows} rows is there. */
  public Optional<float[][]> read(String key, int rows) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length < 8) {
        throw new IOException("truncated");
      }
      ByteBuffer body = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
      long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
      CRC32 crc = new CRC32();
      crc.update(body.duplicate());
      if (crc.getValue() != stored) {
        throw new IOException("checksum mismatch");
      }
      DataInputStream data =
          new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8));
      if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
        throw new IOException("not an Essay QA vector file");
      }
      int count = data.readInt();
      int dim = data.readInt();
      if (count != rows || dim <= 0 || dim > 4096) {
        throw new IOException(
            "holds " + count + "x" + dim + " vectors, expected " + rows + " rows");
      }
      float[][] vectors = new float[count][dim];
      for (float[] v : vectors) {
        for (int j = 0; j < dim; j++) {
          v[j] = data.readFloat();
        }
      }
      return Optional.of(vectors);
    } catch (IOException | RuntimeException e) {
      LOG.warn("index cache {} is unusable ({}); rebuilding it", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Stores vectors under {@code key}; a failure to write is a warning, not an error. */
  public void write(String key, float[][] vectors) {
    Path file = file(key);
    try {
      Files.createDirectories(folder);
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      DataOutputStream data = new DataOutputStream(buffer);
      data.writeInt(MAGIC);
      data.writeInt(FORMAT);
      data.writeInt(vectors.length);
      data.writeInt(vectors.length == 0 ? 1 : vectors[0].length);
      for (float[] v : vectors) {
        for (float x : v) {
          data.writeFloat(x);
        }
      }
      data.flush();
      CRC32 crc = new CRC32();
      crc.update(buffer.toByteArray());
      data.writeLong(crc.getValue());
      Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".part");
      try {
        Files.write(partial, buffer.toByteArray());
        Files.move(
            partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        // After a failed rename it would stay behind, one more on every start.
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      LOG.warn(
          "cannot write index cache {} ({}); the next start will embed again",
          file,
          e.getMessage());
    }
  }

  Path file(String key) {
    return folder.resolve("vectors-" + key + ".bin");
  }
}
