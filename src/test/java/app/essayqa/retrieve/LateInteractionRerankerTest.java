package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.essayqa.index.Passage;
import app.essayqa.index.TokenVectors;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.question.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LateInteractionRerankerTest {
  private static final float[] X = {1, 0, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};
  private static final float[] XY = {0.6f, 0.8f, 0};

  private static final List<Passage> PASSAGES = List.of(passage(0), passage(1), passage(2));

  /** Passage 0 holds X and Z; passage 1 holds a token between X and Y; passage 2 has no tokens. */
  private static final TokenVectors TOKENS = TokenVectors.of(new float[][] {X, Z, XY});

  /** Token vectors are kept as bytes: a cosine is exact to about 1/127. */
  private static final double ROUNDING = 0.01;

  private static final int[] FIRST_TOKEN = {0, 2, 3, 3};

  private static Passage passage(int id) {
    return new Passage(id, "d", "T", "S", ParagraphKind.BODY, 1, id + 1, 0, 1, "s" + id, "c" + id);
  }

  private static Query query(float[]... tokens) {
    return new Query("q", X, List.of("q"), Map.of(), tokens);
  }

  private static LateInteractionReranker reranker() {
    return new LateInteractionReranker(PASSAGES, TOKENS, FIRST_TOKEN);
  }

  @Test
  void should_score_the_mean_of_each_question_tokens_best_match() {
    assertThat(reranker().score(query(X, Y), PASSAGES.get(0)))
        .isCloseTo((1.0 + 0.0) / 2, within(ROUNDING));
    assertThat(reranker().score(query(X, Y), PASSAGES.get(1)))
        .isCloseTo((0.6 + 0.8) / 2, within(ROUNDING));
    assertThat(reranker().score(query(X, Y), PASSAGES.get(2))).isZero();
  }

  private static List<ScoredPassage> found(int... ids) {
    return java.util.Arrays.stream(ids)
        .mapToObj(id -> new ScoredPassage(PASSAGES.get(id), 0, 0, 0, List.of()))
        .toList();
  }

  @Test
  void should_rank_the_passage_that_matches_every_question_token_first() {
    assertThat(reranker().rerank(query(X, Y), List.of(found(0, 1, 2))))
        .extracting(sp -> sp.passage().id())
        .containsExactly(1, 0, 2);
    assertThat(reranker().rerank(query(X, Z), List.of(found(1), found(0))).get(0))
        .satisfies(sp -> assertThat(sp.passage().id()).isZero())
        .satisfies(sp -> assertThat(sp.late()).isCloseTo(1.0, within(ROUNDING)));
  }

  @Test
  void should_rerank_the_passages_other_rankings_found_once_each() {
    List<ScoredPassage> reranked = reranker().rerank(query(X, Y), List.of(found(0), found(2, 0)));

    assertThat(reranked).extracting(sp -> sp.passage().id()).containsExactly(0, 2);
    assertThat(reranked.get(0).late()).isCloseTo(0.5, within(ROUNDING));
  }

  @Test
  void should_rank_nothing_for_a_question_without_token_vectors() {
    assertThat(reranker().rerank(query(), List.of(found(0, 1, 2)))).isEmpty();
  }

  @Test
  void should_refuse_a_token_index_that_does_not_fit_the_passages() {
    assertThatThrownBy(() -> new LateInteractionReranker(PASSAGES, TOKENS, new int[] {0, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token index");
  }
}
