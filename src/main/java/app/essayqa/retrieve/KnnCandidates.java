package app.essayqa.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * The passages nearest a question by Lucene's HNSW search of the {@link PassageIndex} vector
 * fields: the nearest sentences, the nearest contexts and the passages of the nearest clauses, each
 * list {@link #OVERSAMPLE} times as long as asked for, so that the exact dense score (a weighted
 * mean of the three) finds its best among them. Each file's part has a graph of its own, and in a
 * part of a few hundred passages the search visits most of them: it beats scoring every passage
 * only from a few thousand passages ({@code retrieval.knn-from}).
 */
public final class KnnCandidates implements DenseRetriever.Candidates {
  /**
   * Each field's search returns this many times the passages asked for: the exact score mixes three
   * similarities, and a passage best by the mix need not be among the best of any one.
   */
  static final int OVERSAMPLE = 2;

  private static final List<String> FIELDS =
      List.of(
          PassageIndex.SENTENCE_VECTOR, PassageIndex.CONTEXT_VECTOR, PassageIndex.CLAUSE_VECTOR);

  private final PassageIndex index;

  public KnnCandidates(PassageIndex index) {
    if (!index.hasVectors()) {
      throw new IllegalArgumentException("the passage index was built without vectors");
    }
    this.index = index;
  }

  @Override
  public int[] find(float[] query, int limit) {
    int k = Math.max(1, limit) * OVERSAMPLE;
    Set<Integer> ids = new LinkedHashSet<>();
    try {
      for (String field : FIELDS) {
        for (ScoreDoc hit :
            index.searcher().search(new KnnFloatVectorQuery(field, query, k), k).scoreDocs) {
          ids.add(index.passage(hit.doc).id());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("vector search failed", e);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }
}
