package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
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

  private final Answerer.Opener opener;
  private final int rounds;
  private final int warmup;
  private final int starts;
  private final boolean inProcessOnly;
  private final List<String> configArgs;
  private final Path baselineJar;
  private final List<String> baselineFlags;

  /**
   * @param rounds timed rounds over all questions, at least 1
   * @param warmup untimed rounds first, at least 0
   * @param starts child JVM starts to take the median of, at least 1
   * @param inProcessOnly skip the child JVMs (start time and memory)
   * @param configArgs the command-line options that chose this run's configuration, passed on to
   *     the child JVMs so they run with the same one
   * @param baselineJar a previous build's jar to measure side by side in the child JVMs, or null
   * @param baselineFlags JVM flags for the baseline's children, or null for this build's own
   */
  public Bench(
      Answerer.Opener opener,
      int rounds,
      int warmup,
      int starts,
      boolean inProcessOnly,
      List<String> configArgs,
      Path baselineJar,
      List<String> baselineFlags) {
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
    this.baselineJar = baselineJar;
    this.baselineFlags = baselineFlags == null ? null : List.copyOf(baselineFlags);
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
    List<BenchBuild> builds = new ArrayList<>();
    Path benchCache = config.getPath(ConfigKeys.CACHE_DIR).resolve("bench");
    List<String> flags = ChildJvm.ownFlags();
    List<String> shortRun = ChildJvm.shortRunFlags();
    builds.add(build("this build", jar, flags, shortRun, benchCache.resolve("this"), config));
    if (baselineJar != null) {
      // Given flags are the baseline's whole set, in every mode; else it runs with this build's.
      Path cache = benchCache.resolve("baseline");
      builds.add(
          baselineFlags == null
              ? build("baseline", baselineJar, flags, shortRun, cache, config)
              : build("baseline", baselineJar, baselineFlags, List.of(), cache, config));
    }
    new BenchChildren(builds, starts, BenchQuestions.batch(), out).run();
  }

  private BenchBuild build(
      String label,
      Path jar,
      List<String> flags,
      List<String> shortRunFlags,
      Path cache,
      Config config) {
    return new BenchBuild(label, jar, flags, shortRunFlags, cache, configArgs, environment(config));
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

  /**
   * One row of the scaling table: the seeds folder plus {@code extra} (none for the seeds alone),
   * with JVM flags added for its child processes (e.g. a larger heap).
   */
  public record ScalingRow(String extra, List<String> jvmFlags) {
    public ScalingRow {
      jvmFlags = List.copyOf(jvmFlags);
    }

    /** {@code DIR} or {@code DIR:FLAG FLAG}; an empty DIR is the seeds alone. */
    public static ScalingRow parse(String spec) {
      int colon = spec.indexOf(':');
      String dir = colon < 0 ? spec : spec.substring(0, colon);
      List<String> flags =
          colon < 0
              ? List.of()
              : java.util.Arrays.stream(spec.substring(colon + 1).split("\\s+"))
                  .filter(f -> !f.isBlank())
                  .toList();
      return new ScalingRow(dir.strip(), flags);
    }
  }

  /**
   * The scaling table: for the seeds alone and with each extra folder, in child JVMs with a cache
   * of their own, the first index (cache emptied), a start with the complete cache to the first
   * answer, warm query p50/p95 (a child {@code bench --in-process-only}) and the peak RSS of the
   * first index and of a REPL fed the questions.
   */
  public void scaling(Config config, List<ScalingRow> rows, PrintWriter out)
      throws InterruptedException {
    Path jar = ChildJvm.jar(config.home());
    if (!Files.isRegularFile(jar)) {
      out.println("scaling: skipped, " + jar + " is missing (./essay-qa builds it)");
      return;
    }
    BenchQuestions questions = BenchQuestions.load();
    String question = questions.questions().get(0);
    List<String> table = new ArrayList<>();
    table.add(
        "| seeds | documents | text | first index | cached start to first answer | warm p50 |"
            + " warm p95 | peak RSS first index | peak RSS REPL |");
    table.add("|---|---|---|---|---|---|---|---|---|");
    for (int r = 0; r < rows.size(); r++) {
      ScalingRow row = rows.get(r);
      Path cache =
          config.getPath(ConfigKeys.CACHE_DIR).resolve("bench-scaling").resolve("row-" + r);
      List<String> args = new ArrayList<>(configArgs);
      args.add("--set=" + ConfigKeys.CACHE_DIR + "=" + cache);
      if (!row.extra().isEmpty()) {
        args.add(
            "--set="
                + ConfigKeys.SEEDS_EXTRA
                + "="
                + config.home().resolve(row.extra()).toAbsolutePath().normalize());
      }
      long[] size = seedsSize(config, row);
      out.printf(
          Locale.ROOT,
          "%nScaling row %d: %s (%d files, %.2f MB)%n",
          r + 1,
          row.extra().isEmpty() ? "the seeds alone" : "seeds + " + row.extra(),
          size[0],
          size[1] / 1e6);
      out.flush();
      deleteTree(cache.resolve("index"));
      List<String> jvm = new ArrayList<>(ChildJvm.command(jar));
      jvm.addAll(jvm.indexOf("-jar"), row.jvmFlags());
      ChildProcess.Run first =
          runOrReport(child(config, jvm, "ask", args, question), List.of(), out);
      if (first == null) {
        continue;
      }
      out.println(figure("first index", first.wallMs() / 1000, "s", Double.NaN));
      List<Double> cached = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        ChildProcess.Run run =
            runOrReport(child(config, jvm, "ask", args, question), List.of(), out);
        if (run != null) {
          cached.add(run.firstOutputMs());
        }
      }
      double start = cached.isEmpty() ? Double.NaN : Percentiles.median(cached);
      out.println(figure("cached start", start, "ms", Double.NaN));
      List<String> benchArgs = new ArrayList<>(args);
      benchArgs.addAll(List.of("--in-process-only", "--rounds=" + rounds, "--warmup=" + warmup));
      ChildProcess.Run warm =
          runOrReport(child(config, jvm, "bench", benchArgs, null), List.of(), out);
      double p50 = warm == null ? Double.NaN : parsedFigure(warm.stdout(), "p50");
      double p95 = warm == null ? Double.NaN : parsedFigure(warm.stdout(), "p95");
      out.println(figure("warm p50", p50, "ms", Double.NaN));
      out.println(figure("warm p95", p95, "ms", Double.NaN));
      List<String> input = new ArrayList<>(questions.questions());
      List<String> replCommand = ChildProcess.listOf(jvm, List.of("repl"));
      replCommand.addAll(args);
      ChildProcess.Run repl =
          runOrReport(new ChildProcess(replCommand, environment(config)), input, out);
      double replRss = repl == null ? Double.NaN : repl.peakRssKb() / 1024.0;
      out.println(figure("peak RSS REPL", replRss, "MB", Double.NaN));
      out.flush();
      table.add(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f MB | %.0f s | %.1f s | %.0f ms | %.0f ms | %.0f MB | %.0f MB |",
              row.extra().isEmpty() ? "essay alone" : "essay + " + row.extra(),
              size[0],
              size[1] / 1e6,
              first.wallMs() / 1000,
              start / 1000,
              p50,
              p95,
              first.peakRssKb() / 1024.0,
              replRss));
    }
    out.println();
    table.forEach(out::println);
    out.flush();
  }

  private ChildProcess child(
      Config config, List<String> jvm, String command, List<String> args, String question) {
    List<String> full = ChildProcess.listOf(jvm, List.of(command));
    full.addAll(args);
    if (question != null) {
      full.add("--");
      full.add(question);
    }
    return new ChildProcess(full, environment(config));
  }

  /** The value of a figure line such as {@code " p50 12.3 ms"}; NaN if absent. */
  static double parsedFigure(String output, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^\\s+" + name + "\\s+([0-9.]+) ").matcher(output);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  /** {files, bytes} of the row's .txt and .md files. */
  private static long[] seedsSize(Config config, ScalingRow row) {
    long[] size = new long[2];
    List<Path> folders = new ArrayList<>(List.of(config.getPath(ConfigKeys.SEEDS_DIR)));
    if (!row.extra().isEmpty()) {
      folders.add(config.home().resolve(row.extra()));
    }
    for (Path folder : folders) {
      try (java.util.stream.Stream<Path> files = Files.list(folder)) {
        files
            .filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
            .forEach(
                f -> {
                  size[0]++;
                  size[1] += f.toFile().length();
                });
      } catch (IOException e) {
        // An unreadable folder shows as fewer files; the child's own message says why.
      }
    }
    return size;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot empty " + dir, e);
    }
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
