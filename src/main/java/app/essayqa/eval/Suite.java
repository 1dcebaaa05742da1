package app.essayqa.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A validated suite file: its header and what a first pass learnt about its cases. The cases
 * themselves are streamed again from the file when the suite runs ({@link SuiteReader#cases}).
 *
 * @param size the number of cases
 * @param tags every tag some case carries, in first-seen order
 */
record Suite(Path file, String name, List<Threshold> thresholds, int size, Set<String> tags) {
  Suite {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    thresholds = List.copyOf(thresholds);
    tags = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(tags));
  }

  /** The name as a safe file name for reports. */
  String fileStem() {
    String stem = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return stem.isEmpty() || stem.startsWith(".") ? "suite" + stem : stem;
  }
}
