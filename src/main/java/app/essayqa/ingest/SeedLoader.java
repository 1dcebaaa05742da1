package app.essayqa.ingest;

import app.essayqa.error.EssayQaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every {@code .txt} and {@code .md} file directly in the seeds folder as UTF-8. A file that
 * is empty, binary or not UTF-8 is skipped with a warning naming it; a missing folder, or one with
 * no usable file, is an error.
 */
public final class SeedLoader {
  private static final Logger LOG = LoggerFactory.getLogger(SeedLoader.class);

  /** Seeds are essays, not data dumps; a bigger file is almost surely a mistake. */
  static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  private final DocumentParser parser = new DocumentParser();

  public Library load(Path folder) {
    long started = System.nanoTime();
    if (!Files.exists(folder)) {
      throw new EssayQaException("seeds folder not found: " + folder);
    }
    if (!Files.isDirectory(folder)) {
      throw new EssayQaException("seeds folder is not a folder: " + folder);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(Files::isRegularFile)
              .filter(SeedLoader::hasSeedExtension)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new EssayQaException("cannot read seeds folder " + folder + ": " + e.getMessage(), e);
    }
    List<Document> documents = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Path file : files) {
      String problem = null;
      try {
        byte[] bytes = Files.size(file) > MAX_FILE_BYTES ? null : Files.readAllBytes(file);
        if (bytes == null) {
          problem = "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB";
        } else if (isBlankText(bytes)) {
          problem = "empty";
        } else if (containsNul(bytes)) {
          problem = "binary, not text";
        } else {
          String text = decodeUtf8(bytes);
          if (text == null) {
            problem = "not UTF-8 text";
          } else {
            documents.add(parser.parse(file.getFileName().toString(), text));
          }
        }
      } catch (IOException e) {
        problem = "unreadable (" + e.getMessage() + ")";
      }
      if (problem != null) {
        String warning = "skipped seed file " + file.getFileName() + ": " + problem;
        LOG.warn(warning);
        warnings.add(warning);
      }
    }
    if (documents.isEmpty()) {
      throw new EssayQaException(
          "no usable .txt or .md file in seeds folder "
              + folder
              + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
    }
    LOG.debug(
        "ingest: {} documents, {} skipped in {} ms",
        documents.size(),
        warnings.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new Library(documents, warnings);
  }

  private static boolean hasSeedExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".txt") || name.endsWith(".md")) && !name.startsWith(".");
  }

  private static boolean isBlankText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.chars().allMatch(c -> DocumentParser.isSpace((char) c));
  }

  private static boolean containsNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
