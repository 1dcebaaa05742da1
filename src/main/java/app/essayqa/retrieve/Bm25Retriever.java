package app.essayqa.retrieve;

import app.essayqa.index.Hashes;
import app.essayqa.index.Passage;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.question.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Ranks by Lucene BM25 over an index of the passages (on disk, one part per seed file): the
 * sentence field counts fully, its context half, so a sentence that names the asked-about thing
 * beats one that only stands near it. The query is built from analysed terms, not parsed, so no
 * user text can be a syntax error.
 */
public final class Bm25Retriever implements Retriever, AutoCloseable {
  private static final String ID = "id";
  private static final String TEXT = "text";
  private static final String CONTEXT = "context";
  private static final float CONTEXT_BOOST = 0.5f;
  private static final int MAX_QUERY_TERMS = 64;
  private static final String CODE_KEY = "essayqa.code";

  /** The code that wrote a part: a part written by other analysis or fields is rebuilt. */
  private static final String CODE = Hashes.ofClasses(Bm25Retriever.class, TermAnalyzer.class);

  /** A neighbour's weight is its similarity times this: a paraphrase counts less than the word. */
  private final double expansionWeight;

  private final List<Passage> passages;
  private final TermAnalyzer analyzer;
  private final Map<Integer, Set<String>> termsByPassage = new ConcurrentHashMap<>();
  private final List<Directory> directories;
  private final IndexReader reader;
  private final IndexSearcher searcher;

  /** The passage id of each leaf's first document: hits map to passages through it. */
  private final int[] leafFirstPassage;

  /**
   * One file's share of the on-disk index: its passages are {@code passages} ids from {@code
   * firstPassage}, and its Lucene index lives in {@code folder}.
   */
  public record Part(Path folder, int firstPassage, int passages) {}

  /**
   * @param lengthNormalisation BM25's b: 0 ignores sentence length, 1 normalises fully
   * @param expansionWeight how much a neighbour word counts against the word itself
   */
  public Bm25Retriever(
      List<Passage> passages,
      TermAnalyzer analyzer,
      double lengthNormalisation,
      double expansionWeight) {
    this(passages, analyzer, lengthNormalisation, expansionWeight, List.of(), w -> {});
  }

  /**
   * Opens one Lucene index per file, each on disk, and searches them as one (a {@link MultiReader}
   * sums the term statistics of its parts, so the scores are those of a single index). A part that
   * is missing, unsound or made by other code is built again from its passages, so only a new or
   * changed file is analysed.
   *
   * @param parts the files' shares of {@code passages}; none means one in-memory index of all
   * @param warn where a one-line notice about a rebuilt part goes
   */
  public Bm25Retriever(
      List<Passage> passages,
      TermAnalyzer analyzer,
      double lengthNormalisation,
      double expansionWeight,
      List<Part> parts,
      Consumer<String> warn) {
    this.passages = List.copyOf(passages);
    this.analyzer = analyzer;
    this.expansionWeight = expansionWeight;
    List<Part> all = parts.isEmpty() ? List.of(new Part(null, 0, passages.size())) : parts;
    List<Directory> opened = new ArrayList<>();
    List<IndexReader> readers = new ArrayList<>();
    List<Integer> leafFirst = new ArrayList<>();
    try {
      for (Part part : all) {
        DirectoryReader partReader = open(part, analyzer, opened, warn);
        readers.add(partReader);
        for (LeafReaderContext leaf : partReader.leaves()) {
          leafFirst.add(part.firstPassage());
        }
      }
      this.reader = new MultiReader(readers.toArray(new IndexReader[0]), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the BM25 index", e);
    }
    this.directories = List.copyOf(opened);
    this.leafFirstPassage = leafFirst.stream().mapToInt(Integer::intValue).toArray();
    this.searcher = new IndexSearcher(reader);
    // A lower b than Lucene's 0.75: sentences vary less in length than documents do, and a strong
    // length penalty let two-word lines outrank the sentences that answer.
    searcher.setSimilarity(new BM25Similarity(1.2f, (float) lengthNormalisation));
  }

  private DirectoryReader open(
      Part part, TermAnalyzer analyzer, List<Directory> opened, Consumer<String> warn)
      throws IOException {
    if (part.folder() == null) {
      Directory memory = new ByteBuffersDirectory();
      opened.add(memory);
      write(memory, part, analyzer);
      return DirectoryReader.open(memory);
    }
    Directory disk = FSDirectory.open(part.folder());
    opened.add(disk);
    try {
      // indexExists reads the commit point too, so a damaged one throws here as well.
      if (DirectoryReader.indexExists(disk)) {
        DirectoryReader existing = DirectoryReader.open(disk);
        if (existing.numDocs() == part.passages()
            && CODE.equals(existing.getIndexCommit().getUserData().get(CODE_KEY))) {
          return existing;
        }
        existing.close();
      }
    } catch (IOException | RuntimeException e) {
      warn.accept(
          "BM25 index "
              + part.folder()
              + " is unusable ("
              + e.getClass().getSimpleName()
              + "); indexing its file again");
    }
    // Whatever is there (an older or broken part) goes: a writer cannot start over a corrupt
    // commit.
    for (String file : disk.listAll()) {
      disk.deleteFile(file);
    }
    write(disk, part, analyzer);
    return DirectoryReader.open(disk);
  }

  private void write(Directory directory, Part part, TermAnalyzer analyzer) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer.lucene()).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < part.passages(); i++) {
        Passage p = passages.get(part.firstPassage() + i);
        Document doc = new Document();
        doc.add(new StoredField(ID, i));
        doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
        doc.add(new TextField(CONTEXT, p.context(), Field.Store.NO));
        writer.addDocument(doc);
      }
      // One segment keeps the documents in passage order within the part.
      writer.forceMerge(1);
      writer.setLiveCommitData(Map.of(CODE_KEY, CODE).entrySet());
      writer.commit();
    }
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
        int leaf = ReaderUtil.subIndex(hit.doc, reader.leaves());
        int local =
            searcher.storedFields().document(hit.doc).getField(ID).numericValue().intValue();
        Passage p = passages.get(leafFirstPassage[leaf] + local);
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
    try {
      reader.close();
      for (Directory d : directories) {
        d.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
