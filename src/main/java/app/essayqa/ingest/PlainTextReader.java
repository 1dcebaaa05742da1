package app.essayqa.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A {@code .txt} file: UTF-8 text, kept exactly as it is (the parser finds its shape). */
final class PlainTextReader implements DocumentReader {
  @Override
  public Extracted read(byte[] bytes) throws UnreadableFile {
    return Extracted.unpaged(utf8(bytes));
  }

  /** The bytes as UTF-8 text, refused when they hold a NUL (binary) or are not UTF-8. */
  static String utf8(byte[] bytes) throws UnreadableFile {
    for (byte b : bytes) {
      if (b == 0) {
        throw new UnreadableFile("binary, not text");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableFile("not UTF-8 text");
    }
  }
}
