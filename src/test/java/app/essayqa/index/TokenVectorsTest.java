package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenVectorsTest {
  @Test
  void should_keep_each_cosine_of_unit_vectors_within_a_hundredth_when_stored_as_bytes() {
    Random random = new Random(5);
    float[][] vectors = new float[50][];
    for (int i = 0; i < vectors.length; i++) {
      float[] v = new float[384];
      for (int d = 0; d < v.length; d++) {
        v[d] = (float) random.nextGaussian();
      }
      vectors[i] = Embedder.unit(v);
    }
    TokenVectors stored = TokenVectors.of(vectors);

    for (int i = 0; i < vectors.length; i++) {
      for (int j = 0; j < vectors.length; j++) {
        assertThat(stored.dot(i, vectors[j])).isCloseTo(dot(vectors[i], vectors[j]), within(0.01));
      }
    }
  }

  @Test
  void should_number_the_rows_of_several_parts_one_after_another() {
    ByteBuffer[] a = bytes(new float[][] {{1, 0}, {0, 1}});
    ByteBuffer[] b = bytes(new float[][] {{-1, 0}});
    TokenVectors joined = new TokenVectors(List.of(a[0], b[0]), List.of(a[1], b[1]), 2);

    assertThat(joined.rows()).isEqualTo(3);
    assertThat(joined.dot(2, new float[] {1, 0})).isCloseTo(-1, within(0.01));
    double[] both = joined.bestDots(0, 2, new float[][] {{0, 1}, {1, 0}});
    assertThat(both).hasSize(2);
    assertThat(both[0]).isCloseTo(1, within(0.01));
    assertThat(both[1]).isCloseTo(1, within(0.01));
    assertThat(joined.bestDots(2, 3, new float[][] {{0, 1}})[0]).isCloseTo(0, within(0.01));
    assertThat(joined.bestDots(2, 2, new float[][] {{0, 1}})).isEmpty();
    assertThat(joined.row(1)).containsExactly(0f, 1f);
  }

  /** {values, scales} of two-dimensional vectors. */
  private static ByteBuffer[] bytes(float[][] vectors) {
    ByteBuffer values = ByteBuffer.allocate(vectors.length * 2);
    ByteBuffer scales = ByteBuffer.allocate(vectors.length * Float.BYTES);
    TokenVectors.quantize(vectors, values, scales);
    return new ByteBuffer[] {values.flip(), scales.flip()};
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
