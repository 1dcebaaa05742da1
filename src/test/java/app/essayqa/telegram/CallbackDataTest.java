package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackDataTest {
  @ParameterizedTest
  @CsvSource({
    "SHOW, 0, 1, s:0:1",
    "PAGE, 3, 42, p:3:42",
    "SHOW, 2147483647, 2147483647, s:2147483647:2147483647"
  })
  void should_encode_within_64_bytes_and_decode_back(
      CallbackData.Action action, int doc, int para, String expected) {
    CallbackData data = new CallbackData(action, doc, para);

    String encoded = data.encode();

    assertThat(encoded).isEqualTo(expected);
    assertThat(encoded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
    assertThat(CallbackData.decode(encoded)).contains(data);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "s", "s:1", "x:0:1", "s:a:1", "s:0:0", "s:-1:3", "s:0:1:2", "s:0:99999999999"})
  void should_reject_data_it_did_not_write(String data) {
    assertThat(CallbackData.decode(data)).isEmpty();
  }

  @Test
  void should_refuse_a_reference_to_no_paragraph() {
    assertThatThrownBy(() -> new CallbackData(CallbackData.Action.SHOW, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paragraph 0");
  }
}
