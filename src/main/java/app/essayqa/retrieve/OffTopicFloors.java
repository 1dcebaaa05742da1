package app.essayqa.retrieve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How close a library's documents come, by chance, to questions they cannot answer (see {@link
 * OffTopicCalibration}): for each document the similarity its best sentence reaches for most
 * off-topic questions (its floor), and for the library a margin above those floors that most
 * off-topic questions reach in no document at all. One floor cannot serve every library: the best
 * of 7,000 unrelated sentences reads closer to a question than the best of 100, so a floor is set
 * per document from its own sentences, and the margin grows with the number of documents a chance
 * match may come from. Immutable.
 *
 * @param floors each document's floor, by document id
 * @param margin how far above its floor a document's best passage must be for the question to be
 *     about that document
 */
public record OffTopicFloors(Map<String, Double> floors, double margin) {
  /** No calibration: every document is taken to be about every question. */
  public static final OffTopicFloors NONE = new OffTopicFloors(Map.of(), 0);

  public OffTopicFloors {
    floors = Map.copyOf(floors);
  }

  /**
   * How far the question's best passage in {@code documentId} is above that document's floor plus
   * the library's margin: positive when the question is about that document.
   */
  public double lead(String documentId, double bestDense) {
    Double floor = floors.get(documentId);
    return floor == null ? Double.POSITIVE_INFINITY : bestDense - floor - margin;
  }

  /**
   * The documents of {@code ranked} the question is about (those whose best passage there leads),
   * in order of their first passage; every document when there is no calibration.
   */
  public Set<String> topical(List<ScoredPassage> ranked) {
    Set<String> topical = new LinkedHashSet<>();
    for (ScoredPassage sp : ranked) {
      if (lead(sp.passage().documentId(), sp.dense()) > 0) {
        topical.add(sp.passage().documentId());
      }
    }
    return topical;
  }
}
