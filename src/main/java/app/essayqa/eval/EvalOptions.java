package app.essayqa.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code eval} was asked to do, as typed; {@link Evaluation} checks it.
 *
 * @param suiteFiles the suites to run; empty runs the shipped one
 * @param k the cut-off for hit@k, MRR@k and nDCG@k
 * @param reportDir where to write each suite's JSON, JUnit XML and HTML reports
 * @param compareWith earlier JSON reports to compare with, matched by suite name
 * @param thresholds gates as typed, metric to bound (a null bound: the {@code =} was missing)
 * @param sweep {@code KEY=V1,V2,...} to run once per value
 * @param baseline whether to run the Easy RAG baseline beside ours
 * @param maxFailures failed cases to list on the console
 * @param judge whether a language model grades the answers, and which: {@code llm.*} settings with
 *     the endpoint and model given here when set
 */
public record EvalOptions(
    List<Path> suiteFiles,
    int k,
    Optional<Path> reportDir,
    List<Path> compareWith,
    Map<String, String> thresholds,
    Optional<String> sweep,
    boolean baseline,
    int maxFailures,
    Optional<Judge> judge) {

  /** {@code --judge}: the endpoint and model that grade, where they differ from {@code llm.*}. */
  public record Judge(Optional<String> baseUrl, Optional<String> model) {}

  public EvalOptions(
      List<Path> suiteFiles,
      int k,
      Optional<Path> reportDir,
      List<Path> compareWith,
      Map<String, String> thresholds,
      Optional<String> sweep,
      boolean baseline,
      int maxFailures) {
    this(
        suiteFiles,
        k,
        reportDir,
        compareWith,
        thresholds,
        sweep,
        baseline,
        maxFailures,
        Optional.empty());
  }

  public EvalOptions {
    suiteFiles = List.copyOf(suiteFiles);
    compareWith = List.copyOf(compareWith);
    // Map.copyOf refuses null values, and a null bound is a mistake to report, not to crash on.
    thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
  }
}
