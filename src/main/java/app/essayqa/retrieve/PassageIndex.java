package app.essayqa.retrieve;

import app.essayqa.index.Hashes;
import app.essayqa.index.Passage;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.index.VectorRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * The Lucene index of the passages, one part per seed file, searched as one: each passage is a
 * document with its sentence and context as text (for BM25) and, when vectors are given, its
 * sentence and context vectors as HNSW vector fields; each clause view is a document of its own
 * with one vector and its passage's id (Lucene 9 holds one vector per field and document). The
 * parts are memory-mapped, so the vectors are read by the operating system as searches touch them,
 * not onto the heap. A part that is missing, unsound or written by other code is built again from
 * its passages and vectors, so only a new or changed file is written. Thread-safe once built.
 */
public final class PassageIndex implements AutoCloseable {
  static final String ID = "id";
  static final String TEXT = "text";
  static final String CONTEXT = "context";
  static final String SENTENCE_VECTOR = "sentence_vector";
  static final String CONTEXT_VECTOR = "context_vector";
  static final String CLAUSE_VECTOR = "clause_vector";

  private static final String CODE_KEY = "essayqa.code";
  private static final String VECTORS_KEY = "essayqa.vectors";

  /**
   * The code that wrote a part: a part written by other analysis, fields or vector format (a
   * constant of this class) is rebuilt, never misread.
   */
  private static final String CODE = Hashes.ofClasses(PassageIndex.class, TermAnalyzer.class);

  /**
   * HNSW with Lucene's defaults (16 neighbours per node, a beam of 100 while building), floats. The
   * scalar-quantized format (Lucene99HnswScalarQuantizedVectorsFormat, a byte per component in the
   * graph) gave the same hit rates on both essay suites with every question through HNSW; it is not
   * used, since it changed no figure, adds its own files and the candidates are scored from the
   * floats anyway (README "Scaling").
   */
  private static final KnnVectorsFormat VECTOR_FORMAT = new Lucene99HnswVectorsFormat();

