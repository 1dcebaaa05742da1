package app.essayqa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's child JVMs for one or two builds (this one, and a baseline jar when given): one
 * question from the command line, a batch of questions in one {@code ask --file} process, and a
 * REPL fed the same questions. The builds take turns run by run, so a change in the machine's load
 * between runs falls on both alike.
 */
final class BenchChildren {
  /** Batches per build: each takes seconds, and their spread is small beside one start's. */
  static final int BATCHES = 3;

  /** Where the Telegram figure comes from: the fake Bot API lives in the tests. */
  static final String TELEGRAM_COMMAND =
      "mvn -q -B verify -Pload -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dit.test=TelegramLoadIT | grep 'TELEGRAM FIGURES'";

  private final List<BenchBuild> builds;
  private final int starts;
  private final BenchQuestions batch;
  private final PrintWriter out;

  BenchChildren(List<BenchBuild> builds, int starts, BenchQuestions batch, PrintWriter out) {
    this.builds = List.copyOf(builds);
    this.starts = starts;
    this.batch = batch;
    this.out = out;
  }

  /** Measures, prints each build's runs, then the summary table. */
  void run() throws InterruptedException {
    List<String> questions = batch.questions();
    String question = questions.get(0);
    out.printf(
        Locale.ROOT,
        "%nChild JVMs, taking turns: %d starts of one ask (median), %d batches of %d questions"
            + " from %s (ask --json --file -, median), one REPL fed them (VmHWM from /proc). Each"
            + " build has its own cache under <cache.dir>/bench; its first start, untimed, fills it"
            + " and records a class-data archive.%n",
        starts,
        BATCHES,
        questions.size(),
        batch.origin());
    Map<BenchBuild, Measured> measured = new LinkedHashMap<>();
    for (BenchBuild build : builds) {
      out.printf(Locale.ROOT, "  %s: %s%n", build.label(), build.jar());
      out.flush();
      try {
        ChildProcess.Run first = build.prepare(question);
        // After the first start, so the commands show the archive it recorded.
        out.println("    ask:  " + ChildJvm.shellQuoted(build.command("ask")));
        out.println("    repl: " + ChildJvm.shellQuoted(build.command("repl")));
        if (first.exitCode() == 0) {
          measured.put(build, new Measured());
        } else {
          failed(build, first);
        }
      } catch (IOException e) {
        out.println("  " + build.label() + ": could not start: " + e.getMessage());
      }
    }
    for (int i = 0; i < starts; i++) {
      for (Map.Entry<BenchBuild, Measured> e : measured.entrySet()) {
        ChildProcess.Run run = run(e.getKey(), e.getKey().askOne(question), List.of());
        if (run != null) {
          e.getValue().firstAnswer.add(run.firstOutputMs());
          e.getValue().askWall.add(run.wallMs());
        }
      }
    }
    for (int i = 0; i < BATCHES; i++) {
      for (Map.Entry<BenchBuild, Measured> e : measured.entrySet()) {
        ChildProcess.Run run = run(e.getKey(), e.getKey().batch(), questions);
        if (run != null) {
          e.getValue().batchWall.add(run.wallMs());
        }
      }
    }
    List<String> replInput = new ArrayList<>(questions);
    replInput.add(":sources");
    for (Map.Entry<BenchBuild, Measured> e : measured.entrySet()) {
      ChildProcess.Run run = run(e.getKey(), e.getKey().repl(), replInput);
      if (run != null && run.peakRssKb() > 0) {
        e.getValue().replPeakMb = run.peakRssKb() / 1024.0;
      }
    }
    List<BuildFigures> figures = new ArrayList<>();
    for (BenchBuild build : builds) {
      Measured m = measured.getOrDefault(build, new Measured());
      BuildFigures f = m.figures(build, questions.size());
      figures.add(f);
      out.printf(
          Locale.ROOT,
          "%n  %s: first answer runs (ms) %s; one ask, wall (ms) %s; batch of %d, wall (ms) %s%n",
          build.label(),
          rounded(m.firstAnswer),
          rounded(m.askWall),
          questions.size(),
          rounded(m.batchWall));
    }
    out.println();
    BuildFigures.table(figures.get(0), figures.size() > 1 ? figures.get(1) : null)
        .forEach(out::println);
    out.println();
    out.println(
        "Telegram bot's RSS after 1,000 updates: not measured here (it needs the tests' fake Bot"
            + " API); run "
            + TELEGRAM_COMMAND);
    out.flush();
  }

  private ChildProcess.Run run(BenchBuild build, ChildProcess child, List<String> input)
      throws InterruptedException {
    try {
      ChildProcess.Run run = child.run(input);
      if (run.exitCode() == 0) {
        return run;
      }
      failed(build, run);
    } catch (IOException e) {
      out.println("  " + build.label() + ": could not start: " + e.getMessage());
    }
    return null;
  }

  private void failed(BenchBuild build, ChildProcess.Run run) {
    out.println(
        "  "
            + build.label()
            + ": the child process failed (exit "
            + run.exitCode()
            + "): "
            + Text.abbreviate(run.stderr(), 400));
    out.flush();
  }

  private static String rounded(List<Double> values) {
    return values.isEmpty()
        ? "none"
        : String.join(
            ", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
  }

  /** The runs of one build. */
  private static final class Measured {
    final List<Double> firstAnswer = new ArrayList<>();
    final List<Double> askWall = new ArrayList<>();
    final List<Double> batchWall = new ArrayList<>();
    double replPeakMb = Double.NaN;

    BuildFigures figures(BenchBuild build, int batchSize) {
      return new BuildFigures(
          build.label(),
          build.jarBytes() < 0 ? Double.NaN : build.jarBytes() / 1e6,
          median(firstAnswer),
          perQuestionBeyondStart(median(batchWall), median(askWall), batchSize),
          replPeakMb);
    }
  }

  /** (batch wall - one ask's wall) / (questions - 1): the batch's first question is the start. */
  static double perQuestionBeyondStart(double batchMs, double oneAskMs, int questions) {
    if (questions < 2) {
      return Double.NaN;
    }
    return (batchMs - oneAskMs) / (questions - 1);
  }

  private static double median(List<Double> values) {
    return values.isEmpty() ? Double.NaN : Percentiles.median(values);
  }
}
