package app.essayqa.launcher;

import app.essayqa.Answerer;
import app.essayqa.eval.EvalOptions;
import app.essayqa.eval.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Parameters(
      arity = "0..*",
      paramLabel = "SUITE",
      description = "Suite files (default: " + Evaluation.SHIPPED_SUITE + ", shipped in the jar).")
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

  @Option(
      names = "--judge",
      description =
          "Also have a language model grade each answer against the case's answer_contains"
              + " (llm.* settings, key from ESSAYQA_LLM_API_KEY or OPENAI_API_KEY); reported"
              + " apart from the figures, never a gate.")
  boolean judge;

  @Option(
      names = "--judge-url",
      paramLabel = "URL",
      description =
          "The judge's OpenAI-compatible endpoint, if not llm.base-url (implies --judge).")
  String judgeUrl;

  @Option(
      names = "--judge-model",
      paramLabel = "NAME",
      description = "The judge's model, if not llm.model (implies --judge).")
  String judgeModel;

  private final Answerer.Opener opener;

  EvalCommand(Answerer.Opener opener) {
    this.opener = opener;
  }

  @Override
  public Integer call() {
    EvalOptions options =
        new EvalOptions(
            suiteFiles,
            k,
            Optional.ofNullable(reportDir),
            compareWith,
            thresholdOptions,
            Optional.ofNullable(sweep),
            baseline,
            maxFailures,
            judge || judgeUrl != null || judgeModel != null
                ? Optional.of(
                    new EvalOptions.Judge(
                        Optional.ofNullable(judgeUrl), Optional.ofNullable(judgeModel)))
                : Optional.empty());
    Evaluation.Verdict verdict =
        new Evaluation(opener, options)
            .run(configOptions::load, spec.commandLine().getOut(), spec.commandLine().getErr());
    return (verdict == Evaluation.Verdict.PASSED ? ExitCode.OK : ExitCode.GATE_FAILED).code();
  }
}
