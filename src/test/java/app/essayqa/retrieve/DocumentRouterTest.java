package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.index.Passage;
import app.essayqa.ingest.ParagraphKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentRouterTest {
  /** The essay's floor is low (few sentences), the manual's high (thousands); margin 0.05. */
  private static final OffTopicFloors FLOORS =
      new OffTopicFloors(Map.of("essay", 0.25, "manual", 0.45), 0.05);

  private static ScoredPassage sp(int id, String doc, double dense) {
    Passage p = new Passage(id, doc, "T", "S", ParagraphKind.BODY, 1, id + 1, 0, 1, "x", "x");
    return new ScoredPassage(p, dense, 0, 1.0 / (id + 1), List.of());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // the manual's sentences share a word and rank first, but only the essay stands out
        Arguments.of(
            List.of(sp(1, "manual", 0.42), sp(2, "manual", 0.40), sp(3, "essay", 0.35)),
            List.of(3, 1, 2)),
        // both stand out: order kept
        Arguments.of(List.of(sp(1, "manual", 0.6), sp(2, "essay", 0.5)), List.of(1, 2)),
        // nothing stands out: order kept (abstention refuses)
        Arguments.of(List.of(sp(1, "manual", 0.45), sp(2, "essay", 0.28)), List.of(1, 2)),
        // a document's best passage decides for all its passages
        Arguments.of(
            List.of(sp(1, "manual", 0.3), sp(2, "essay", 0.2), sp(3, "essay", 0.4)),
            List.of(2, 3, 1)),
        Arguments.of(List.of(), List.of()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void should_put_the_documents_the_question_is_about_first(
      List<ScoredPassage> ranked, List<Integer> expected) {
    assertThat(DocumentRouter.route(ranked, FLOORS))
        .extracting(s -> s.passage().id())
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void should_leave_the_order_alone_without_calibration(
      List<ScoredPassage> ranked, List<Integer> ignored) {
    assertThat(DocumentRouter.route(ranked, OffTopicFloors.NONE)).isEqualTo(ranked);
  }
}
