package app.essayqa.launcher;

import app.essayqa.error.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line as the user typed it, in UTF-8 whatever the locale. Under {@code LANG=C} the JVM
 * decodes its arguments as ASCII and {@code Howe’s} arrives as {@code Howe���s}, the original bytes
 * gone; on Linux they are still in {@code /proc/self/cmdline}, and are decoded again from there.
 */
final class Arguments {
  private static final Path CMDLINE = Path.of("/proc/self/cmdline");

  private Arguments() {}

  /** {@code args} decoded as UTF-8; unchanged when the JVM already decoded them so. */
  static String[] utf8(String[] args) {
    Charset platform = platformCharset();
    // An ASCII decoder writes U+FFFD, or in some JVMs '?', for each byte it cannot read.
    boolean garbled = Arrays.stream(args).anyMatch(a -> a.indexOf('\uFFFD') >= 0);
    boolean maybe = garbled || Arrays.stream(args).anyMatch(a -> a.indexOf('?') >= 0);
    if (platform.equals(StandardCharsets.UTF_8) || !maybe) {
      return args;
    }
    List<byte[]> raw = List.of();
    try {
      raw = split(Files.readAllBytes(CMDLINE));
    } catch (IOException | RuntimeException e) {
      // Not Linux, or no /proc: nothing to decode again from.
    }
    String[] decoded = recover(args, raw);
    if (decoded != null) {
      return decoded;
    }
    if (garbled) {
      throw new UsageException(
          "the locale is not UTF-8 ("
              + platform
              + "), so arguments that are not ASCII arrive garbled; run with LANG=C.UTF-8");
    }
    return args;
  }

  /**
   * The last {@code args.length} entries of the raw command line decoded as UTF-8, when they are
   * the same arguments (their ASCII characters agree); null when they cannot be recovered.
   */
  static String[] recover(String[] args, List<byte[]> raw) {
    if (raw.size() < args.length) {
      return null;
    }
    List<byte[]> mine = raw.subList(raw.size() - args.length, raw.size());
    String[] out = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      byte[] bytes = mine.get(i);
      if (!skeleton(args[i]).equals(skeleton(bytes))) {
        return null;
      }
      try {
        out[i] =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        return null; // not UTF-8 either: nothing better to offer than the message
      }
    }
    return out;
  }

  /** ASCII kept, everything else one '?' per byte: how an ASCII decoder reads the argument. */
  private static String skeleton(String decoded) {
    StringBuilder out = new StringBuilder(decoded.length());
    decoded.chars().forEach(c -> out.append(c < 0x80 && c != '?' ? (char) c : '?'));
    return out.toString();
  }

  private static String skeleton(byte[] raw) {
    StringBuilder out = new StringBuilder(raw.length);
    for (byte b : raw) {
      out.append(b >= 0 && b != '?' ? (char) b : '?');
    }
    return out.toString();
  }

  private static List<byte[]> split(byte[] cmdline) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        out.add(Arrays.copyOfRange(cmdline, start, i));
        start = i + 1;
      }
    }
    if (start < cmdline.length) {
      out.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
    }
    return out;
  }

  /** The charset the JVM decoded its arguments with, which -Dfile.encoding does not change. */
  private static Charset platformCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
