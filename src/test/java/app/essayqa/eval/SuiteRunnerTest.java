package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.ingest.Library;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {
  @TempDir Path dir;

  /** Refuses everything, except that it throws on questions containing "crash". */
  private static final class RefusingSource implements Answerer {
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public Answer ask(String question, Conversation conversation) {
      asked.incrementAndGet();
      if (question.contains("crash")) {
        throw new IllegalStateException("crashed on " + question);
      }
      return Fixtures.refusal();
    }

    @Override
    public Library library() {
      return new Library(List.of(), List.of());
    }

    @Override
    public String indexVersion() {
      return "test";
    }

    @Override
    public void close() {}
  }

  @Test
  void should_stream_ten_thousand_cases_keeping_only_the_capped_failures() throws IOException {
    Path file = dir.resolve("big.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("name: big\ncases:\n");
      for (int i = 0; i < 10_000; i++) {
        w.write("  - id: c" + i + "\n    question: Question " + i + "?\n");
        w.write(i % 2 == 0 ? "    abstain: true\n    tags: [far-off]\n" : "    evidence: [x]\n");
      }
    }
    Suite suite = SuiteReader.validate(file);
    RefusingSource source = new RefusingSource();
    AtomicInteger seen = new AtomicInteger();

    RunResult run =
        new SuiteRunner(3, new int[] {1, 3}, 20, Progress.off())
            .run(suite, "refuser", source, r -> seen.incrementAndGet());

    assertThat(seen).hasValue(10_000);
    assertThat(run.overall().cases()).isEqualTo(10_000);
    assertThat(run.failedCount()).isEqualTo(5_000);
    assertThat(run.failures()).hasSize(20);
    assertThat(run.value(MetricKey.parse("abstention_recall[far-off]"))).isEqualTo(1.0);
    assertThat(run.value(MetricKey.parse("answered"))).isZero();
  }

  @Test
  void should_report_a_crash_as_a_failed_case_and_go_on() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        "cases:\n  - {id: a, question: please crash, abstain: true}\n  - {id: b, question: fine, abstain: true}\n");
    Suite suite = SuiteReader.validate(file);

    RunResult run =
        new SuiteRunner(3, new int[] {1, 3}, 20, Progress.off())
            .run(suite, "refuser", new RefusingSource(), r -> {});

    assertThat(run.overall().cases()).isEqualTo(2);
    assertThat(run.failures())
        .singleElement()
        .satisfies(r -> assertThat(r.reasons().get(0)).contains("crashed on please crash"));
  }

  @Test
  void should_draw_progress_only_when_enabled() {
    StringWriter on = new StringWriter();
    StringWriter off = new StringWriter();
    Progress shown = new Progress(new PrintWriter(on), true);
    Progress hidden = new Progress(new PrintWriter(off), false);

    for (int i = 1; i <= 4; i++) {
      shown.update("s", i, 4);
      hidden.update("s", i, 4);
    }
    shown.finish();

    assertThat(on.toString()).contains("\rs [").contains("] 4/4");
    assertThat(off.toString()).isEmpty();
  }
}
