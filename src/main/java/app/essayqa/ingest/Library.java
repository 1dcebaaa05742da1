package app.essayqa.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The parsed seed documents, in file-name order, and the warnings about files that were skipped.
 */
public record Library(List<Document> documents, List<String> warnings) {
  public Library {
    documents = List.copyOf(documents);
    warnings = List.copyOf(warnings);
  }

  public Optional<Document> document(String id) {
    return documents.stream().filter(d -> d.id().equals(id)).findFirst();
  }
}
