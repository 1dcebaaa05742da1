package app.essayqa.generate;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.SentenceStream;
import app.essayqa.index.Passage;
import app.essayqa.index.PassageSplitter;
import app.essayqa.ingest.SeedLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the check adds to an answer: a three-sentence reply with two quotes, streamed token by
 * token, split and checked against five of the shipped essay's longest passages. Prints the figure
 * (a measurement, not a gate: the machine is shared) and checks that every sentence passed.
 */
class VerificationLatencyTest {
  @Test
  void should_check_a_streamed_reply_against_the_shipped_essay_and_print_the_time_it_takes() {
    List<Passage> passages =
        new PassageSplitter(1)
            .split(new SeedLoader().load(Path.of("seeds"))).stream()
                .sorted(Comparator.comparingInt((Passage p) -> p.text().length()).reversed())
                .limit(5)
                .toList();
    CitationCheck check = new CitationCheck(passages.stream().map(Passage::text).toList());
    String reply =
        "The essay says \""
            + words(passages.get(0).text(), 6)
            + "\" [1]. It adds that \""
            + words(passages.get(1).text(), 5)
            + "\" [2][3]. Both points rest on the same argument [4].";
    String[] tokens = reply.split("(?<= )");

    int warmUp = 1_000;
    int rounds = 2_000;
    long[] micros = new long[rounds];
    int kept = 0;
    for (int i = -warmUp; i < rounds; i++) {
      long t0 = System.nanoTime();
      SentenceBuffer buffer = new SentenceBuffer(check, SentenceStream.NONE);
      for (String token : tokens) {
        buffer.add(token);
      }
      buffer.finish();
      if (i >= 0) {
        micros[i] = (System.nanoTime() - t0) / 1_000;
      }
      kept = buffer.kept().size();
    }
    Arrays.sort(micros);

    assertThat(kept).isEqualTo(3);
    System.out.printf(
        Locale.ROOT,
        "verification of a %d-token, 3-sentence reply against 5 passages: p50 %d µs, p95 %d µs"
            + " (%d rounds after %d to warm up, streamed token by token)%n",
        tokens.length,
        micros[rounds / 2],
        micros[rounds * 95 / 100],
        rounds,
        warmUp);
  }

  private static String words(String text, int n) {
    String[] w = text.split(" ");
    return String.join(" ", Arrays.copyOfRange(w, 1, Math.min(w.length, n + 1)));
  }
}
