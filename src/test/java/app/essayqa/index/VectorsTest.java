package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void should_compute_dot_products_of_lengths_not_divisible_by_four() {
    assertThat(Vectors.dot(new float[] {1, 2, 3, 4, 5}, new float[] {5, 4, 3, 2, 1}))
        .isCloseTo(35.0, within(1e-9));
    assertThat(Vectors.dot(new float[] {2}, new float[] {3})).isCloseTo(6.0, within(1e-9));
    assertThat(Vectors.dot(new float[0], new float[0])).isZero();
  }
}
