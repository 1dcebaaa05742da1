package app.essayqa.retrieve;

import app.essayqa.question.Query;
import java.util.List;

/**
 * Ranks passages for a query. Implementations are thread-safe and deterministic: the same query
 * over the same passages gives the same list.
 */
public interface Retriever {
  /**
   * Returns at most {@code limit} passages, most relevant first, ties broken by passage id; never
   * null, empty when nothing matches.
   */
  List<ScoredPassage> retrieve(Query query, int limit);
}
