package app.essayqa.cli;

import app.essayqa.error.IoReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REPL's history file, checked before JLine reads it. JLine fails on the first read of a file
 * that is not UTF-8 or is a folder, which ended every REPL start until the user found and deleted
 * the file; a file it cannot parse it reports with a stack trace. Such a file is moved aside (next
 * to it, as {@code repl-history.bad}) with a one-line warning, and the REPL starts with an empty
 * history.
 */
final class HistoryFile {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryFile.class);

  /** JLine's format: one entry per line, {@code <epoch millis>:<text>}. */
  private static final Pattern ENTRY = Pattern.compile("\\d+:.*");

  private HistoryFile() {}

  /**
   * Returns the file to keep history in: {@code file} itself when it is absent or sound, or after a
   * broken one was moved aside; empty when history cannot be kept there at all.
   */
  static Optional<Path> usable(Path file) {
    if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
      return Optional.of(file);
    }
    String problem = problem(file);
    if (problem == null) {
      return Optional.of(file);
    }
    Path aside = file.resolveSibling(file.getFileName() + ".bad");
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.warn(
          "REPL history {} {} and cannot be moved aside ({}); history is not kept this session",
          file,
          problem,
          IoReason.of(e));
      return Optional.empty();
    }
    LOG.warn("REPL history {} {}; kept it as {} and started a new one", file, problem, aside);
    return Optional.of(file);
  }

  /** What is wrong with the file, or null when JLine can read it. */
  private static String problem(Path file) {
    if (Files.isDirectory(file)) {
      return "is a folder";
    }
    if (!Files.isRegularFile(file)) {
      return "is not a regular file";
    }
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return "is not UTF-8 text";
    } catch (IOException e) {
      return "cannot be read (" + IoReason.of(e) + ")";
    }
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (!line.isEmpty() && !ENTRY.matcher(line).matches()) {
        return "is not a history file (line " + number + ")";
      }
    }
    return null;
  }
}
