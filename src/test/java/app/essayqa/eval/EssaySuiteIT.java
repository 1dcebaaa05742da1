package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import app.essayqa.EssayQa;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The gated suites under {@code mvn verify}, through the same runner as {@code eval}: the tuning
 * suite, the held-out suite over the same essay (written blind, never tuned on), a suite over
 * another document (the GPL-3 text) with its own seeds, and two suites written blind for this
 * issue's check (the essay, the Apache License 2.0), on which nothing was fitted. One dynamic test
 * per case, where a miss is reported with its reason but aborts instead of failing (one miss is a
 * figure, not a broken build), and one test per threshold, which fails the build below it.
 */
class EssaySuiteIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  private record Gated(String name, Path suite, Path seeds) {}

  private static List<Gated> suites() {
    return List.of(
        new Gated("tuning", ShippedSuite.path(), ROOT.resolve("seeds")),
        new Gated(
            "held-out",
            ROOT.resolve("src/main/resources/eval/essay-heldout.yaml"),
            ROOT.resolve("seeds")),
        new Gated(
            "other document",
            ROOT.resolve("src/test/resources/eval/gpl3/gpl3.yaml"),
            ROOT.resolve("src/test/resources/eval/gpl3/seeds")),
        new Gated(
            "blind",
            ROOT.resolve("src/test/resources/eval/essay-blind.yaml"),
            ROOT.resolve("seeds")),
        new Gated(
            "blind, other document",
            ROOT.resolve("src/test/resources/eval/apache2/apache2.yaml"),
            ROOT.resolve("src/test/resources/eval/apache2/seeds")));
  }

  @TestFactory
  Stream<DynamicContainer> gated_suites() {
    return suites().stream().map(EssaySuiteIT::run);
  }

  private static DynamicContainer run(Gated gated) {
    Suite suite = SuiteReader.validate(gated.suite());
    Config config =
        Config.defaults(ROOT)
            .with(ConfigKeys.CACHE_DIR, "target/test-cache", "test")
            .with(ConfigKeys.SEEDS_DIR, gated.seeds().toString(), "test");
    int k = 3;
    List<CaseResult> results = new ArrayList<>();
    RunResult run;
    try (EssayQa source = EssayQa.open(config)) {
      SuiteRunner runner = new SuiteRunner(k, new int[] {1, k}, 0, Progress.off());
      run = runner.run(suite, "essay-qa", source, results::add);
    }
    // The build log gets the same table as the command, so a figure below its gate is explained.
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    ConsoleReport.figures(out, run);
    ConsoleReport.gates(out, run.gates(suite.thresholds()));
    List<DynamicNode> nodes = new ArrayList<>();
    results.forEach(
        r ->
            nodes.add(
                dynamicTest(
                    r.expected().id() + ": " + r.expected().question(),
                    () -> {
                      if (!r.passed()) {
                        throw new TestAbortedException(
                            String.join("; ", r.reasons())
                                + " | expected "
                                + r.expectation()
                                + " | got "
                                + (r.abstained() ? "(refused) " : "")
                                + ConsoleReport.oneLine(r.answer()));
                      }
                    })));
    run.gates(suite.thresholds())
        .forEach(
            g ->
                nodes.add(
                    dynamicTest(
                        g.threshold().key().name()
                            + " "
                            + g.threshold().relation()
                            + " "
                            + g.threshold().bound(),
                        () ->
                            assertThat(g.passed())
                                .as(
                                    "%s: %s is %s, needs %s %s",
                                    gated.name(),
                                    g.threshold().key().name(),
                                    ConsoleReport.format(g.threshold().key(), g.value()),
                                    g.threshold().relation(),
                                    g.threshold().bound())
                                .isTrue())));
    assertThat(suite.thresholds()).as("%s suite has gates", gated.name()).isNotEmpty();
    return dynamicContainer(gated.name() + " (" + suite.name() + ")", nodes);
  }
}
