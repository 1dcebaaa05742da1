package app.essayqa.eval;

import app.essayqa.Answerer;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.error.Printable;
import app.essayqa.error.UsageException;
import app.essayqa.generate.AnswerJudge;
import app.essayqa.generate.LlmSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code eval}: runs suites through an answerer and reports, compares and gates. Every mistake a
 * user can make (options, suites, earlier reports) is found before the model loads.
 */
public final class Evaluation {
  /** What {@code eval} runs with no suite named: the suite the jar ships. */
  public static final String SHIPPED_SUITE = ShippedSuite.RESOURCE;

  /** Whether every gate held. */
  public enum Verdict {
    PASSED,
    FAILED
  }

  private static final String OURS = "essay-qa";

  private final Answerer.Opener opener;
  private final List<Path> suiteFiles;
  private final int k;
  private final Path reportDir;
  private final List<Path> compareWith;
  private final Map<String, String> thresholdOptions;
  private final String sweep;
  private final boolean baseline;
  private final int maxFailures;
  private final Optional<EvalOptions.Judge> judge;

  public Evaluation(Answerer.Opener opener, EvalOptions options) {
    this.opener = opener;
    this.suiteFiles = options.suiteFiles();
    this.k = options.k();
    this.reportDir = options.reportDir().orElse(null);
    this.compareWith = options.compareWith();
    this.thresholdOptions = options.thresholds();
    this.sweep = options.sweep().orElse(null);
    this.baseline = options.baseline();
    this.maxFailures = options.maxFailures();
    this.judge = options.judge();
  }

