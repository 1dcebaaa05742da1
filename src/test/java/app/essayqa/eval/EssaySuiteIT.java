package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The shipped suite under {@code mvn verify}, through the same runner as {@code eval}: one dynamic
 * test per case, where a miss is reported with its reason but aborts instead of failing (one miss
 * is a figure, not a broken build), and one test per threshold, which fails the build below it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EssaySuiteIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  private Suite suite;
  private RunResult run;
  private final List<CaseResult> results = new ArrayList<>();

  @BeforeAll
  void run_the_shipped_suite() {
    suite = SuiteReader.validate(ShippedSuite.path());
    Config config = Config.defaults(ROOT).with(ConfigKeys.CACHE_DIR, "target/test-cache", "test");
    int k = 3;
    try (EssayQa source = EssayQa.open(config)) {
      SuiteRunner runner = new SuiteRunner(k, new int[] {1, k}, 0, Progress.off());
      run = runner.run(suite, "essay-qa", source, results::add);
    }
    // The build log gets the same table as the command, so a figure below its gate is explained.
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    ConsoleReport.figures(out, run);
    ConsoleReport.gates(out, run.gates(suite.thresholds()));
  }

  @TestFactory
  Stream<DynamicTest> cases() {
    return results.stream()
        .map(
            r ->
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
                    }));
  }

  @TestFactory
  Stream<DynamicTest> thresholds() {
    return run.gates(suite.thresholds()).stream()
        .map(
            g ->
                dynamicTest(
                    g.threshold().key().name()
                        + " "
                        + g.threshold().relation()
                        + " "
                        + g.threshold().bound(),
                    () ->
                        assertThat(g.passed())
                            .as(
                                "%s is %s, needs %s %s",
                                g.threshold().key().name(),
                                ConsoleReport.format(g.threshold().key(), g.value()),
                                g.threshold().relation(),
                                g.threshold().bound())
                            .isTrue()));
  }
}
