package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench}: measures speed and memory and prints the figures beside their targets. It never
 * fails on a slow figure: timings depend on the machine, so they are reported, not asserted.
 */
public final class Bench {
  /** Where the questions come from, for the command's help. */
  public static final String QUESTIONS = BenchQuestions.SUITE;

  static final double TARGET_P50_MS = 15;
  static final double TARGET_P95_MS = 30;
  static final double TARGET_START_MS = 3000;
  static final double TARGET_RSS_MB = 400;

  private final Answerer.Opener opener;
  private final int rounds;
  private final int warmup;
  private final int starts;
  private final boolean inProcessOnly;
  private final List<String> configArgs;

  /**
   * @param rounds timed rounds over all questions, at least 1
   * @param warmup untimed rounds first, at least 0
   * @param starts child JVM starts to take the median of, at least 1
   * @param inProcessOnly skip the child JVMs (start time and memory)
   * @param configArgs the command-line options that chose this run's configuration, passed on to
   *     the child JVMs so they run with the same one
   */
  public Bench(
      Answerer.Opener opener,
      int rounds,
      int warmup,
      int starts,
      boolean inProcessOnly,
      List<String> configArgs) {
    if (rounds < 1 || warmup < 0 || starts < 1) {
      throw new IllegalArgumentException(
          "rounds and starts must be at least 1, warmup at least 0: "
              + rounds
              + ", "
              + starts
              + ", "
              + warmup);
    }
    this.opener = opener;
    this.rounds = rounds;
    this.warmup = warmup;
    this.starts = starts;
    this.inProcessOnly = inProcessOnly;
    this.configArgs = List.copyOf(configArgs);
  }

