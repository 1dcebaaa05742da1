package app.essayqa.retrieve;

import app.essayqa.index.EssayIndex;
import app.essayqa.index.Hashes;
import app.essayqa.index.Passage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures, at index time, how close each document's sentences come to questions it cannot answer
 * ({@link OffTopicProbes}), and sets the library's {@link OffTopicFloors} from that distribution: a
 * document's floor is a high quantile of its best similarity to each probe, and the library's
 * margin the same quantile of the best lead any document takes over its floor for each probe. Each
 * file's measurements are stored beside its index entry ({@code KEY.offtopic}), so only a new or
 * changed file is measured again (one dense scan of its passages per probe).
 */
public final class OffTopicCalibration {
  private static final Logger LOG = LoggerFactory.getLogger(OffTopicCalibration.class);
  private static final int MAGIC = 0x45514f54; // "EQOT"

  /** Probe questions measured per file: enough for a 0.9-0.95 quantile to be stable. */
  static final int PROBES = 120;

  /** Scores a probe's vector against one passage as the dense retriever scores a question. */
  public interface Scorer {
    double score(float[] vector, Passage passage);
  }

  private final Path folder;
  private final String settings;
  private final Consumer<String> warn;

  /**
   * @param folder where the index entries are
   * @param settings everything the scores depend on (model, dense weights): part of what is stored,
   *     so a change of settings measures again
   */
  public OffTopicCalibration(Path folder, String settings, Consumer<String> warn) {
    this.folder = folder;
    this.settings = Hashes.sha256(settings + "\u0000" + OffTopicProbes.questions(PROBES));
    this.warn = warn;
  }

  /**
   * The floors of the library made of {@code files}.
   *
   * @param embed the vectors of questions, as a question's vector is made
   * @param quantile how many of the off-topic probes must stay below a floor (0.5 to 1)
   */
  public OffTopicFloors floors(
      List<EssayIndex.FilePart> files,
      List<Passage> passages,
      Scorer scorer,
      Function<List<String>, float[][]> embed,
      double quantile) {
    long started = System.nanoTime();
    float[][] probes = null;
    Map<String, float[]> best = new HashMap<>();
    int measured = 0;
    for (EssayIndex.FilePart file : files) {
      float[] stored = read(file.key());
      if (stored == null) {
        if (probes == null) {
          probes = embed.apply(OffTopicProbes.questions(PROBES));
        }
        stored = measure(file, passages, scorer, probes);
        write(file.key(), stored);
        measured++;
      }
      best.put(file.documentId(), stored);
    }
    OffTopicFloors floors = floors(best, quantile);
    LOG.debug(
        "calibration: {} files ({} measured), floors {}, margin {} in {} ms",
        files.size(),
        measured,
        floors.floors(),
        String.format(java.util.Locale.ROOT, "%.3f", floors.margin()),
        (System.nanoTime() - started) / 1_000_000);
    return floors;
  }

  /** The floors from each document's best similarity to each probe. */
  static OffTopicFloors floors(Map<String, float[]> best, double quantile) {
    Map<String, Double> floors = new HashMap<>();
    best.forEach((doc, scores) -> floors.put(doc, quantile(scores, quantile)));
    int probes = best.values().stream().mapToInt(s -> s.length).min().orElse(0);
    float[] leads = new float[probes];
    Arrays.fill(leads, Float.NEGATIVE_INFINITY);
    best.forEach(
        (doc, scores) -> {
          for (int p = 0; p < probes; p++) {
            leads[p] = (float) Math.max(leads[p], scores[p] - floors.get(doc));
          }
        });
    double margin = probes == 0 ? 0 : Math.max(0, quantile(leads, quantile));
    return new OffTopicFloors(floors, margin);
  }

  /** The value below which {@code q} of {@code values} lie (nearest rank). */
  static double quantile(float[] values, double q) {
    if (values.length == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static float[] measure(
      EssayIndex.FilePart file, List<Passage> passages, Scorer scorer, float[][] probes) {
    float[] best = new float[probes.length];
    Arrays.fill(best, -1);
    for (int id = file.firstPassage(); id < file.firstPassage() + file.passages(); id++) {
      Passage passage = passages.get(id);
      for (int p = 0; p < probes.length; p++) {
        best[p] = (float) Math.max(best[p], scorer.score(probes[p], passage));
      }
    }
    return best;
  }

  private Path entry(String key) {
    return folder.resolve(key + ".offtopic");
  }

  /** The stored measurements of a file, or null when missing, stale or unreadable. */
  private float[] read(String key) {
    Path file = entry(key);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(settings)) {
        return null;
      }
      int n = in.readInt();
      if (n != PROBES) {
        return null;
      }
      float[] best = new float[n];
      for (int i = 0; i < n; i++) {
        best[i] = in.readFloat();
      }
      return best;
    } catch (IOException e) {
      return null;
    }
  }

  private void write(String key, float[] best) {
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, key, ".part");
      try {
        try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
          out.writeInt(MAGIC);
          out.writeUTF(settings);
          out.writeInt(best.length);
          for (float b : best) {
            out.writeFloat(b);
          }
        }
        Files.move(
            partial,
            entry(key),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      warn.accept(
          "cannot store the off-topic calibration in " + folder + " (" + e.getMessage() + ")");
    }
  }
}