  /**
   * Checks the options and suites, then runs each suite (once per swept value) and prints the
   * figures, gates, comparisons and failed cases to {@code out}; progress goes to {@code err}.
   *
   * @param config loaded only once the suites are known to be valid
   * @throws UsageException for a mistake in the options
   */
  public Verdict run(Supplier<Config> config, PrintWriter console, PrintWriter errors) {
    // Suite names, ids, questions, expected terms and answers all come from outside: whatever
    // control characters they hold are shown, not sent to the terminal.
    PrintWriter out = Printable.writer(console);
    PrintWriter err = Printable.writer(errors);
    if (k < 1 || k > MetricKey.MAX_K) {
      throw new UsageException("--k must be 1.." + MetricKey.MAX_K + ", got " + k);
    }
    if (maxFailures < 0) {
      throw new UsageException("--max-failures must be >= 0");
    }
    if (sweep != null && !compareWith.isEmpty()) {
      // A sweep makes several runs of each suite; which one an earlier report compares with is
      // ambiguous, so say so rather than pick one.
      throw new UsageException("--compare cannot be combined with --sweep");
    }
    List<Threshold> cliThresholds = cliThresholds();
    // Everything a user can get wrong is checked before the model loads.
    reportDir().ifPresent(ReportWriter::prepare);
    List<Suite> suites = loadSuites(cliThresholds);
    Map<String, Comparison> comparisons = loadComparisons(suites);
    List<Sweep.Variant> variants;
    try {
      variants = Sweep.variants(sweep, config.get());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    int[] ks = cutOffs(suites, cliThresholds);
    Progress progress = new Progress(err, System.console() != null);
    SuiteRunner runner = new SuiteRunner(k, ks, maxFailures, progress);

    boolean gatesPassed = true;
    Map<String, List<RunResult>> bySuite = new LinkedHashMap<>();
    Map<String, RunResult> baselines = new LinkedHashMap<>();
    Set<String> warned = new HashSet<>(); // once, though a sweep opens the seeds once per value
    for (Sweep.Variant variant : variants) {
      if (variants.size() > 1) {
        out.println("== " + variant.label() + " ==");
      }
      try (Answerer ours = opener.open(variant.config())) {
        // One baseline run is enough: it does not read our configuration, so a sweep leaves it
        // alone.
        Optional<EasyRagBaseline> easyRag =
            baseline && baselines.isEmpty()
                ? Optional.of(
                    new EasyRagBaseline(
                        ours.library(), variant.config().getPath(ConfigKeys.CACHE_DIR)))
                : Optional.empty();
        for (Suite suite : suites) {
          for (String warning : EvidenceCheck.missing(suite, ours.library())) {
            if (warned.add(warning)) {
              err.println("warning: " + warning);
            }
          }
        }
        err.flush();
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
            Optional<JudgeTally> judged = judge(variant.config());
            if (judged.isPresent()) {
              each = each.andThen(judged.get());
            }
            RunResult run = runner.run(suite, OURS, ours, each);
            if (easyRag.isPresent()) {
              baselines.put(
                  suite.name(), runner.run(suite, EasyRagBaseline.LABEL, easyRag.get(), r -> {}));
            }
            Optional<RunResult> base = Optional.ofNullable(baselines.get(suite.name()));
            List<RunResult.GateResult> gates = run.gates(thresholds);
            if (variants.size() == 1) {
              ConsoleReport.figures(out, run);
              out.println();
              base.ifPresent(b -> baselineTable(out, run, b, thresholds));
              gatesPassed &= ConsoleReport.gates(out, gates);
              comparison.ifPresent(c -> c.print(out, run));
              judged.ifPresent(j -> j.print(out));
              ConsoleReport.failures(out, run);
            } else {
              boolean passed = gates.stream().allMatch(RunResult.GateResult::passed);
              gatesPassed &= passed;
              out.printf(
                  Locale.ROOT,
                  "suite %s: %d/%d cases passed, gates %s%n",
                  suite.name(),
                  run.overall().passed(),
                  run.overall().cases(),
                  gates.isEmpty() ? "none" : passed ? "passed" : "FAILED");
              judged.ifPresent(j -> j.print(out));
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
    err.flush();
    return gatesPassed ? Verdict.PASSED : Verdict.FAILED;
  }

  /** A fresh tally per run when {@code --judge} was given; the judge's key is read from the env. */
  private Optional<JudgeTally> judge(Config config) {
    return judge.map(
        j -> {
          LlmSettings llm = LlmSettings.from(config, System.getenv());
          return new JudgeTally(
              new AnswerJudge(
                  llm.at(j.baseUrl().orElse(llm.baseUrl()), j.model().orElse(llm.model()))));
        });
  }

  private Optional<Path> reportDir() {
    return Optional.ofNullable(reportDir);
  }

  private List<Suite> loadSuites(List<Threshold> cliThresholds) {
    List<Suite> suites = new ArrayList<>();
    List<Path> files = suiteFiles.isEmpty() ? List.of(ShippedSuite.path()) : suiteFiles;
    for (Path file : files) {
      suites.add(SuiteReader.validate(file));
    }
    checkSuiteNames(suites);
    for (Suite s : suites) {
      for (Threshold t : cliThresholds) {
        if (!t.key().tag().isEmpty() && !s.tags().contains(t.key().tag())) {
          throw new UsageException(
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
        throw new UsageException(
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
        keysWithThresholds(ours, List.of(ours), thresholds));
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
          keysWithThresholds(runs.get(0), runs, thresholds));
      out.println();
    }
  }

  /** The table's metrics plus each gated one (often tag-scoped) so a sweep shows what it guards. */
  private static List<MetricKey> keysWithThresholds(
      RunResult run, List<RunResult> runs, List<Threshold> thresholds) {
    List<MetricKey> keys = new ArrayList<>(run.columns());
    for (RunResult other : runs) {
      for (MetricKey k : other.columns()) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
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
        throw new UsageException("--threshold " + e.getKey() + ": expected METRIC=BOUND");
      }
      try {
        MetricKey key = MetricKey.parse(e.getKey());
        out.add(Threshold.of(key, Double.parseDouble(text.strip()), "--threshold"));
      } catch (NumberFormatException ex) {
        throw new UsageException("--threshold " + e.getKey() + ": '" + text + "' is not a number");
      } catch (IllegalArgumentException ex) {
        throw new UsageException("--threshold: " + ex.getMessage());
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
        throw new UsageException(
            "two suites are named '" + s.name() + "'; give each a distinct name");
      }
    }
  }

  private static String safe(String label) {
    return label.replaceAll("[^A-Za-z0-9._=-]", "_");
  }
}