  private static final Codec CODEC =
      new Lucene912Codec() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return VECTOR_FORMAT;
        }
      };

  /**
   * One file's share of the index: its passages are {@code passages} ids from {@code firstPassage},
   * and its Lucene index lives in {@code folder}.
   */
  public record Part(Path folder, int firstPassage, int passages) {}

  /**
   * The vectors of all passages, in passage-id order, unit length: what the vector fields hold.
   *
   * @param firstClause passage {@code i}'s clause views are rows {@code firstClause[i]} up to
   *     {@code firstClause[i + 1]} of {@code clauses}
   */
  public record Vectors(
      VectorRows sentences, VectorRows contexts, VectorRows clauses, int[] firstClause) {}

  private final List<Passage> passages;
  private final List<Directory> directories;
  private final IndexReader reader;
  private final IndexSearcher searcher;
  private final boolean hasVectors;

  /** The passage id of each leaf's first document: hits map to passages through it. */
  private final int[] leafFirstPassage;

  /**
   * Opens (or builds) one Lucene index per part.
   *
   * @param parts the files' shares of {@code passages}; none means one in-memory index of all
   * @param vectors the passages' vectors, or null for text fields only (BM25 alone)
   * @param warn where a one-line notice about a rebuilt part goes
   */
  public PassageIndex(
      List<Passage> passages,
      TermAnalyzer analyzer,
      List<Part> parts,
      Vectors vectors,
      Consumer<String> warn) {
    this.passages = List.copyOf(passages);
    this.hasVectors = vectors != null;
    List<Part> all = parts.isEmpty() ? List.of(new Part(null, 0, passages.size())) : parts;
    List<Directory> opened = new ArrayList<>();
    List<IndexReader> readers = new ArrayList<>();
    List<Integer> leafFirst = new ArrayList<>();
    try {
      for (Part part : all) {
        DirectoryReader partReader = open(part, analyzer, vectors, opened, warn);
        readers.add(partReader);
        for (LeafReaderContext leaf : partReader.leaves()) {
          leafFirst.add(part.firstPassage());
        }
      }
      this.reader = new MultiReader(readers.toArray(new IndexReader[0]), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the passage index", e);
    }
    this.directories = List.copyOf(opened);
    this.leafFirstPassage = leafFirst.stream().mapToInt(Integer::intValue).toArray();
    this.searcher = new IndexSearcher(reader);
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /** Whether the vector fields are there to search. */
  boolean hasVectors() {
    return hasVectors;
  }

  /**
   * The passage a hit (a top-level document number) belongs to, itself or as one of its clauses.
   */
  Passage passage(int doc) throws IOException {
    int leaf = ReaderUtil.subIndex(doc, reader.leaves());
    LeafReaderContext context = reader.leaves().get(leaf);
    NumericDocValues ids = DocValues.getNumeric(context.reader(), ID);
    if (!ids.advanceExact(doc - context.docBase)) {
      throw new IOException("document " + doc + " has no passage id");
    }
    return passages.get(leafFirstPassage[leaf] + (int) ids.longValue());
  }

  private DirectoryReader open(
      Part part,
      TermAnalyzer analyzer,
      Vectors vectors,
      List<Directory> opened,
      Consumer<String> warn)
      throws IOException {
    String vectorsMark = vectors == null ? "no" : "yes";
    if (part.folder() == null) {
      Directory memory = new ByteBuffersDirectory();
      opened.add(memory);
      write(memory, part, analyzer, vectors);
      return DirectoryReader.open(memory);
    }
    // Memory-mapped, whatever the platform's default: the vectors stay in the page cache.
    Directory disk = new MMapDirectory(part.folder());
    opened.add(disk);
    try {
      // indexExists reads the commit point too, so a damaged one throws here as well; opening
      // checks each file's header and footer (a truncated vector file fails here).
      if (DirectoryReader.indexExists(disk)) {
        DirectoryReader existing = DirectoryReader.open(disk);
        Map<String, String> data = existing.getIndexCommit().getUserData();
        if (existing.numDocs() == documents(part, vectors)
            && CODE.equals(data.get(CODE_KEY))
            && vectorsMark.equals(data.get(VECTORS_KEY))
            && (vectors == null || hasVectorFields(existing))) {
          return existing;
        }
        existing.close();
      }
    } catch (IOException | RuntimeException e) {
      warn.accept(
          "passage index "
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
    write(disk, part, analyzer, vectors);
    return DirectoryReader.open(disk);
  }

  private static boolean hasVectorFields(DirectoryReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      FieldInfo sentence = leaf.reader().getFieldInfos().fieldInfo(SENTENCE_VECTOR);
      if (sentence == null || sentence.getVectorDimension() == 0) {
        return false;
      }
    }
    return true;
  }

  /** Passages plus, with vectors, one document per clause view. */
  private static int documents(Part part, Vectors vectors) {
    if (vectors == null) {
      return part.passages();
    }
    int[] first = vectors.firstClause();
    int end = part.firstPassage() + part.passages();
    return part.passages() + first[end] - first[part.firstPassage()];
  }

  private void write(Directory directory, Part part, TermAnalyzer analyzer, Vectors vectors)
      throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer.lucene())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setCodec(CODEC)
            // Separate files, so a damaged vector file is found by its own header and footer.
            .setUseCompoundFile(false);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < part.passages(); i++) {
        int id = part.firstPassage() + i;
        Passage p = passages.get(id);
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ID, i));
        doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
        doc.add(new TextField(CONTEXT, p.context(), Field.Store.NO));
        if (vectors != null) {
          doc.add(vector(SENTENCE_VECTOR, vectors.sentences().row(id)));
          doc.add(vector(CONTEXT_VECTOR, vectors.contexts().row(id)));
        }
        writer.addDocument(doc);
      }
      if (vectors != null) {
        // Clause documents hold no text: BM25's statistics count only documents with the field,
        // so they leave its scores as they were.
        for (int i = 0; i < part.passages(); i++) {
          int id = part.firstPassage() + i;
          for (int c = vectors.firstClause()[id]; c < vectors.firstClause()[id + 1]; c++) {
            Document doc = new Document();
            doc.add(new NumericDocValuesField(ID, i));
            doc.add(vector(CLAUSE_VECTOR, vectors.clauses().row(c)));
            writer.addDocument(doc);
          }
        }
      }
      // One segment: one graph per field to search, and the documents in passage order.
      writer.forceMerge(1);
      writer.setLiveCommitData(
          Map.of(CODE_KEY, CODE, VECTORS_KEY, vectors == null ? "no" : "yes").entrySet());
      writer.commit();
    }
  }

  /** Dot product on unit vectors is their cosine, without Lucene normalising each one again. */
  private static KnnFloatVectorField vector(String field, float[] v) {
    return new KnnFloatVectorField(field, v, VectorSimilarityFunction.DOT_PRODUCT);
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
