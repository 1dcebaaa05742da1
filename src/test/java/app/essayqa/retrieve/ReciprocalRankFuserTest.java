package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.index.Passage;
import app.essayqa.ingest.ParagraphKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReciprocalRankFuserTest {
  private static ScoredPassage sp(int id) {
    Passage p = new Passage(id, "d", "T", "S", ParagraphKind.BODY, 1, id + 1, 0, 1, "x", "x");
    return new ScoredPassage(p, 0, 0, 0, List.of());
  }

  private static List<ScoredPassage> ranks(int... ids) {
    return java.util.Arrays.stream(ids).mapToObj(ReciprocalRankFuserTest::sp).toList();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // both lists agree: same order
        Arguments.of(ranks(1, 2, 3), ranks(1, 2, 3), 1.0, 1.0, List.of(1, 2, 3)),
        // one list empty: the other's order
        Arguments.of(ranks(3, 1), ranks(), 1.0, 1.0, List.of(3, 1)),
        // a passage in both lists beats one ranked first in only one
        Arguments.of(ranks(1, 2), ranks(3, 2), 1.0, 1.0, List.of(2, 1, 3)),
        // weight 0 silences a list (unweighted, 5 would lead); ties fall back to passage id
        Arguments.of(ranks(5, 4), ranks(6), 0.0, 1.0, List.of(6, 4, 5)),
        // equal scores from mirrored lists: lower id first
        Arguments.of(ranks(2, 1), ranks(1, 2), 1.0, 1.0, List.of(1, 2)),
        // nothing at all
        Arguments.of(ranks(), ranks(), 1.0, 1.0, List.of()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void should_fuse_ranked_lists_by_weighted_reciprocal_rank(
      List<ScoredPassage> dense,
      List<ScoredPassage> bm25,
      double wd,
      double wb,
      List<Integer> expected) {
    List<ScoredPassage> fused =
        new ReciprocalRankFuser(60).fuse(List.of(dense, bm25), List.of(wd, wb));

    assertThat(fused).extracting(s -> s.passage().id()).containsExactlyElementsOf(expected);
  }

  @Test
  void should_score_one_over_k_plus_rank() {
    List<ScoredPassage> fused = new ReciprocalRankFuser(10).fuse(List.of(ranks(7)), List.of(2.0));

    assertThat(fused.get(0).fused()).isEqualTo(2.0 / 11);
  }

  @Test
  void should_reject_mismatched_weights_and_bad_k() {
    assertThatThrownBy(() -> new ReciprocalRankFuser(0)).hasMessageContaining("k must be >= 1");
    assertThatThrownBy(() -> new ReciprocalRankFuser(60).fuse(List.of(ranks(1)), List.of()))
        .hasMessageContaining("1 lists but 0 weights");
  }
}
