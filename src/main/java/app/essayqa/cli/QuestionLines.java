package app.essayqa.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Questions one per line, from a file or standard input, read the same way from both. A line that
 * is not UTF-8 is not a reason to lose the answers after it (one byte used to end {@code ask
 * --file} after 259 of 300 answers), nor can standard input be refused before answering, as it
 * streams: so each bad byte becomes U+FFFD and {@link #replaced} says so, for a warning naming the
 * line.
 */
final class QuestionLines implements Closeable {
  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int number;
  private boolean replaced;

  QuestionLines(InputStream in) {
    this.in = new BufferedInputStream(in);
  }

  /**
   * The next line without its line break (LF or CRLF) or a leading byte-order mark; null at end.
   */
  String next() throws IOException {
    line.reset();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    number++;
    byte[] bytes = line.toByteArray();
    int length =
        bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    String text = decode(bytes, length);
    if (number == 1 && text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark some editors write; not part of the text
    }
    return text;
  }

  /** The number of the line {@link #next} returned last, from 1. */
  int number() {
    return number;
  }

  /** Whether that line held bytes that are not UTF-8, shown as U+FFFD. */
  boolean replaced() {
    return replaced;
  }

  private String decode(byte[] bytes, int length) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
    try {
      replaced = false;
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (CharacterCodingException e) {
      replaced = true;
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
