package app.essayqa.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file copied out of the jar into the cache folder, checked against the size and CRC-32 the jar
 * records for it every time it is used. A native library that is the right size but damaged crashed
 * the JVM on every start (only the size was compared); now a copy that does not match is deleted
 * and extracted again, with a one-line warning.
 */
final class ExtractedResource {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractedResource.class);

  private ExtractedResource() {}

  /**
   * Returns {@code dir/fileName}, a sound copy of {@code resource}. The copy goes to a temporary
   * name of its own first (two programs may start on one fresh cache) and is renamed when complete,
   * so an interrupted copy never looks complete; the temporary file never outlives the call.
   */
  static Path extract(ClassLoader loader, String resource, Path dir, String fileName)
      throws IOException {
    Path target = dir.resolve(fileName);
    Record expected = record(loader, resource);
    if (Files.exists(target)) {
      String problem = mismatch(target, expected);
      if (problem == null) {
        return target;
      }
      LOG.warn("cached {} {}; extracting it again", target, problem);
      Files.deleteIfExists(target);
    }
    Path partial = Files.createTempFile(dir, fileName, ".part");
    try {
      try (InputStream in = open(loader, resource)) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      String problem = mismatch(partial, expected);
      if (problem != null) {
        throw new IOException("the copy of " + resource + " " + problem);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    LOG.debug("extracted {} to {}", resource, dir);
    return target;
  }

  /** What the jar says the file holds: its size and CRC-32. */
  private record Record(long size, long crc) {}

  private static Record record(ClassLoader loader, String resource) throws IOException {
    URL url = loader.getResource(resource);
    if (url == null) {
      throw new IOException("the resource " + resource + " is missing from the classpath");
    }
    URLConnection connection = url.openConnection();
    if (connection instanceof JarURLConnection jar) {
      JarEntry entry = jar.getJarEntry();
      if (entry.getCrc() >= 0 && entry.getSize() >= 0) {
        return new Record(entry.getSize(), entry.getCrc());
      }
    }
    // Not in a jar (classes run from folders): the resource itself is the record.
    try (InputStream in = open(loader, resource)) {
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[1 << 16];
      long size = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
        size += n;
      }
      return new Record(size, crc.getValue());
    }
  }

  /** Why {@code file} is not a copy of the recorded resource, or null when it is. */
  private static String mismatch(Path file, Record expected) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "is not a file";
    }
    if (Files.size(file) != expected.size()) {
      return "is " + Files.size(file) + " bytes, the jar's copy " + expected.size();
    }
    return crc(file) == expected.crc() ? null : "does not match the jar's checksum";
  }

  private static long crc(Path file) throws IOException {
    CRC32 crc = new CRC32();
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        crc.update(buffer);
        buffer.clear();
      }
    }
    return crc.getValue();
  }

  private static InputStream open(ClassLoader loader, String resource) throws IOException {
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("the resource " + resource + " is missing from the classpath");
    }
    return in;
  }
}
