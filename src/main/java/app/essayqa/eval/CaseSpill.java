package app.essayqa.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Every case result of a run, one JSON object per line in a temporary file, so the reports can list
 * all cases without the run holding them in memory. Deleted on close.
 */
final class CaseSpill implements Consumer<CaseResult>, AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final BufferedWriter writer;
  private final JsonGenerator generator;

  CaseSpill(Path dir, String stem) {
    try {
      Files.createDirectories(dir);
      file = Files.createTempFile(dir, "." + stem + ".", ".cases.jsonl");
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      generator = new JsonFactory().createGenerator(writer);
      generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write case results under " + dir, e);
    }
  }

  @Override
  public void accept(CaseResult r) {
    try {
      CaseJson.write(generator, r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write case results to " + file, e);
    }
  }

  /** Reads the cases back in run order, one small tree at a time. */
  void forEach(IoConsumer<JsonNode> action) throws IOException {
    generator.flush();
    try (MappingIterator<JsonNode> it =
        JSON.readerFor(JsonNode.class)
            .readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        action.accept(it.next());
      }
    }
  }

  interface IoConsumer<T> {
    void accept(T value) throws IOException;
  }

  @Override
  public void close() {
    try {
      generator.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
