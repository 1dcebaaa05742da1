package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.essayqa.index.Passage;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.question.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseRetrieverTest {
  private static final float[] X = {1, 0, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};
  private static final float[] XY = {0.6f, 0.8f, 0};

  private static final List<Passage> PASSAGES = List.of(passage(0), passage(1));

  /**
   * Passage 0 reads a bit like the query as a whole; passage 1 has one clause that is the query.
   */
  private static final float[][] SENTENCES = {XY, Z};

  private static final float[][] CONTEXTS = {Z, Z};
  private static final float[][] CLAUSES = {Y, Z, X};
  private static final int[] FIRST_CLAUSE = {0, 1, 3};

  private static Passage passage(int id) {
    return new Passage(id, "d", "T", "S", ParagraphKind.BODY, 1, id + 1, 0, 1, "s" + id, "c" + id);
  }

  private static Query query(float[] vector) {
    return new Query("q", vector, List.of("q"), Map.of());
  }

  @Test
  void should_rank_a_sentence_by_its_best_clause_as_far_as_the_clause_weight_says() {
    DenseRetriever wholeOnly =
        new DenseRetriever(PASSAGES, SENTENCES, CONTEXTS, CLAUSES, FIRST_CLAUSE, 0, 0);
    DenseRetriever mostlyClauses =
        new DenseRetriever(PASSAGES, SENTENCES, CONTEXTS, CLAUSES, FIRST_CLAUSE, 0, 0.75);

    assertThat(wholeOnly.retrieve(query(X), 2))
        .extracting(sp -> sp.passage().id())
        .containsExactly(0, 1);
    assertThat(mostlyClauses.retrieve(query(X), 2))
        .extracting(sp -> sp.passage().id())
        .containsExactly(1, 0);
    assertThat(mostlyClauses.score(query(X), PASSAGES.get(1))).isCloseTo(0.75, within(1e-6));
  }

  @Test
  void should_never_score_a_sentence_below_itself_for_a_clause_that_matches_less() {
    DenseRetriever retriever =
        new DenseRetriever(PASSAGES, SENTENCES, CONTEXTS, CLAUSES, FIRST_CLAUSE, 0, 1);

    assertThat(retriever.score(query(XY), PASSAGES.get(0))).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void should_blend_in_the_context_by_its_weight() {
    DenseRetriever retriever =
        new DenseRetriever(PASSAGES, SENTENCES, CONTEXTS, CLAUSES, FIRST_CLAUSE, 1, 0);

    assertThat(retriever.score(query(Z), PASSAGES.get(0))).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void should_refuse_a_clause_index_that_does_not_fit_the_passages() {
    assertThatThrownBy(
            () ->
                new DenseRetriever(
                    PASSAGES, SENTENCES, CONTEXTS, CLAUSES, new int[] {0, 1}, 0, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clause index");
  }
}
