package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.index.Passage;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.index.VectorRows;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.question.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnnCandidatesTest {
  private static final int DIM = 384;
  private static final int PER_FILE = 200;
  private static final TermAnalyzer TERMS = new TermAnalyzer(List.of("what"));

  /** Two files of passages with one to three clause views each, in topic clusters. */
  private static final Library LIBRARY = new Library(new Random(7), 2);

  @AfterAll
  static void close() {
    TERMS.close();
  }

  private static final class Library {
    private final List<Passage> passages = new ArrayList<>();
    private final List<float[]> topics = new ArrayList<>();
    private final PassageIndex.Vectors vectors;

    Library(Random random, int files) {
      this.vectors = vectors(passages, topics, random, files);
    }

    List<Passage> passages() {
      return passages;
    }

    List<float[]> topics() {
      return topics;
    }

    PassageIndex.Vectors vectors() {
      return vectors;
    }

    private static PassageIndex.Vectors vectors(
        List<Passage> passages, List<float[]> topics, Random random, int files) {
      for (int t = 0; t < 40; t++) {
        topics.add(unit(noise(random, 1)));
      }
      int n = files * PER_FILE;
      float[][] sentences = new float[n][];
      float[][] contexts = new float[n][];
      List<float[]> clauses = new ArrayList<>();
      int[] firstClause = new int[n + 1];
      for (int id = 0; id < n; id++) {
        float[] topic = topics.get(random.nextInt(topics.size()));
        passages.add(
            new Passage(
                id,
                "f" + (id / PER_FILE) + ".txt",
                "T",
                "S",
                ParagraphKind.BODY,
                id + 1,
                1,
                0,
                1,
                "sentence " + id,
                "context " + id));
        sentences[id] = near(topic, random, 0.8);
        contexts[id] = near(topic, random, 1.2);
        firstClause[id] = clauses.size();
        for (int c = random.nextInt(3); c > 0; c--) {
          clauses.add(near(sentences[id], random, 0.6));
        }
      }
      firstClause[n] = clauses.size();
      return new PassageIndex.Vectors(
          VectorRows.of(sentences, DIM),
          VectorRows.of(contexts, DIM),
          VectorRows.of(clauses.toArray(new float[0][]), DIM),
          firstClause);
    }

    List<PassageIndex.Part> parts(Path folder) {
      List<PassageIndex.Part> parts = new ArrayList<>();
      for (int f = 0; f * PER_FILE < passages.size(); f++) {
        parts.add(new PassageIndex.Part(folder.resolve("f" + f + ".bm25"), f * PER_FILE, PER_FILE));
      }
      return parts;
    }

    DenseRetriever dense(DenseRetriever.Candidates candidates) {
      return new DenseRetriever(
          passages,
          vectors.sentences(),
          vectors.contexts(),
          vectors.clauses(),
          vectors.firstClause(),
          0.3,
          0.3,
          candidates);
    }
  }

  private static float[] noise(Random random, double scale) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) (random.nextGaussian() * scale);
    }
    return v;
  }

  private static float[] near(float[] centre, Random random, double spread) {
    float[] v = noise(random, spread / Math.sqrt(DIM));
    for (int d = 0; d < DIM; d++) {
      v[d] += centre[d];
    }
    return unit(v);
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) (v[d] / Math.sqrt(norm));
    }
    return v;
  }

  private static Query query(float[] vector) {
    return new Query("q", vector, List.of("q"), Map.of());
  }

  private static List<Integer> top(DenseRetriever retriever, float[] q, int n) {
    return retriever.retrieve(query(q), 30).stream().limit(n).map(sp -> sp.passage().id()).toList();
  }

  private static PassageIndex open(Path folder, List<String> warnings) {
    return new PassageIndex(
        LIBRARY.passages(), TERMS, LIBRARY.parts(folder), LIBRARY.vectors(), warnings::add);
  }

  @Test
  void should_rank_the_top_passages_as_the_full_scan_does(@TempDir Path tmp) {
    Random random = new Random(11);
    DenseRetriever scan = LIBRARY.dense(null);
    int same = 0;
    int questions = 50;
    try (PassageIndex index = open(tmp, new ArrayList<>())) {
      DenseRetriever knn = LIBRARY.dense(new KnnCandidates(index));
      for (int i = 0; i < questions; i++) {
        float[] q = near(LIBRARY.topics().get(random.nextInt(40)), random, 1.0);
        List<Integer> exact = top(scan, q, 3);
        List<Integer> approximate = top(knn, q, 3);
        same += approximate.equals(exact) ? 1 : 0;
        // Whatever the search misses, what it returns is scored exactly.
        assertThat(knn.retrieve(query(q), 30))
            .allSatisfy(sp -> assertThat(sp.dense()).isEqualTo(scan.score(query(q), sp.passage())));
      }
    }
    assertThat(same).as("questions whose top 3 match the scan's").isGreaterThanOrEqualTo(48);
  }

  @Test
  void should_reuse_a_sound_part_without_rebuilding_it(@TempDir Path tmp) throws IOException {
    try (PassageIndex first = open(tmp, new ArrayList<>())) {
      assertThat(first.hasVectors()).isTrue();
    }
    String segments = segmentsFile(tmp.resolve("f0.bm25"));
    List<String> warnings = new ArrayList<>();

    try (PassageIndex again = open(tmp, warnings)) {
      assertThat(new KnnCandidates(again).find(LIBRARY.vectors().sentences().row(5), 3))
          .contains(5);
    }
    assertThat(warnings).isEmpty();
    assertThat(segmentsFile(tmp.resolve("f0.bm25"))).isEqualTo(segments);
  }

  @Test
  void should_rebuild_a_part_written_by_other_code_with_its_vectors(@TempDir Path tmp)
      throws IOException {
    // A part as the code before vector fields wrote it: text only, another code hash.
    Path folder = tmp.resolve("f0.bm25");
    try (FSDirectory dir = FSDirectory.open(folder);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(TERMS.lucene()))) {
      for (int i = 0; i < PER_FILE; i++) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(PassageIndex.ID, i));
        doc.add(new TextField(PassageIndex.TEXT, "sentence " + i, Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.setLiveCommitData(Map.of("essayqa.code", "older").entrySet());
      writer.commit();
    }
    List<String> warnings = new ArrayList<>();

    try (PassageIndex index = open(tmp, warnings)) {
      assertThat(new KnnCandidates(index).find(LIBRARY.vectors().sentences().row(7), 3))
          .contains(7);
    }
    assertThat(warnings).as("an old part is expected, not damage").isEmpty();
  }

  @ParameterizedTest(name = "a damaged .{0} file")
  @ValueSource(strings = {"vex", "vem", "vec", "vemf"})
  void should_report_a_damaged_vector_file_in_one_line_and_index_the_file_again(
      String extension, @TempDir Path tmp) throws IOException {
    float[] q = LIBRARY.vectors().sentences().row(PER_FILE + 9);
    int[] fresh;
    try (PassageIndex index = open(tmp, new ArrayList<>())) {
      fresh = new KnnCandidates(index).find(q, 10);
    }
    Path part = tmp.resolve("f1.bm25");
    List<Path> damaged;
    try (Stream<Path> files = Files.list(part)) {
      damaged = files.filter(f -> f.toString().endsWith("." + extension)).toList();
    }
    assertThat(damaged).isNotEmpty();
    for (Path file : damaged) {
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }
    List<String> warnings = new ArrayList<>();

    try (PassageIndex index = open(tmp, warnings)) {
      assertThat(new KnnCandidates(index).find(q, 10)).containsExactly(fresh);
    }
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .contains("f1.bm25", "unusable", "indexing its file again")
        .doesNotContain("\n");
  }

  private static String segmentsFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.startsWith("segments_"))
          .findFirst()
          .orElseThrow();
    }
  }
}