  /** Measures and prints; returns when every figure is printed (or skipped, saying why). */
  public void run(Config config, PrintWriter out) throws InterruptedException {
    BenchQuestions questions = BenchQuestions.load();
    out.printf(
        Locale.ROOT,
        "Essay QA bench: %d questions from %s; %d cores; Java %s%n",
        questions.questions().size(),
        questions.origin(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    out.println(
        "JVM flags: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    out.flush();

    warmQueries(config, questions.questions(), out);
    if (inProcessOnly) {
      return;
    }
    Path jar = ChildJvm.jar(config.home());
    if (!Files.isRegularFile(jar)) {
      out.println(
          "second start and memory: skipped, " + jar + " is missing (./essay-qa builds it)");
      return;
    }
    secondStart(config, jar, questions.questions().get(0), out);
    replMemory(config, jar, questions.questions(), out);
  }

  /** In this JVM: open once (which also fills the index cache), warm up, then time each ask. */
  private void warmQueries(Config config, List<String> questions, PrintWriter out) {
    List<Double> millis = new ArrayList<>();
    List<Double> answeredMillis = new ArrayList<>();
    int abstained = 0;
    long cpuAtStart = 0;
    try (Answerer source = opener.open(config)) {
      for (int round = 0; round < warmup + rounds; round++) {
        if (round == warmup) {
          cpuAtStart = processCpuNanos();
        }
        for (String question : questions) {
          long started = System.nanoTime();
          Answer answer = source.ask(question);
          // End to end as a user gets it: rendering included.
          int rendered = AnswerJson.line(answer).length();
          double elapsed = (System.nanoTime() - started) / 1e6;
          if (round >= warmup && rendered > 0) {
            millis.add(elapsed);
            abstained += answer.abstained() ? 1 : 0;
            if (!answer.abstained()) {
              answeredMillis.add(elapsed);
            }
          }
        }
      }
    }
    long cpu = processCpuNanos() - cpuAtStart;
    out.printf(
        Locale.ROOT,
        "%nWarm query, end to end in one process (%d queries: %d rounds after %d warm-up; %d"
            + " abstained)%n",
        millis.size(),
        rounds,
        warmup,
        abstained);
    out.println(figure("p50", Percentiles.of(millis, 50), "ms", TARGET_P50_MS));
    out.println(figure("p95", Percentiles.of(millis, 95), "ms", TARGET_P95_MS));
    out.println(figure("max", Percentiles.of(millis, 100), "ms", Double.NaN));
    if (!answeredMillis.isEmpty()) {
      // Some refusals stop before retrieval; the answered questions alone show the full path.
      out.println(figure("answered p50", Percentiles.of(answeredMillis, 50), "ms", Double.NaN));
      out.println(figure("answered p95", Percentiles.of(answeredMillis, 95), "ms", Double.NaN));
    }
    if (cpuAtStart >= 0 && cpu > 0) {
      // Wall times rise when other processes share the cores; CPU time per query does not.
      out.println(
          figure("CPU per query", cpu / 1e6 / millis.size(), "ms", Double.NaN)
              + "   (mean, all threads of this process)");
    }
    out.flush();
  }

  /** Child JVMs running {@code ask}, started as the launcher starts them; the index is cached. */
  private void secondStart(Config config, Path jar, String question, PrintWriter out)
      throws InterruptedException {
    List<String> command = ChildProcess.listOf(ChildJvm.command(jar), List.of("ask"));
    command.addAll(configArgs);
    command.add("--");
    command.add(question);
    ChildProcess child = new ChildProcess(command, environment(config));
    out.printf(
        Locale.ROOT,
        "%nSecond start to first answer, wall time incl. JVM (median of %d; one untimed start"
            + " first)%n",
        starts);
    if (command.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"))) {
      out.println(
          "  note: no up-to-date class-data archive, so these starts run without it; the first"
              + " ./essay-qa ask or repl after a build records one");
    }
    out.println("  command: " + ChildJvm.shellQuoted(command));
    out.flush();
    List<Double> firstAnswer = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    for (int i = 0; i <= starts; i++) {
      ChildProcess.Run run = runOrReport(child, List.of(), out);
      if (run == null) {
        return;
      }
      if (i > 0) { // the first start may still write the index cache or the class archive
        firstAnswer.add(run.firstOutputMs());
        wall.add(run.wallMs());
      }
    }
    out.println(figure("first answer", Percentiles.median(firstAnswer), "ms", TARGET_START_MS));
    out.println(figure("process exit", Percentiles.median(wall), "ms", Double.NaN));
    out.printf(Locale.ROOT, "  runs (first answer, ms): %s%n", rounded(firstAnswer));
    out.flush();
  }

  /** A child REPL fed every question on standard input; its memory high-water mark. */
  private void replMemory(Config config, Path jar, List<String> questions, PrintWriter out)
      throws InterruptedException {
    List<String> command = ChildProcess.listOf(ChildJvm.command(jar), List.of("repl"));
    command.addAll(configArgs);
    List<String> input = new ArrayList<>(questions);
    input.add(":sources");
    input.add(":debug");
    out.printf(
        Locale.ROOT,
        "%nPeak RSS of the REPL (%d questions piped in; VmHWM from /proc)%n",
        questions.size());
    out.println("  command: " + ChildJvm.shellQuoted(command));
    out.flush();
    ChildProcess.Run run = runOrReport(new ChildProcess(command, environment(config)), input, out);
    if (run == null) {
      return;
    }
    if (run.peakRssKb() < 0) {
      out.println("  not measured: /proc/<pid>/status is not readable on this system");
    } else {
      out.println(figure("peak RSS", run.peakRssKb() / 1024.0, "MB", TARGET_RSS_MB));
    }
    out.flush();
  }

  private ChildProcess.Run runOrReport(ChildProcess child, List<String> input, PrintWriter out)
      throws InterruptedException {
    try {
      ChildProcess.Run run = child.run(input);
      if (run.exitCode() != 0) {
        out.println(
            "  the child process failed (exit "
                + run.exitCode()
                + "): "
                + Text.abbreviate(run.stderr(), 400));
        return null;
      }
      return run;
    } catch (IOException e) {
      out.println("  could not start the child process: " + e.getMessage());
      return null;
    }
  }

  /** CPU time of this whole process (ONNX Runtime's threads too), or -1 when unknown. */
  // The JDK has no portable API for a process's CPU time; the instanceof check keeps a JVM
  // without com.sun.management working, printing no CPU figure.
  @SuppressForbidden
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** One figure with its target: within target, or how far over. */
  static String figure(String name, double value, String unit, double target) {
    String shown = String.format(Locale.ROOT, "  %-13s %8.1f %s", name, value, unit);
    if (Double.isNaN(target)) {
      return shown;
    }
    String verdict = value <= target ? "within target" : "OVER target";
    return shown + String.format(Locale.ROOT, "   (target <= %.0f %s: %s)", target, unit, verdict);
  }

  private static String rounded(List<Double> values) {
    return String.join(
        ", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
  }

  private static Map<String, String> environment(Config config) {
    return Map.of("ESSAYQA_HOME", config.home().toString());
  }
}
