package app.essayqa;

import app.essayqa.answer.AbstentionPolicy;
import app.essayqa.answer.AnswerComposer;
import app.essayqa.answer.DecisionModel;
import app.essayqa.answer.Definitions;
import app.essayqa.answer.ExtractiveAnswerComposer;
import app.essayqa.answer.Refusal;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.error.EssayQaException;
import app.essayqa.error.IoReason;
import app.essayqa.generate.LlmAnswerComposer;
import app.essayqa.generate.LlmSettings;
import app.essayqa.index.AcronymTable;
import app.essayqa.index.Embedder;
import app.essayqa.index.EmbeddingModels;
import app.essayqa.index.EssayIndex;
import app.essayqa.index.FileIndexStore;
import app.essayqa.index.Hashes;
import app.essayqa.index.IndexProgress;
import app.essayqa.index.ModelSpec;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.index.TokenEncoder;
import app.essayqa.index.Vocabulary;
import app.essayqa.index.WordVectorStore;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.SeedLoader;
import app.essayqa.question.QueryBuilder;
import app.essayqa.question.QuestionAnalyzer;
import app.essayqa.question.SemanticExpander;
import app.essayqa.question.WordList;
import app.essayqa.retrieve.Bm25Retriever;
import app.essayqa.retrieve.DenseRetriever;
import app.essayqa.retrieve.DocumentParts;
import app.essayqa.retrieve.HybridRetriever;
import app.essayqa.retrieve.KnnCandidates;
import app.essayqa.retrieve.LateInteractionReranker;
import app.essayqa.retrieve.OffTopicCalibration;
import app.essayqa.retrieve.OffTopicFloors;
import app.essayqa.retrieve.PassageFinder;
import app.essayqa.retrieve.PassageIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the configuration once and builds every stage of the pipeline, in the
 * order they depend on each other. Nothing else constructs stages; {@link EssayQa} only runs them.
 */
final class EssayQaFactory {
  /**
   * The fitted decision model when {@code abstention.decision} asks for it. Without one fitted for
   * this embedding model, or with one fitted under other retrieval or abstention settings (whose
   * features it would misread), the rules decide, with a warning.
   */
  private static Optional<DecisionModel> decisionModel(Config config, ModelSpec model) {
    if (!config.getString(ConfigKeys.ABSTENTION_DECISION).equals("calibrated")) {
      return Optional.empty();
    }
    Optional<DecisionModel> fitted = DecisionModel.shipped(model.id());
    if (fitted.isEmpty()) {
      LOG.warn(
          "no decision model is fitted for {}; the rules decide (essay-qa calibrate fits one)",
          model.id());
      return fitted;
    }
    List<String> changed =
        changedSettings(fitted.get().settings(), ConfigKeys.decisionInputs(config));
    if (!changed.isEmpty()) {
      LOG.warn(
          "the decision model was fitted under other settings ({}); the rules decide"
              + " (essay-qa calibrate fits one for these)",
          String.join(", ", changed));
      return Optional.empty();
    }
    return fitted;
  }

  /** The keys whose values differ between two {@code ConfigKeys.decisionInputs} strings. */
  static List<String> changedSettings(String fitted, String now) {
    Map<String, String> before = pairs(fitted);
    Map<String, String> after = pairs(now);
    List<String> changed = new ArrayList<>();
    after.forEach(
        (k, v) -> {
          if (!v.equals(before.get(k))) {
            changed.add(k + "=" + v);
          }
        });
    return changed;
  }

