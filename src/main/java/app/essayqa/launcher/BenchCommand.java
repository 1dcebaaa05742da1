package app.essayqa.launcher;

import app.essayqa.Answerer;
import app.essayqa.cli.Bench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench}: measures speed and memory and prints the figures beside their targets. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures and prints: warm query latency (p50, p95) in this process; then, in child JVMs"
          + " started like the launcher starts this one: the jar's size, start to first answer"
          + " (cached index), time per question beyond start-up in a batch (ask --file), peak"
          + " resident memory (VmHWM) of a REPL fed the batch's questions; beside a previous"
          + " build's with --baseline-jar.",
      "Questions: the evaluation suite "
          + Bench.QUESTIONS
          + " shipped in the jar, else a few"
          + " generic ones. Figures only, never a failure: exit code 0 whatever they are.",
    })
final class BenchCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      defaultValue = "10",
      description = "Timed rounds over all questions (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "3",
      description = "Untimed rounds first, to warm up the JIT (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--starts",
      paramLabel = "N",
      defaultValue = "5",
      description = "Child JVM starts to take the median of (default: ${DEFAULT-VALUE}).")
  int starts;

  @Option(names = "--in-process-only", description = "Skip the child JVMs (start time and memory).")
  boolean inProcessOnly;

  @Option(
      names = "--baseline-jar",
      paramLabel = "JAR",
      description = {
        "A previous build's jar (e.g. /tmp/essay-qa-main.jar) to measure side by side in the"
            + " child JVMs, taking turns, with its own cache: the summary then gives both builds'"
            + " figures and this / baseline ratios."
      })
  Path baselineJar;

  @Option(
      names = "--baseline-flags",
      paramLabel = "FLAGS",
      description = {
        "JVM flags for the baseline's children in every mode, space-separated, e.g. the ones its"
            + " own launcher used (default: this build's flags, per mode as the launcher gives"
            + " them, so the ratios compare the jars alone)."
      })
  String baselineFlags;

  @Option(
      names = "--scaling",
      paramLabel = "DIR[:FLAGS]",
      split = ",",
      description = {
        "Print the scaling table instead: the seeds alone, then with each folder added as"
            + " seeds.extra (each in child JVMs with a cache of their own, emptied first): first"
            + " index, cached start to first answer, warm p50/p95, peak RSS. FLAGS are JVM flags"
            + " for that row's children, e.g. ../distractors/man500:-Xmx1g."
      })
  List<String> scaling = List.of();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Answerer.Opener opener;

  BenchCommand(Answerer.Opener opener) {
    this.opener = opener;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (rounds < 1 || warmup < 0 || starts < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--rounds and --starts must be at least 1, --warmup at least 0");
    }
    if (baselineJar != null && !Files.isRegularFile(baselineJar)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--baseline-jar: no such file: " + baselineJar);
    }
    List<String> theirFlags =
        baselineFlags == null
            ? null
            : Arrays.stream(baselineFlags.strip().split("\\s+")).filter(f -> !f.isEmpty()).toList();
    Bench bench =
        new Bench(
            opener,
            rounds,
            warmup,
            starts,
            inProcessOnly,
            configOptions.arguments(),
            baselineJar == null ? null : baselineJar.toAbsolutePath(),
            theirFlags);
    if (!scaling.isEmpty()) {
      List<Bench.ScalingRow> rows = new java.util.ArrayList<>();
      rows.add(new Bench.ScalingRow("", List.of()));
      scaling.forEach(spec -> rows.add(Bench.ScalingRow.parse(spec)));
      bench.scaling(configOptions.load(), rows, spec.commandLine().getOut());
      return ExitCode.OK.code();
    }
    bench.run(configOptions.load(), spec.commandLine().getOut());
    return ExitCode.OK.code();
  }
}
