package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.index.Passage;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.question.Query;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Bm25RetrieverTest {
  private static final TermAnalyzer TERMS = new TermAnalyzer(List.of("what", "who", "where"));
  private static final List<Passage> PASSAGES =
      List.of(
          passage(0, "The workshop was held in Seoul in December 2019.", "Meetings"),
          passage(1, "Trade between the two neighbours grew quickly.", "Economy"),
          passage(2, "Seoul and Tokyo argued about history again.", "History"),
          passage(3, "The semiconductor industry depends on trade with China.", "Economy"));
  private static final Bm25Retriever BM25 = new Bm25Retriever(PASSAGES, TERMS, 0.4, 0.5);

  private static Passage passage(int id, String text, String section) {
    return new Passage(
        id, "d.txt", "T", section, ParagraphKind.BODY, id + 1, 1, 0, text.length(), text, section);
  }

  private static Query query(String text, Map<String, Map<String, Double>> expansions) {
    return new Query(text, new float[] {1}, TERMS.questionTerms(text), expansions);
  }

  @AfterAll
  static void close() {
    BM25.close();
    TERMS.close();
  }

  static Stream<Arguments> rankings() {
    return Stream.of(
        // question, ids expected in order (a prefix of the ranking)
        Arguments.of("Where was the workshop held?", List.of(0)),
        Arguments.of("What about Seoul and history?", List.of(2, 0)),
        Arguments.of("trade with China", List.of(3, 1)),
        Arguments.of("Economy", List.of(1, 3)),
        Arguments.of("volcanoes", List.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("rankings")
  void should_rank_by_the_question_terms_in_sentence_and_context(
      String question, List<Integer> expected) {
    List<ScoredPassage> ranked = BM25.retrieve(query(question, Map.of()), 10);

    assertThat(ranked)
        .extracting(sp -> sp.passage().id())
        .startsWith(expected.toArray(Integer[]::new));
    if (expected.isEmpty()) {
      assertThat(ranked).isEmpty();
    }
  }

  @Test
  void should_find_a_passage_through_a_near_synonym_at_a_lower_weight() {
    Map<String, Map<String, Double>> expansions = Map.of("commerc", Map.of("trade", 0.8));
    List<ScoredPassage> bySynonym = BM25.retrieve(query("commerce", expansions), 10);
    List<ScoredPassage> byWord = BM25.retrieve(query("trade", Map.of()), 10);

    assertThat(bySynonym).extracting(sp -> sp.passage().id()).containsExactlyInAnyOrder(1, 3);
    assertThat(bySynonym.get(0).bm25()).isLessThan(byWord.get(0).bm25());
  }

  @Test
  void should_name_the_question_terms_a_passage_holds() {
    Query q = query("Seoul history trade", Map.of());

    assertThat(BM25.matchedTerms(q, PASSAGES.get(2))).containsExactlyInAnyOrder("seoul", "histori");
    assertThat(BM25.matchedTerms(q, PASSAGES.get(1))).containsExactly("trade");
  }

  @Test
  void should_return_nothing_for_a_question_without_terms_or_a_zero_limit() {
    assertThat(BM25.retrieve(query("what who where", Map.of()), 10)).isEmpty();
    assertThat(BM25.retrieve(query("Seoul", Map.of()), 0)).isEmpty();
  }
}
