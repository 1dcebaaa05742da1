package app.essayqa.eval;

import app.essayqa.EssayQa;
import app.essayqa.cli.ConfigOptions;
import app.essayqa.config.ConfigKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eval SUITE...}: runs suites through the facade and reports, compares and gates. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Runs evaluation suites (YAML) through the same pipeline as the REPL and prints hit@1, hit@k,"
          + " MRR@k, nDCG@k, answer-term recall, abstention precision/recall, citation"
          + " faithfulness, answer length and latency per suite and per tag, then the failed cases.",
      "Exit codes: 0 all gates passed, 1 a figure fell below its threshold, 2 usage or suite error."
    })
public final class EvalCommand implements Callable<Integer> {
  /** The project's own suite, relative to the project folder. */
  static final String SHIPPED_SUITE = "src/test/resources/eval/essay.yaml";

  @Spec CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Parameters(
      arity = "0..*",
      paramLabel = "SUITE",
      description = "Suite files (default: " + SHIPPED_SUITE + " in the project folder).")
  List<Path> suiteFiles = new ArrayList<>();

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "3",
      description =
          "Cut-off for hit@k, MRR@k and nDCG@k; a case passes when its evidence is in"
              + " the first K quotes (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Write <suite>.json, <suite>.junit.xml and <suite>.html into DIR.")
  Path reportDir;

  @Option(
      names = "--compare",
      paramLabel = "REPORT",
      description =
          "An earlier <suite>.json: print the change in each figure and the cases that"
              + " went from pass to fail and back (repeatable, matched by suite name).")
  List<Path> compareWith = new ArrayList<>();

  @Option(
      names = "--threshold",
      paramLabel = "METRIC=BOUND",
      description =
          "A gate, e.g. --threshold hit@3=0.95 or 'abstention_recall[far-off]=0.95';"
              + " a minimum, or a maximum for latency_*_ms and answer_chars. Overrides the suite's.")
  Map<String, String> thresholdOptions = new LinkedHashMap<>();

  @Option(
      names = "--sweep",
      paramLabel = "KEY=V1,V2,...",
      description = "Run once per value of a configuration key and print the figures side by side.")
  String sweep;

  @Option(
      names = "--baseline",
      description =
          "Also run the plain LangChain4j Easy RAG pipeline (300-token recursive chunks,"
              + " all-MiniLM, top 3, no abstention) and print its figures beside ours.")
  boolean baseline;

  @Option(
      names = "--max-failures",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Failed cases to list on the console (default: ${DEFAULT-VALUE}; reports list all).")
  int maxFailures;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (k < 1 || k > MetricKey.MAX_K) {
      throw new ParameterException(
          spec.commandLine(), "--k must be 1.." + MetricKey.MAX_K + ", got " + k);
    }
    if (maxFailures < 0) {
      throw new ParameterException(spec.commandLine(), "--max-failures must be >= 0");
    }
    if (sweep != null && !compareWith.isEmpty()) {
      // A sweep makes several runs of each suite; which one an earlier report compares with is
      // ambiguous, so say so rather than pick one.
      throw new ParameterException(spec.commandLine(), "--compare cannot be combined with --sweep");
    }
    List<Threshold> cliThresholds = cliThresholds();
    // Everything a user can get wrong is checked before the model loads.
    List<Suite> suites = loadSuites(cliThresholds);
    Map<String, Comparison> comparisons = loadComparisons(suites);
    List<Sweep.Variant> variants;
    try {
      variants = Sweep.variants(sweep, configOptions.load());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    int[] ks = cutOffs(suites, cliThresholds);
    Progress progress = new Progress(err, System.console() != null);
    SuiteRunner runner = new SuiteRunner(k, ks, maxFailures, progress);

    boolean gatesPassed = true;
    Map<String, List<RunResult>> bySuite = new LinkedHashMap<>();
    Map<String, RunResult> baselines = new LinkedHashMap<>();
    for (Sweep.Variant variant : variants) {
      if (variants.size() > 1) {
        out.println("== " + variant.label() + " ==");
      }
      try (FacadeAnswerSource ours = new FacadeAnswerSource(EssayQa.open(variant.config()))) {
        // One baseline run is enough: it does not read our configuration, so a sweep leaves it
        // alone.
        Optional<EasyRagBaseline> easyRag =
            baseline && baselines.isEmpty()
                ? Optional.of(
                    new EasyRagBaseline(
                        ours.library(), variant.config().getPath(ConfigKeys.CACHE_DIR)))
                : Optional.empty();
        for (Suite suite : suites) {
          List<Threshold> thresholds = merge(suite.thresholds(), cliThresholds);
          Optional<Comparison> comparison =
              variants.size() == 1
                  ? Optional.ofNullable(comparisons.get(suite.name()))
                  : Optional.empty();
          String stem =
              variants.size() > 1
                  ? suite.fileStem() + "-" + safe(variant.label())
                  : suite.fileStem();
          try (CaseSpill spill = reportDir == null ? null : new CaseSpill(reportDir, stem)) {
            Consumer<CaseResult> each = r -> {};
            if (spill != null) {
              each = each.andThen(spill);
            }
            if (comparison.isPresent()) {
              each = each.andThen(comparison.get());
            }
            RunResult run = runner.run(suite, ours, each);
            if (easyRag.isPresent()) {
              baselines.put(suite.name(), runner.run(suite, easyRag.get(), r -> {}));
            }
            Optional<RunResult> base = Optional.ofNullable(baselines.get(suite.name()));
            List<RunResult.GateResult> gates = run.gates(thresholds);
            if (variants.size() == 1) {
              ConsoleReport.figures(out, run);
              out.println();
              base.ifPresent(b -> baselineTable(out, run, b, thresholds));
              gatesPassed &= ConsoleReport.gates(out, gates);
              comparison.ifPresent(c -> c.print(out, run));
              ConsoleReport.failures(out, run);
            } else {
              boolean passed = gates.stream().allMatch(RunResult.GateResult::passed);
              gatesPassed &= passed;
              out.printf(
                  "suite %s: %d/%d cases passed, gates %s%n",
                  suite.name(),
                  run.overall().passed(),
                  run.overall().cases(),
                  gates.isEmpty() ? "none" : passed ? "passed" : "FAILED");
            }
            bySuite.computeIfAbsent(suite.name(), n -> new ArrayList<>()).add(run);
            if (spill != null) {
              List<Path> written =
                  new ReportWriter(reportDir)
                      .write(stem, run, base, gates, variant.config(), spill);
              out.println(
                  "Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
            }
          }
          out.println();
        }
      }
    }
    if (variants.size() > 1) {
      printSweep(out, suites, variants, bySuite, baselines, cliThresholds);
    }
    out.flush();
    return gatesPassed ? 0 : 1;
  }

  private List<Suite> loadSuites(List<Threshold> cliThresholds) {
    List<Suite> suites = new ArrayList<>();
    List<Path> files =
        suiteFiles.isEmpty() ? List.of(ConfigOptions.home().resolve(SHIPPED_SUITE)) : suiteFiles;
    for (Path file : files) {
      suites.add(SuiteReader.validate(file));
    }
    checkSuiteNames(suites);
    for (Suite s : suites) {
      for (Threshold t : cliThresholds) {
        if (!t.key().tag().isEmpty() && !s.tags().contains(t.key().tag())) {
          throw new ParameterException(
              spec.commandLine(),
              "--threshold "
                  + t.key().name()
                  + ": no case of suite "
                  + s.name()
                  + " carries tag '"
                  + t.key().tag()
                  + "'");
        }
      }
    }
    return suites;
  }

  private Map<String, Comparison> loadComparisons(List<Suite> suites) {
    Map<String, Comparison> comparisons = new LinkedHashMap<>();
    for (Path previous : compareWith) {
      Comparison c = Comparison.load(previous);
      if (suites.stream().noneMatch(s -> s.name().equals(c.suite()))) {
        throw new ParameterException(
            spec.commandLine(),
            "--compare "
                + previous
                + ": it reports suite '"
                + c.suite()
                + "', which is not being run");
      }
      comparisons.put(c.suite(), c);
    }
    return comparisons;
  }

  private void baselineTable(
      PrintWriter out, RunResult ours, RunResult base, List<Threshold> thresholds) {
    ConsoleReport.sideBySide(
        out,
        "Beside the plain LangChain4j Easy RAG baseline (" + base.version() + "):",
        List.of(ours.system(), base.system() + " (baseline)"),
        List.of(ours, base),
        keysWithThresholds(ours, thresholds));
    out.println();
  }

  private void printSweep(
      PrintWriter out,
      List<Suite> suites,
      List<Sweep.Variant> variants,
      Map<String, List<RunResult>> bySuite,
      Map<String, RunResult> baselines,
      List<Threshold> cliThresholds) {
    for (Suite suite : suites) {
      List<RunResult> runs = new ArrayList<>(bySuite.get(suite.name()));
      List<String> names = new ArrayList<>(variants.stream().map(Sweep.Variant::label).toList());
      RunResult base = baselines.get(suite.name());
      if (base != null) {
        runs.add(base);
        names.add(base.system() + " (baseline)");
      }
      List<Threshold> thresholds = merge(suite.thresholds(), cliThresholds);
      ConsoleReport.sideBySide(
          out,
          "Sweep over suite " + suite.name() + ":",
          names,
          runs,
          keysWithThresholds(runs.get(0), thresholds));
      out.println();
    }
  }

  /** The table's metrics plus each gated one (often tag-scoped) so a sweep shows what it guards. */
  private static List<MetricKey> keysWithThresholds(RunResult run, List<Threshold> thresholds) {
    List<MetricKey> keys = new ArrayList<>(run.columns());
    for (Threshold t : thresholds) {
      if (!keys.contains(t.key())) {
        keys.add(t.key());
      }
    }
    return keys;
  }

  private List<Threshold> cliThresholds() {
    List<Threshold> out = new ArrayList<>();
    for (Map.Entry<String, String> e : thresholdOptions.entrySet()) {
      String text = e.getValue();
      if (text == null) {
        throw new ParameterException(
            spec.commandLine(), "--threshold " + e.getKey() + ": expected METRIC=BOUND");
      }
      try {
        MetricKey key = MetricKey.parse(e.getKey());
        out.add(Threshold.of(key, Double.parseDouble(text.strip()), "--threshold"));
      } catch (NumberFormatException ex) {
        throw new ParameterException(
            spec.commandLine(), "--threshold " + e.getKey() + ": '" + text + "' is not a number");
      } catch (IllegalArgumentException ex) {
        throw new ParameterException(spec.commandLine(), "--threshold: " + ex.getMessage());
      }
    }
    return out;
  }

  /** The suite's thresholds, with any the command line names again replaced by its bound. */
  private static List<Threshold> merge(List<Threshold> fromSuite, List<Threshold> fromCli) {
    Map<MetricKey, Threshold> merged = new LinkedHashMap<>();
    fromSuite.forEach(t -> merged.put(t.key(), t));
    fromCli.forEach(t -> merged.put(t.key(), t));
    return List.copyOf(merged.values());
  }

  private int[] cutOffs(List<Suite> suites, List<Threshold> cli) {
    TreeSet<Integer> ks = new TreeSet<>(List.of(1, k));
    suites.forEach(s -> s.thresholds().forEach(t -> ks.add(Math.max(1, t.key().k()))));
    cli.forEach(t -> ks.add(Math.max(1, t.key().k())));
    return ks.stream().mapToInt(Integer::intValue).toArray();
  }

  private void checkSuiteNames(List<Suite> suites) {
    TreeSet<String> names = new TreeSet<>();
    for (Suite s : suites) {
      if (!names.add(s.fileStem())) {
        // Two suites of one name would overwrite each other's reports and confuse --compare.
        throw new ParameterException(
            spec.commandLine(),
            "two suites are named '" + s.name() + "'; give each a distinct name");
      }
    }
  }

  private static String safe(String label) {
    return label.replaceAll("[^A-Za-z0-9._=-]", "_");
  }
}
