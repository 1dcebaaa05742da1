package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.question.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Ranks by Lucene BM25 over the text fields of the {@link PassageIndex} (on disk, one part per seed
 * file): the sentence field counts fully, its context half, so a sentence that names the
 * asked-about thing beats one that only stands near it. The query is built from analysed terms, not
 * parsed, so no user text can be a syntax error.
 */
public final class Bm25Retriever implements Retriever, AutoCloseable {
  private static final float CONTEXT_BOOST = 0.5f;
  private static final int MAX_QUERY_TERMS = 64;

  /** A neighbour's weight is its similarity times this: a paraphrase counts less than the word. */
  private final double expansionWeight;

  private final TermAnalyzer analyzer;
  private final Map<Integer, Set<String>> termsByPassage = new ConcurrentHashMap<>();
  private final PassageIndex index;
  private final IndexSearcher searcher;

  /** Whether {@link #close} closes the index (only the one this retriever made). */
  private final boolean ownsIndex;

  /**
   * An in-memory index of {@code passages}, text fields only.
   *
   * @param lengthNormalisation BM25's b: 0 ignores sentence length, 1 normalises fully
   * @param expansionWeight how much a neighbour word counts against the word itself
   */
  public Bm25Retriever(
      List<Passage> passages,
      TermAnalyzer analyzer,
      double lengthNormalisation,
      double expansionWeight) {
    this(
        new PassageIndex(passages, analyzer, List.of(), null, w -> {}),
        analyzer,
        lengthNormalisation,
        expansionWeight,
        true);
  }

  /**
   * Searches the text fields of {@code index}, which stays the caller's to close. Its parts are
   * searched as one (a {@link org.apache.lucene.index.MultiReader} sums the term statistics of its
   * parts, so the scores are those of a single index).
   */
  public Bm25Retriever(
      PassageIndex index,
      TermAnalyzer analyzer,
      double lengthNormalisation,
      double expansionWeight) {
    this(index, analyzer, lengthNormalisation, expansionWeight, false);
  }

  private Bm25Retriever(
      PassageIndex index,
      TermAnalyzer analyzer,
      double lengthNormalisation,
      double expansionWeight,
      boolean ownsIndex) {
    this.index = index;
    this.analyzer = analyzer;
    this.expansionWeight = expansionWeight;
    this.ownsIndex = ownsIndex;
    // A searcher of its own: the similarity is a setting of the searcher, and the dense search
    // over the same index needs none.
    this.searcher = new IndexSearcher(index.searcher().getIndexReader());
    // A lower b than Lucene's 0.75: sentences vary less in length than documents do, and a strong
    // length penalty let two-word lines outrank the sentences that answer.
    searcher.setSimilarity(new BM25Similarity(1.2f, (float) lengthNormalisation));
  }

  @Override
  public List<ScoredPassage> retrieve(Query query, int limit) {
    if (query.terms().isEmpty() || limit <= 0) {
      return List.of();
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
    for (String term : query.terms().subList(0, Math.min(MAX_QUERY_TERMS, query.terms().size()))) {
      weights.put(term, 1.0);
      query
          .expansionsOf(term)
          .forEach((neighbour, cos) -> weights.merge(neighbour, cos * expansionWeight, Math::max));
    }
    weights.forEach(
        (term, weight) -> {
          if (weight <= 0) {
            return;
          }
          builder.add(
              new BoostQuery(new TermQuery(new Term(PassageIndex.TEXT, term)), weight.floatValue()),
              BooleanClause.Occur.SHOULD);
          builder.add(
              new BoostQuery(
                  new TermQuery(new Term(PassageIndex.CONTEXT, term)),
                  (float) (CONTEXT_BOOST * weight)),
              BooleanClause.Occur.SHOULD);
        });

    try {
      ScoreDoc[] hits = searcher.search(builder.build(), limit).scoreDocs;
      List<ScoredPassage> result = new ArrayList<>(hits.length);
      for (ScoreDoc hit : hits) {
        Passage p = index.passage(hit.doc);
        result.add(new ScoredPassage(p, 0, hit.score, hit.score, matchedTerms(query, p)));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("BM25 search failed", e);
    }
  }

  /**
   * The query terms found in the passage's sentence or context, by themselves or by one of their
   * neighbours (shown as {@code term~neighbour}).
   */
  public List<String> matchedTerms(Query query, Passage p) {
    // Analysed when first asked for, not at start: a start must not re-read the whole library.
    Set<String> terms =
        termsByPassage.computeIfAbsent(
            p.id(),
            id -> {
              Set<String> passageTerms = new HashSet<>(analyzer.terms(p.text()));
              passageTerms.addAll(analyzer.terms(p.context()));
              return Set.copyOf(passageTerms);
            });
    List<String> matched = new ArrayList<>();
    for (String term : query.terms()) {
      if (terms.contains(term)) {
        matched.add(term);
      } else {
        query.expansionsOf(term).keySet().stream()
            .filter(terms::contains)
            .findFirst()
            .ifPresent(neighbour -> matched.add(term + "~" + neighbour));
      }
    }
    return matched;
  }

  @Override
  public void close() {
    if (ownsIndex) {
      index.close();
    }
  }
}