  private static Map<String, String> pairs(String settings) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : settings.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return pairs;
  }

  private static final Logger LOG = LoggerFactory.getLogger(EssayQaFactory.class);

  private EssayQaFactory() {}

  /** Reads the seeds and builds or loads the index, telling {@code progress} how it goes. */
  static EssayQa open(Config config, IndexProgress progress) {
    return open(config, progress, System.getenv());
  }

  /** As {@link #open(Config, IndexProgress)}, quietly, with {@code env} for the LLM's key. */
  static EssayQa open(Config config, Map<String, String> env) {
    return open(config, IndexProgress.NONE, env);
  }

  /**
   * The same, with the environment the language model's API key is read from ({@code
   * answer.mode=llm} only).
   */
  static EssayQa open(Config config, IndexProgress progress, Map<String, String> env) {
    long started = System.nanoTime();
    // Read before the slow steps, so that a mistake in llm.* is reported at once.
    Optional<LlmSettings> llm =
        config.getString(ConfigKeys.ANSWER_MODE).equals("llm")
            ? Optional.of(LlmSettings.from(config, env))
            : Optional.empty();
    List<Path> extra =
        config.getList(ConfigKeys.SEEDS_EXTRA).stream()
            .filter(s -> !s.isBlank())
            .map(s -> config.home().resolve(s.strip()).normalize())
            .toList();
    // PDFBox writes the list of system fonts it scans (for a PDF's fonts that are not embedded)
    // to ~/.pdfbox.cache unless told otherwise: it belongs with our other caches. PDFBox takes a
    // folder that exists and can be written (the launcher makes the cache folder first), and
    // falls back to the home folder by itself otherwise.
    Path fontCache = config.getPath(ConfigKeys.CACHE_DIR).toAbsolutePath();
    if (System.getProperty("pdfbox.fontcache") == null && Files.isDirectory(fontCache)) {
      System.setProperty("pdfbox.fontcache", fontCache.toString());
    }
    SeedLoader.Seeds seeds = new SeedLoader().read(config.getPath(ConfigKeys.SEEDS_DIR), extra);
    Path cacheDir = cacheDir(config);
    ModelSpec model = ModelSpec.of(config.getString(ConfigKeys.EMBEDDING_MODEL));
    TokenEncoder tokenEncoder = EmbeddingModels.tokens(model, cacheDir);
    List<String> framing = new ArrayList<>(WordList.QUESTION_WORDS.entries());
    framing.addAll(WordList.DOCUMENT_WORDS.entries());
    TermAnalyzer analyzer = new TermAnalyzer(framing);
    Path indexDir = cacheDir.resolve("index");
    EssayIndex index =
        EssayIndex.build(
            seeds,
            config.getInt(ConfigKeys.CHUNKING_CONTEXT_SENTENCES),
            config.getString(ConfigKeys.CHUNKING_CONTEXT_VECTORS).equals("embedded"),
            tokenEncoder,
            new FileIndexStore(indexDir.resolve("files"), LOG::warn),
            new WordVectorStore(indexDir.resolve("words-" + model.id() + ".bin"), LOG::warn),
            analyzer::terms,
            Hashes.ofClasses(TermAnalyzer.class),
            progress);
    Library library = index.library();
    // The model for questions is loaded after indexing, which runs on the token encoder alone.
    Embedder embedder = new Embedder(EmbeddingModels.sentences(model, cacheDir));
    if (index.passages().isEmpty()) {
      throw new EssayQaException("the seed files hold no text to answer from");
    }
    SemanticExpander expander =
        new SemanticExpander(
            index.words(),
            index.wordVectors(),
            index.wordStems(),
            floor(
                config,
                ConfigKeys.RETRIEVAL_EXPANSION_SIMILARITY,
                model.floors().expansionSimilarity()),
            config.getInt(ConfigKeys.RETRIEVAL_EXPANSIONS_PER_TERM));
    PassageIndex.Vectors vectors =
        new PassageIndex.Vectors(
            index.sentenceVectors(),
            index.contextVectors(),
            index.clauseVectors(),
            index.firstClause());
    PassageIndex passageIndex =
        new PassageIndex(
            index.passages(),
            analyzer,
            index.files().stream()
                .map(
                    f ->
                        new PassageIndex.Part(
                            indexDir.resolve("files").resolve(f.key() + ".bm25"),
                            f.firstPassage(),
                            f.passages()))
                .toList(),
            vectors,
            LOG::warn);
    Bm25Retriever bm25 =
        new Bm25Retriever(
            passageIndex,
            analyzer,
            config.getDouble(ConfigKeys.RETRIEVAL_BM25_B),
            config.getDouble(ConfigKeys.RETRIEVAL_EXPANSION_WEIGHT));
    // Below knn-from passages every vector is scored: with one small HNSW graph per file the
    // graph search visits most of each part, and it only beat the scan from about 4,000
    // passages (synthetic 384-d vectors in 150-passage parts: scan faster at 2,400, HNSW at
    // 4,800; README "Scaling").
    boolean knn = index.passages().size() >= config.getInt(ConfigKeys.RETRIEVAL_KNN_FROM);
    DenseRetriever dense =
        new DenseRetriever(
            index.passages(),
            index.sentenceVectors(),
            index.contextVectors(),
            index.clauseVectors(),
            index.firstClause(),
            config.getDouble(ConfigKeys.RETRIEVAL_CONTEXT_WEIGHT),
            config.getDouble(ConfigKeys.RETRIEVAL_CLAUSE_WEIGHT),
            knn ? new KnnCandidates(passageIndex) : null);
    LateInteractionReranker late =
        new LateInteractionReranker(index.passages(), index.tokenVectors(), index.firstToken());
    HybridRetriever hybrid =
        new HybridRetriever(
            dense,
            bm25,
            late,
            HybridRetriever.Fusion.valueOf(
                config.getString(ConfigKeys.RETRIEVAL_FUSION).toUpperCase(Locale.ROOT)),
            config.getInt(ConfigKeys.RETRIEVAL_RRF_K),
            config.getDouble(ConfigKeys.RETRIEVAL_DENSE_WEIGHT),
            config.getDouble(ConfigKeys.RETRIEVAL_BM25_WEIGHT),
            config.getDouble(ConfigKeys.RETRIEVAL_LATE_WEIGHT),
            config.getInt(ConfigKeys.RETRIEVAL_CANDIDATES));
    String version = indexVersion(library, config);
    LOG.debug(
        "open: {} documents, {} passages ({}), index {} in {} ms",
        library.documents().size(),
        index.passages().size(),
        knn ? "HNSW search" : "scan",
        version,
        ms(started));
    // Without token vectors (no content words at all) the late ranking would be all ties.
    boolean lateInteraction =
        config.getDouble(ConfigKeys.RETRIEVAL_LATE_WEIGHT) > 0 && index.tokenVectors().rows() > 0;
    Vocabulary vocabulary =
        Vocabulary.of(index.files(), library, analyzer, indexDir.resolve("files"));
    QueryBuilder queries =
        new QueryBuilder(analyzer, expander, vocabulary, embedder, tokenEncoder, lateInteraction);
    Set<String> authors = new HashSet<>();
    library
        .documents()
        .forEach(d -> d.author().ifPresent(a -> authors.add(a.toLowerCase(Locale.ROOT))));
    QuestionAnalyzer questions = new QuestionAnalyzer(analyzer, vocabulary, authors);
    OffTopicFloors floors = offTopicFloors(config, index, dense, tokenEncoder, indexDir);
    PassageFinder finder =
        new PassageFinder(
            hybrid,
            new DocumentParts(library, index.passages()),
            index.passages(),
            config.getDouble(ConfigKeys.RETRIEVAL_SCOPE_BOOST),
            floors);
    AbstentionPolicy abstention =
        new AbstentionPolicy(
            library,
            analyzer,
            new AbstentionPolicy.Settings(
                floor(config, ConfigKeys.ABSTENTION_MIN_SIMILARITY, model.floors().minSimilarity()),
                floor(
                    config, ConfigKeys.ABSTENTION_WEAK_SIMILARITY, model.floors().weakSimilarity()),
                floor(
                    config,
                    ConfigKeys.ABSTENTION_CONFIDENT_SIMILARITY,
                    model.floors().confidentSimilarity()),
                config.getDouble(ConfigKeys.ABSTENTION_MIN_EVIDENCE),
                config.getInt(ConfigKeys.ABSTENTION_EVIDENCE_WINDOW),
                config.getBoolean(ConfigKeys.ABSTENTION_CHECK_ANSWER_TYPE)),
            floors,
            decisionModel(config, model),
            lateInteraction ? late::weakest : AbstentionPolicy.NO_TOKEN_VECTORS);
    ExtractiveAnswerComposer quoter =
        new ExtractiveAnswerComposer(
            library,
            config.getInt(ConfigKeys.RETRIEVAL_TOP_K),
            config.getInt(ConfigKeys.ANSWER_MAX_SENTENCES),
            config.getInt(ConfigKeys.ANSWER_MAX_CHARS));
    return new EssayQa(
        new EssayQa.Stages(
            config,
            library,
            config.getInt(ConfigKeys.QUESTION_MAX_CHARS),
            questions,
            queries,
            finder,
            abstention,
            new Definitions(AcronymTable.of(index.passages())),
            llm.<AnswerComposer>map(settings -> new LlmAnswerComposer(quoter, settings))
                .orElse(quoter),
            quoter,
            new Refusal(library, version),
            new TurnReader(index.passages()),
            List.of(bm25, passageIndex, analyzer, tokenEncoder),
            version));
  }

  /**
   * The library's off-topic floors: each file's measurements read from beside its index entry, or
   * made (probe questions run through the model as questions are) for a file without them.
   */
  private static OffTopicFloors offTopicFloors(
      Config config,
      EssayIndex index,
      DenseRetriever dense,
      TokenEncoder tokenEncoder,
      Path indexDir) {
    double quantile = config.getDouble(ConfigKeys.ABSTENTION_OFF_TOPIC_QUANTILE);
    if (quantile <= 0) {
      return OffTopicFloors.NONE;
    }
    String prefix = tokenEncoder.spec().queryPrefix();
    String settings =
        String.join(
            "\u0000",
            tokenEncoder.spec().id(),
            config.display(ConfigKeys.RETRIEVAL_CONTEXT_WEIGHT),
            config.display(ConfigKeys.RETRIEVAL_CLAUSE_WEIGHT));
    return new OffTopicCalibration(indexDir.resolve("files"), settings, LOG::warn)
        .floors(
            index.files(),
            index.passages(),
            dense::score,
            probes -> tokenEncoder.pooledBatch(probes.stream().map(p -> prefix + p).toList()),
            quantile);
  }

  /**
   * A similarity floor: the model's calibrated one while the key holds its default (MiniLM's floor,
   * which the shipped config file spells out), else the value set.
   */
  private static double floor(Config config, String key, double modelFloor) {
    double set = config.getDouble(key);
    boolean isDefault =
        ConfigKeys.find(key).map(k -> Double.parseDouble(k.defaultValue()) == set).orElse(false);
    return isDefault ? modelFloor : set;
  }

  private static Path cacheDir(Config config) {
    Path dir = config.getPath(ConfigKeys.CACHE_DIR);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new EssayQaException(
          "cache folder " + dir + " is a file, not a folder (set cache.dir)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new EssayQaException(
          "cannot create cache folder " + dir + ": " + IoReason.of(e) + " (set cache.dir)", e);
    }
    if (!Files.isWritable(dir)) {
      throw new EssayQaException("cache folder " + dir + " is not writable (set cache.dir)");
    }
    return dir;
  }

  private static String indexVersion(Library library, Config config) {
    StringBuilder basis = new StringBuilder(config.getString(ConfigKeys.EMBEDDING_MODEL));
    library
        .documents()
        .forEach(d -> basis.append('\u0000').append(d.id()).append('\u0000').append(d.text()));
    for (String prefix :
        List.of("chunking.", "retrieval.", "answer.", "abstention.", "question.")) {
      ConfigKeys.all().stream()
          .filter(k -> k.name().startsWith(prefix))
          .forEach(
              k ->
                  basis
                      .append('\u0000')
                      .append(k.name())
                      .append('=')
                      .append(config.display(k.name())));
    }
    return Hashes.sha256(basis.toString()).substring(0, 12);
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
