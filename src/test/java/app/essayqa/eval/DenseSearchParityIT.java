package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.EssayQa;
import app.essayqa.answer.Evidence;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HNSW search of the passage index ranks the shipped suites' questions as the scan of every
 * vector does: the approximate search only chooses which passages are scored, and it must not miss
 * the ones that answer.
 */
class DenseSearchParityIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void should_give_the_suite_questions_the_top_three_passages_of_the_full_scan() {
    List<String> questions = new ArrayList<>();
    for (Path file :
        List.of(ShippedSuite.path(), ROOT.resolve("src/main/resources/eval/essay-heldout.yaml"))) {
      try (SuiteReader.CaseStream cases = SuiteReader.cases(SuiteReader.validate(file))) {
        cases.forEachRemaining(c -> questions.add(c.question()));
      }
    }
    Config config = Config.defaults(ROOT).with(ConfigKeys.CACHE_DIR, "target/test-cache", "test");
    List<List<String>> scanned =
        topThree(config.with(ConfigKeys.RETRIEVAL_KNN_FROM, "1000000000", "test"), questions);
    List<List<String>> searched =
        topThree(config.with(ConfigKeys.RETRIEVAL_KNN_FROM, "0", "test"), questions);

    int same = 0;
    for (int i = 0; i < questions.size(); i++) {
      same += scanned.get(i).equals(searched.get(i)) ? 1 : 0;
    }
    assertThat(questions).hasSizeGreaterThan(100);
    assertThat((double) same / questions.size())
        .as("share of questions whose top 3 passages match the scan's")
        .isGreaterThanOrEqualTo(0.95);
  }

  private static List<List<String>> topThree(Config config, List<String> questions) {
    List<List<String>> tops = new ArrayList<>();
    try (EssayQa qa = EssayQa.open(config)) {
      for (String question : questions) {
        tops.add(qa.ask(question).evidence().stream().limit(3).map(Evidence::locator).toList());
      }
    }
    return tops;
  }
}
