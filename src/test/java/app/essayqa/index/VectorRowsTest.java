package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorRowsTest {
  private static VectorRows mapped(float[]... rows) {
    ByteBuffer bytes = ByteBuffer.allocate(rows.length * 2 * Float.BYTES);
    for (float[] row : rows) {
      for (float x : row) {
        bytes.putFloat(x);
      }
    }
    return VectorRows.of(bytes.flip(), 2);
  }

  @Test
  void should_read_each_row_across_parts_empty_ones_included() {
    VectorRows joined =
        VectorRows.join(
            List.of(
                VectorRows.EMPTY,
                VectorRows.of(new float[][] {{1, 0}}, 2),
                mapped(new float[] {0, 1}, new float[] {0.6f, 0.8f}),
                mapped()));

    assertThat(joined.rows()).isEqualTo(3);
    assertThat(joined.row(0)).containsExactly(1, 0);
    assertThat(joined.row(1)).containsExactly(0, 1);
    assertThat(joined.row(2)).containsExactly(0.6f, 0.8f);
    assertThat(joined.dot(2, new float[] {1, 1})).isCloseTo(1.4, within(1e-6));
  }

  @Test
  void should_refuse_a_row_outside_the_rows_and_a_row_of_another_length() {
    VectorRows rows = VectorRows.of(new float[][] {{1, 0}}, 2);

    assertThatThrownBy(() -> rows.row(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> rows.row(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> VectorRows.of(new float[][] {{1, 0, 0}}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 0 has 3 components");
  }
}
