package app.essayqa.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes for cache keys and index versions. */
public final class Hashes {
  private Hashes() {}

  /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /**
   * Hex SHA-256 of the compiled classes: a cache entry keyed by it is dropped when the code that
   * made it changes, with no version number to remember to raise.
   */
  public static String ofClasses(Class<?>... classes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Class<?> c : classes) {
        String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (java.io.InputStream in = c.getResourceAsStream(resource)) {
          digest.update(c.getName().getBytes(StandardCharsets.UTF_8));
          if (in != null) {
            digest.update(in.readAllBytes());
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot read the class file of " + c.getName(), e);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
