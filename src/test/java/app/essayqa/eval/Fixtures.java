package app.essayqa.eval;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made cases and answers over a tiny document, for the unit tests. */
final class Fixtures {
  static final String DOC_ID = "doc.txt";
  static final String TEXT =
      "Title\n\nThe workshop met in Seoul in December 2019. It had three themes.\n\n"
          + "Dr Kei Koga floated a partnership with India.\n";

  private Fixtures() {}

  static EvalCase answerable(
      String id, List<String> evidence, List<List<String>> terms, String... tags) {
    return new EvalCase(id, "question " + id + "?", evidence, terms, false, List.of(tags), 1);
  }

  static EvalCase abstaining(String id, String... tags) {
    return new EvalCase(id, "question " + id + "?", List.of(), List.of(), true, List.of(tags), 1);
  }

  /** An answer citing the given sentences of {@link #TEXT}, in order. */
  static Answer answer(String text, String... quotes) {
    List<Citation> citations = new ArrayList<>();
    for (String q : quotes) {
      int start = TEXT.indexOf(q);
      if (start < 0) {
        throw new IllegalArgumentException("not in the fixture text: " + q);
      }
      citations.add(
          new Citation(
              citations.size() + 1,
              DOC_ID,
              "Title",
              "Title",
              1,
              1,
              start,
              start + q.length(),
              q,
              1.0));
    }
    return new Answer("q", text, false, citations, List.of(), "v1", Map.of(), List.of());
  }

  static Answer refusal() {
    return new Answer(
        "q", "The essay does not say.", true, List.of(), List.of("x"), "v1", Map.of(), List.of());
  }

  static CaseScorer scorer(int k) {
    return new CaseScorer(
        id -> id.equals(DOC_ID) ? java.util.Optional.of(TEXT) : java.util.Optional.empty(), k);
  }

  static Suite suite(String name, String... tags) {
    return new Suite(
        java.nio.file.Path.of(name + ".yaml"), name, List.of(), 0, java.util.Set.of(tags));
  }
}
