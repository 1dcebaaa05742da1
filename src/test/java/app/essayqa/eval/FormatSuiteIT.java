package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import app.essayqa.EssayQa;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.EssayPrints;
import app.essayqa.ingest.FormatFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tuning suite over the essay as PDF, Word, HTML and Markdown (issue 18): each within {@link
 * #HIT3_TOLERANCE} of the plain text on hit@3, every PDF citation on the page it is printed on, and
 * no quote holding text from outside the article (scripts, navigation, footers, running headers).
 * One run per format, the text's run first as the reference.
 */
class FormatSuiteIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final double HIT3_TOLERANCE = 0.02;
  private static final Pattern PAGE = Pattern.compile("^p\\. (\\d+), ");

  private record Run(String format, double hit3, List<CaseResult> results, Document document) {}

  @TestFactory
  Stream<DynamicTest> every_format_answers_the_suite_as_the_text_does() throws IOException {
    Suite suite = SuiteReader.validate(ShippedSuite.path());
    Path folders = ROOT.resolve("target/format-suite");
    EssayPrints.PdfPrint print = null;
    List<Run> runs = new ArrayList<>();
    for (String format : List.of("txt", "pdf", "docx", "html", "md")) {
      Path seeds = folders.resolve(format);
      EssayPrints.PdfPrint written = FormatFixtures.write(format, seeds);
      if (written != null) {
        print = written;
      }
      runs.add(run(format, suite, seeds));
    }
    double reference = runs.get(0).hit3();
    List<DynamicTest> tests = new ArrayList<>();
    EssayPrints.PdfPrint pdf = print;
    for (Run run : runs.subList(1, runs.size())) {
      tests.add(
          dynamicTest(
              run.format() + ": hit@3 within " + HIT3_TOLERANCE + " of the text",
              () ->
                  assertThat(run.hit3())
                      .as("%s hit@3 %.3f, text %.3f", run.format(), run.hit3(), reference)
                      .isGreaterThanOrEqualTo(reference - HIT3_TOLERANCE)));
      tests.add(
          dynamicTest(
              run.format() + ": no quote from outside the article",
              () -> {
                for (CaseResult r : run.results()) {
                  for (QuoteResult q : r.quotes()) {
                    for (String junk : FormatFixtures.NOT_ARTICLE) {
                      assertThat(q.quote().toLowerCase(Locale.ROOT))
                          .as("%s quote for %s", run.format(), r.expected().id())
                          .doesNotContain(junk.toLowerCase(Locale.ROOT));
                    }
                  }
                }
              }));
    }
    Run pdfRun = runs.get(1);
    tests.add(
        dynamicTest(
            "pdf: every citation names the page its quote is printed on",
            () -> {
              int checked = 0;
              for (CaseResult r : pdfRun.results()) {
                for (QuoteResult q : r.quotes()) {
                  Matcher page = PAGE.matcher(q.locator());
                  assertThat(page.find()).as("locator %s has a page", q.locator()).isTrue();
                  assertThat(Integer.parseInt(page.group(1)))
                      .as("page of %s", q.quote())
                      .isEqualTo(pdf.pageOf(pdfRun.document().text(), q.start()));
                  checked++;
                }
              }
              assertThat(checked).isGreaterThan(50);
            }));
    return tests.stream();
  }

  private static Run run(String format, Suite suite, Path seeds) {
    Config config =
        Config.defaults(ROOT)
            .with(ConfigKeys.CACHE_DIR, "target/test-cache", "test")
            .with(ConfigKeys.SEEDS_DIR, seeds.toString(), "test");
    List<CaseResult> results = new ArrayList<>();
    try (EssayQa source = EssayQa.open(config)) {
      assertThat(source.library().warnings()).as("%s warnings", format).isEmpty();
      SuiteRunner runner = new SuiteRunner(3, new int[] {1, 3}, 0, Progress.off());
      RunResult result = runner.run(suite, "essay-qa", source, results::add);
      double hit3 = result.value(MetricKey.parse("hit@3"));
      System.out.printf(Locale.ROOT, "format %s: hit@3 %.3f%n", format, hit3);
      return new Run(format, hit3, results, source.library().documents().get(0));
    }
  }
}
