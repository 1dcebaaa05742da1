package app.essayqa.index;

import app.essayqa.ingest.Document;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.ingest.SeedLoader;
import app.essayqa.ingest.Sentence;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexed library: the parsed documents, each passage's sentence and context vectors, the
 * vectors of its clauses (see {@link ClauseSplitter}), the vectors of its content tokens (see
 * {@link TokenEncoder}), and the library's distinct words with their vectors (for near-synonym
 * expansion). Each seed file's part comes from the on-disk index when the file and the code are
 * unchanged ({@link FileIndexStore}) and is built and stored otherwise; a removed file has no part.
 *
 * @param clauseVectors the clause views of all passages, passage by passage
 * @param firstClause passage {@code i}'s clauses are rows {@code firstClause[i]} up to {@code
 *     firstClause[i + 1]} of {@code clauseVectors} (one more entry than passages)
 * @param tokenVectors the content tokens of all passages (stop words and punctuation left out),
 *     passage by passage, indexed by {@code firstToken} as clauses are by {@code firstClause}
 * @param wordStems each word's analysed term, aligned with {@code words}
 * @param files where each document's passages are, and its entry in the on-disk index
 */
public record EssayIndex(
    Library library,
    List<Passage> passages,
    VectorRows sentenceVectors,
    VectorRows contextVectors,
    VectorRows clauseVectors,
    int[] firstClause,
    TokenVectors tokenVectors,
    int[] firstToken,
    List<String> words,
    List<String> wordStems,
    float[][] wordVectors,
    List<FilePart> files) {
  private static final Logger LOG = LoggerFactory.getLogger(EssayIndex.class);

  /** The code an entry depends on: a change to any of these classes makes new entries. */
  private static final String CODE =
      Hashes.ofClasses(
          DocumentParser.class,
          Document.class,
          Paragraph.class,
          Sentence.class,
          ParagraphKind.class,
          PassageSplitter.class,
          Passage.class,
          ClauseSplitter.class,
          FileIndexer.class,
          FileIndexStore.class,
          TokenEncoder.class,
          TokenVectors.class,
          TokenSpill.class,
          BuiltFile.class,
          Words.class);

  /**
   * One document's share of the index.
   *
   * @param key its entry in the on-disk index
   * @param firstPassage the id of its first passage
   * @param passages how many passages it has
   * @param built whether this start built it (false: read from the on-disk index)
   */
  public record FilePart(
      String documentId, String key, int firstPassage, int passages, boolean built) {}

  public EssayIndex {
    passages = List.copyOf(passages);
    words = List.copyOf(words);
    wordStems = List.copyOf(wordStems);
    files = List.copyOf(files);
  }

  /**
   * Reads each seed file's part from {@code store}, or builds and stores it, and joins the parts.
   *
   * @param analyse the document analysis, to find each word's term; words that analyse to no term
   *     (stop words) or to several are left out
   * @param analysisId identifies the analysis (its code), part of each entry's key
   */
  public static EssayIndex build(
      SeedLoader.Seeds seeds,
      int contextSentences,
      boolean embedContexts,
      TokenEncoder tokenEncoder,
      FileIndexStore store,
      WordVectorStore wordStore,
      Function<String, List<String>> analyse,
      String analysisId,
      IndexProgress progress) {
    long started = System.nanoTime();
    List<String> keys = new ArrayList<>();
    Map<Integer, FileIndex> parts = new HashMap<>();
    List<Integer> missing = new ArrayList<>();
    long missingChars = 0;
    for (int i = 0; i < seeds.files().size(); i++) {
      SeedLoader.SeedFile file = seeds.files().get(i);
      String key =
          key(file, contextSentences + (embedContexts ? "e" : "c"), analysisId, tokenEncoder);
      keys.add(key);
      Optional<FileIndex> cached = store.read(key, file.name());
      if (cached.isPresent()) {
        parts.put(i, cached.get());
      } else {
        missing.add(i);
        missingChars += file.text().length();
      }
    }
    progress.started(missing.size(), missingChars);
    FileIndexer indexer = new FileIndexer(contextSentences, embedContexts, tokenEncoder, analyse);
    for (int i : missing) {
      SeedLoader.SeedFile file = seeds.files().get(i);
      long fileStarted = System.nanoTime();
      FileIndex part;
      // The file's token vectors go to a temporary file as they are made; the entry is put
      // together from it, and it is deleted whatever happens.
      try (TokenSpill tokens = TokenSpill.in(store.folder())) {
        BuiltFile built =
            indexer.index(file.name(), file.text(), file.pageStarts(), progress, tokens);
        part = store.write(keys.get(i), built).orElseGet(built::onHeap);
      } catch (OutOfMemoryError e) {
        // The file's vectors are unreachable once this frame unwinds: there is room to say so.
        throw new IndexMemoryExhausted(file.name(), file.text().length());
      }
      parts.put(i, part);
      progress.fileDone(file.name(), file.text().length(), part.passages(), ms(fileStarted));
    }
    EssayIndex index = join(seeds, contextSentences, keys, parts, missing, tokenEncoder, wordStore);
    progress.finished(index.library().documents().size(), index.passages().size(), ms(started));
    LOG.debug(
        "index: {} files ({} built), {} passages, {} tokens in {} ms",
        seeds.files().size(),
        missing.size(),
        index.passages().size(),
        index.tokenVectors().rows(),
        ms(started));
    return index;
  }

  private static EssayIndex join(
      SeedLoader.Seeds seeds,
      int contextSentences,
      List<String> keys,
      Map<Integer, FileIndex> parts,
      List<Integer> built,
      TokenEncoder tokenEncoder,
      WordVectorStore wordStore) {
    int count = seeds.files().size();
    List<Document> documents = new ArrayList<>();
    int passageCount = 0;
    int tokenCount = 0;
    for (int i = 0; i < count; i++) {
      FileIndex part = parts.get(i);
      documents.add(part.document());
      passageCount += part.passages();
      tokenCount += part.tokens();
    }
    Library library = new Library(documents, seeds.warnings());
    List<Passage> passages = new PassageSplitter(contextSentences).split(library);
    if (passages.size() != passageCount) {
      throw new IllegalStateException(
          "the index holds " + passageCount + " passages, the documents " + passages.size());
    }
    List<VectorRows> sentences = new ArrayList<>();
    List<VectorRows> contexts = new ArrayList<>();
    List<VectorRows> clauses = new ArrayList<>();
    int[] firstClause = new int[passageCount + 1];
    int[] firstToken = new int[passageCount + 1];
    List<ByteBuffer> values = new ArrayList<>();
    List<ByteBuffer> scales = new ArrayList<>();
    List<FilePart> files = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    int p = 0;
    int c = 0;
    int t = 0;
    for (int i = 0; i < count; i++) {
      FileIndex part = parts.get(i);
      int n = part.passages();
      sentences.add(part.sentenceVectors());
      contexts.add(part.contextVectors());
      clauses.add(part.clauseVectors());
      for (int k = 0; k < n; k++) {
        firstClause[p + k] = c + part.firstClause()[k];
        firstToken[p + k] = t + part.firstToken()[k];
      }
      values.add(part.tokenValues());
      scales.add(part.tokenScales());
      files.add(new FilePart(part.document().id(), keys.get(i), p, n, built.contains(i)));
      for (int w = 0; w < part.words().size(); w++) {
        if (seen.add(part.words().get(w))) {
          words.add(part.words().get(w));
          stems.add(part.stems().get(w));
        }
      }
      p += n;
      c += part.clauseVectors().rows();
      t += part.tokens();
    }
    firstClause[passageCount] = c;
    firstToken[passageCount] = t;
    return new EssayIndex(
        library,
        passages,
        VectorRows.join(sentences),
        VectorRows.join(contexts),
        VectorRows.join(clauses),
        firstClause,
        new TokenVectors(values, scales, 384),
        firstToken,
        words,
        stems,
        wordVectors(words, tokenEncoder, wordStore),
        files);
  }

  /** The words' vectors: stored ones read, new ones embedded (in batches) and stored. */
  private static float[][] wordVectors(
      List<String> words, TokenEncoder tokenEncoder, WordVectorStore store) {
    Map<String, float[]> known = store.read();
    List<String> fresh = words.stream().filter(w -> !known.containsKey(w)).toList();
    if (!fresh.isEmpty()) {
      long started = System.nanoTime();
      // Sorted by length and batched like sentences: a few long "words" (file names, options)
      // must not pad a whole batch. Each run is pooled as it comes: only the vectors are kept.
      tokenEncoder.runEach(fresh, (k, run) -> known.put(fresh.get(k), run.pooled()), n -> {});
      store.write(known);
      LOG.debug("index: embedded {} new words in {} ms", fresh.size(), ms(started));
    }
    float[][] vectors = new float[words.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = known.get(words.get(i));
    }
    return vectors;
  }

  private static String key(
      SeedLoader.SeedFile file, String settings, String analysisId, TokenEncoder tokenEncoder) {
    return Hashes.sha256(
            String.join(
                    "\u0000",
                    CODE,
                    analysisId,
                    tokenEncoder.spec().id(),
                    settings,
                    file.name(),
                    file.text())
                // Pages are part of what is cited; a file without pages keeps its key.
                + (file.pageStarts().isEmpty() ? "" : "\u0000pages" + file.pageStarts()))
        .substring(0, 32);
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
