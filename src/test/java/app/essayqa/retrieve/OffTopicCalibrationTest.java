package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.essayqa.index.EssayIndex;
import app.essayqa.index.Passage;
import app.essayqa.ingest.ParagraphKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OffTopicCalibrationTest {
  static Stream<Arguments> quantiles() {
    float[] ten = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f};
    return Stream.of(
        Arguments.of(ten, 0.95, 1.0),
        Arguments.of(ten, 0.9, 0.9),
        Arguments.of(ten, 0.5, 0.5),
        Arguments.of(ten, 1.0, 1.0),
        // unsorted input, one value
        Arguments.of(new float[] {0.3f, 0.1f, 0.2f}, 0.5, 0.2),
        Arguments.of(new float[] {0.4f}, 0.95, 0.4));
  }

  @ParameterizedTest
  @MethodSource("quantiles")
  void should_take_the_nearest_rank_quantile(float[] values, double q, double expected) {
    assertThat(OffTopicCalibration.quantile(values, q)).isCloseTo(expected, within(1e-6));
  }

  @Test
  void should_set_each_document_its_own_floor_and_no_margin_for_one_document() {
    float[] essay = {0.1f, 0.2f, 0.3f, 0.4f};

    OffTopicFloors floors = OffTopicCalibration.floors(Map.of("essay", essay), 0.75);

    assertThat(floors.floors().get("essay")).isCloseTo(0.3, within(1e-6));
    assertThat(floors.margin()).isZero();
  }

  @Test
  void should_raise_the_margin_when_many_documents_each_come_close_to_a_different_probe() {
    // Each manual comes close to one probe by chance: alone each is below its floor most of the
    // time, but for every probe some manual stands out, which the library's margin must absorb.
    Map<String, float[]> best =
        Map.of(
            "a", new float[] {0.6f, 0.1f, 0.1f, 0.1f},
            "b", new float[] {0.1f, 0.6f, 0.1f, 0.1f},
            "c", new float[] {0.1f, 0.1f, 0.6f, 0.1f},
            "d", new float[] {0.1f, 0.1f, 0.1f, 0.6f});

    OffTopicFloors floors = OffTopicCalibration.floors(best, 0.75);

    assertThat(floors.floors().get("a")).isCloseTo(0.1, within(1e-6));
    assertThat(floors.margin()).isCloseTo(0.5, within(1e-6));
    assertThat(floors.lead("a", 0.65)).isPositive();
    assertThat(floors.lead("a", 0.55)).isNegative();
  }

  @Test
  void should_measure_a_file_once_and_read_it_back_on_the_next_start(@TempDir Path folder)
      throws Exception {
    List<Passage> passages = List.of(passage(0, "a"), passage(1, "a"), passage(2, "b"));
    List<EssayIndex.FilePart> files =
        List.of(
            new EssayIndex.FilePart("a", "keya", 0, 2, true),
            new EssayIndex.FilePart("b", "keyb", 2, 1, true));
    AtomicInteger embedded = new AtomicInteger();
    OffTopicCalibration calibration = new OffTopicCalibration(folder, "model", m -> {});
    OffTopicCalibration.Scorer scorer = (v, p) -> p.id() == 1 ? 0.5 : 0.2;

    OffTopicFloors first = calibration.floors(files, passages, scorer, embedder(embedded), 0.9);
    OffTopicFloors again = calibration.floors(files, passages, scorer, embedder(embedded), 0.9);

    assertThat(embedded).hasValue(1);
    assertThat(Files.exists(folder.resolve("keya.offtopic"))).isTrue();
    assertThat(first).isEqualTo(again);
    assertThat(first.floors().get("a")).isCloseTo(0.5, within(1e-6));
    assertThat(first.floors().get("b")).isCloseTo(0.2, within(1e-6));
  }

  @Test
  void should_measure_again_when_the_settings_change(@TempDir Path folder) {
    List<Passage> passages = List.of(passage(0, "a"));
    List<EssayIndex.FilePart> files = List.of(new EssayIndex.FilePart("a", "keya", 0, 1, true));
    AtomicInteger embedded = new AtomicInteger();
    OffTopicCalibration.Scorer scorer = (v, p) -> 0.3;

    new OffTopicCalibration(folder, "one", m -> {})
        .floors(files, passages, scorer, embedder(embedded), 0.9);
    new OffTopicCalibration(folder, "two", m -> {})
        .floors(files, passages, scorer, embedder(embedded), 0.9);

    assertThat(embedded).hasValue(2);
  }

  @Test
  void should_make_probe_questions_from_general_english_templates() {
    List<String> probes = OffTopicProbes.questions(OffTopicCalibration.PROBES);

    assertThat(probes).hasSize(OffTopicCalibration.PROBES).doesNotHaveDuplicates();
    assertThat(probes).allMatch(p -> p.endsWith("?") && !p.contains("{}"));
    assertThat(probes.get(0)).isEqualTo("how do i clean an angle?");
  }

  private static java.util.function.Function<List<String>, float[][]> embedder(
      AtomicInteger calls) {
    return texts -> {
      calls.incrementAndGet();
      List<float[]> out = new ArrayList<>();
      texts.forEach(t -> out.add(new float[] {1}));
      return out.toArray(float[][]::new);
    };
  }

  private static Passage passage(int id, String doc) {
    return new Passage(id, doc, "T", "S", ParagraphKind.BODY, 1, id + 1, 0, 1, "x", "x");
  }
}
