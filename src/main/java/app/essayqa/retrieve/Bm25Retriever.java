package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.question.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Ranks by Lucene BM25 over an in-memory index of the passages: the sentence field counts fully,
 * its context half, so a sentence that names the asked-about thing beats one that only stands near
 * it. The query is built from analysed terms, not parsed, so no user text can be a syntax error.
 */
public final class Bm25Retriever implements Retriever, AutoCloseable {
  private static final String ID = "id";
  private static final String TEXT = "text";
  private static final String CONTEXT = "context";
  private static final float CONTEXT_BOOST = 0.5f;
  private static final int MAX_QUERY_TERMS = 64;

  /** A neighbour's weight is its similarity times this: a paraphrase counts less than the word. */
  private final double expansionWeight;

  private final List<Passage> passages;
  private final List<Set<String>> termsByPassage;
  private final Set<String> vocabulary;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  /**
   * @param lengthNormalisation BM25's b: 0 ignores sentence length, 1 normalises fully
   * @param expansionWeight how much a neighbour word counts against the word itself
   */
  public Bm25Retriever(
      List<Passage> passages,
      TermAnalyzer analyzer,
      double lengthNormalisation,
      double expansionWeight) {
    this.passages = List.copyOf(passages);
    this.expansionWeight = expansionWeight;
    List<Set<String>> terms = new ArrayList<>();
    Set<String> vocab = new HashSet<>();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(analyzer.lucene()))) {
      for (Passage p : passages) {
        Document doc = new Document();
        doc.add(new StoredField(ID, p.id()));
        doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
        doc.add(new TextField(CONTEXT, p.context(), Field.Store.NO));
        writer.addDocument(doc);
        Set<String> passageTerms = new HashSet<>(analyzer.terms(p.text()));
        passageTerms.addAll(analyzer.terms(p.context()));
        terms.add(Set.copyOf(passageTerms));
        vocab.addAll(passageTerms);
      }
      writer.commit();
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory BM25 index", e);
    }
    this.searcher = new IndexSearcher(reader);
    // A lower b than Lucene's 0.75: sentences vary less in length than documents do, and a strong
    // length penalty let two-word lines outrank the sentences that answer.
    searcher.setSimilarity(new BM25Similarity(1.2f, (float) lengthNormalisation));
    this.termsByPassage = List.copyOf(terms);
    this.vocabulary = Set.copyOf(vocab);
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
              new BoostQuery(new TermQuery(new Term(TEXT, term)), weight.floatValue()),
              BooleanClause.Occur.SHOULD);
          builder.add(
              new BoostQuery(
                  new TermQuery(new Term(CONTEXT, term)), (float) (CONTEXT_BOOST * weight)),
              BooleanClause.Occur.SHOULD);
        });

    try {
      ScoreDoc[] hits = searcher.search(builder.build(), limit).scoreDocs;
      List<ScoredPassage> result = new ArrayList<>(hits.length);
      for (ScoreDoc hit : hits) {
        int id = searcher.storedFields().document(hit.doc).getField(ID).numericValue().intValue();
        Passage p = passages.get(id);
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
    Set<String> terms = termsByPassage.get(p.id());
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

  /** Whether any passage contains the analysed term. */
  public boolean inVocabulary(String term) {
    return vocabulary.contains(term);
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
