package app.essayqa.retrieve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Routes a question to the documents it is about before sentences are chosen: the passages of the
 * documents that stand above their off-topic floor ({@link OffTopicFloors#topical}) move ahead of
 * the others, each group keeping its order. Among many documents, a sentence of an unrelated one
 * that shares a word with the question would otherwise outrank the document the question is about.
 */
final class DocumentRouter {
  private DocumentRouter() {}

  /** {@code ranked} with the topical documents' passages first; unchanged when none is topical. */
  static List<ScoredPassage> route(List<ScoredPassage> ranked, OffTopicFloors floors) {
    Set<String> topical = floors.topical(ranked);
    if (topical.isEmpty()) {
      return ranked;
    }
    List<ScoredPassage> first = new ArrayList<>(ranked.size());
    List<ScoredPassage> rest = new ArrayList<>();
    for (ScoredPassage sp : ranked) {
      (topical.contains(sp.passage().documentId()) ? first : rest).add(sp);
    }
    first.addAll(rest);
    return first;
  }
}
