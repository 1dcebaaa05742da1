package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which texts make one model run: bounded in padded tokens and in attention, not in texts. */
class TokenBudgetTest {
  @ParameterizedTest(name = "{0} texts of {1} tokens: {2}")
  @CsvSource({
    "64, 32, true", // 2,048 padded tokens: the budget
    "65, 32, false",
    "200, 10, true",
    "205, 10, false",
    "8, 128, true", // 8 x 128 x 128: the attention bound
    "9, 128, false",
    "2, 300, false", // a long text runs alone (a batch of one always runs)
    "1, 362, true",
  })
  void should_batch_texts_by_padded_tokens_and_attention(int rows, int length, boolean fits) {
    assertThat(TokenEncoder.fits(rows, length)).isEqualTo(fits);
    assertThat((long) rows * length <= TokenEncoder.TOKEN_BUDGET || !fits).isTrue();
  }
}
