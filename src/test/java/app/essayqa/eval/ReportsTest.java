package app.essayqa.eval;

import static app.essayqa.eval.Fixtures.abstaining;
import static app.essayqa.eval.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportsTest {
  private static final String KOGA = "Dr Kei Koga floated a partnership with India.";
  private static final String NASTY = "<script>alert('x')</script> & \"quotes\" \u0007bell";

  @TempDir Path dir;
  private RunResult run;
  private List<RunResult.GateResult> gates;
  private CaseSpill spill;

  @BeforeEach
  void given_a_run_with_a_pass_a_miss_and_hostile_text() {
    Suite suite =
        new Suite(
            dir.resolve("s.yaml"),
            "demo <suite>",
            List.of(),
            2,
            java.util.Set.of("far-off", "x&y"));
    run = new RunResult(suite, "essay-qa", "v1", 3, new int[] {1, 3}, 10);
    spill = new CaseSpill(dir, suite.fileStem());
    CaseScorer scorer = Fixtures.scorer(3);
    EvalCase hostile =
        new EvalCase(
            "nasty-1",
            NASTY,
            List.of("Kei Koga"),
            List.of(List.of("India")),
            false,
            List.of("x&y"),
            3);
    Answer a = answer(KOGA + " " + NASTY, KOGA);
    for (CaseResult r :
        List.of(
            scorer.score(hostile, a, 5),
            scorer.score(abstaining("gdp", "far-off"), answer(KOGA + NASTY, KOGA), 7))) {
      run.add(r);
      spill.accept(r);
    }
    Threshold t = Threshold.of(MetricKey.parse("abstention_recall[far-off]"), 0.95, "s.yaml:3");
    gates = run.gates(List.of(t));
  }

  @Test
  void should_write_json_that_parses_back_with_figures_and_cases() throws IOException {
    Path json = dir.resolve("r.json");

    JsonReport.write(json, run, Optional.of(run), gates, Map.of("retrieval.top-k", "3"), spill);

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.path("suite").asText()).isEqualTo("demo <suite>");
    assertThat(root.path("metrics").path("hit@3").asDouble()).isEqualTo(1.0);
    assertThat(root.path("metrics").path("answered").asDouble()).isEqualTo(1.0);
    assertThat(root.path("tags").path("far-off").path("abstention_recall").asDouble())
        .isEqualTo(0.0);
    assertThat(root.path("tags").path("far-off").path("hit@3").isNull())
        .as("undefined is null")
        .isTrue();
    assertThat(root.path("thresholds").get(0).path("passed").asBoolean()).isFalse();
    assertThat(root.path("baseline").path("metrics").path("hit@1").asDouble()).isEqualTo(1.0);
    assertThat(root.path("cases")).hasSize(2);
    assertThat(root.path("cases").get(0).path("question").asText()).isEqualTo(NASTY);
    assertThat(root.path("cases").get(1).path("passed").asBoolean()).isFalse();
  }

  @Test
  void should_write_well_formed_junit_xml_with_one_testcase_per_case_and_gate() throws Exception {
    Path xml = dir.resolve("r.junit.xml");

    JunitXmlReport.write(xml, run, gates, spill);

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuite");
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("3");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).contains("<script>");
  }

  @Test
  void should_write_self_contained_html_with_everything_escaped() throws IOException {
    Path html = dir.resolve("r.html");

    HtmlReport.write(html, run, Optional.empty(), gates, spill);

    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).doesNotContain("<script").doesNotContain("\u0007").doesNotContain("<suite>");
    assertThat(page)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    assertThat(page).contains("<svg").contains("x&amp;y").contains("<details");
    assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http");
    assertThat(page.split("<details", -1)).hasSize(3);
  }

  @Test
  void should_escape_html_special_characters() {
    assertThat(Html.escape("a<b>&\"'\u0001\n")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;\uFFFD\n");
  }

  @Test
  void should_print_tables_failures_and_gates_on_the_console() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);

    ConsoleReport.figures(out, run);
    boolean passed = ConsoleReport.gates(out, gates);
    ConsoleReport.failures(out, run);
    out.flush();

    assertThat(passed).isFalse();
    assertThat(text.toString())
        .contains("2 cases, 1 passed, 1 failed")
        .contains("abstention_recall[far-off]")
        .contains("FAILED")
        .contains("- gdp: question gdp?")
        .contains("expected: a refusal")
        .contains("why:      answered a question the essay cannot answer");
  }

  @Test
  void should_compare_with_an_earlier_report() throws IOException {
    Path json = dir.resolve("before.json");
    JsonReport.write(json, run, Optional.empty(), gates, Map.of(), spill);
    Comparison comparison = Comparison.load(json);
    // Now the hostile case fails (refused) and the abstain case passes.
    RunResult now = new RunResult(run.suite(), "essay-qa", "v2", 3, new int[] {1, 3}, 10);
    CaseScorer scorer = Fixtures.scorer(3);
    EvalCase hostile =
        new EvalCase(
            "nasty-1",
            NASTY,
            List.of("Kei Koga"),
            List.of(List.of("India")),
            false,
            List.of("x&y"),
            3);
    for (CaseResult r :
        List.of(
            scorer.score(hostile, Fixtures.refusal(), 5),
            scorer.score(abstaining("gdp", "far-off"), Fixtures.refusal(), 7))) {
      now.add(r);
      comparison.accept(r);
    }
    StringWriter text = new StringWriter();

    comparison.print(new PrintWriter(text, true), now);

    assertThat(comparison.suite()).isEqualTo("demo <suite>");
    assertThat(comparison.nowFailing()).containsExactly("nasty-1");
    assertThat(comparison.nowPassing()).containsExactly("gdp");
    assertThat(text.toString()).containsPattern("hit@3\\s+1\\.000\\s+0\\.000\\s+-1\\.000");
  }

  @Test
  void should_reject_a_file_that_is_not_a_report() throws IOException {
    Path notReport = dir.resolve("x.json");
    Files.writeString(notReport, "[1, 2]");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Comparison.load(notReport))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("not an eval report");
  }
}
