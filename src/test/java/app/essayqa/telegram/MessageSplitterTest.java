package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSplitterTest {

  static Stream<Arguments> cases() {
    String para = "Alpha beta gamma. ".repeat(3).strip(); // 53 chars
    return Stream.of(
        Arguments.of("fits as it is", "short <b>bold</b>", 64, List.of("short <b>bold</b>")),
        Arguments.of("cuts at the paragraph break", para + "\n\n" + para, 80, List.of(para, para)),
        Arguments.of(
            "cuts at a sentence end rather than between words",
            "One two three four five six seven. Eight nine ten eleven twelve thirteen fourteen fifteen.",
            64,
            List.of(
                "One two three four five six seven.",
                "Eight nine ten eleven twelve thirteen fourteen fifteen.")),
        Arguments.of(
            "cuts between words when no sentence ends in reach",
            "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo",
            64,
            List.of(
                "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm", "nnnn oooo")),
        Arguments.of(
            "closes and reopens tags around a cut",
            "<blockquote>" + "Word word word word. ".repeat(5).strip() + "</blockquote>",
            70,
            List.of(
                "<blockquote>Word word word word. Word word word word.</blockquote>",
                "<blockquote>Word word word word. Word word word word.</blockquote>",
                "<blockquote>Word word word word.</blockquote>")),
        Arguments.of(
            "never cuts inside an entity",
            "x".repeat(60) + "&amp;&lt;" + "y".repeat(10),
            64,
            List.of("x".repeat(60), "&amp;&lt;" + "y".repeat(10))),
        Arguments.of(
            "never cuts a surrogate pair",
            "x".repeat(63) + "😀" + "y",
            64,
            List.of("x".repeat(63), "😀y")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_split_at_the_best_boundary(String name, String html, int limit, List<String> expected)
      throws Exception {
    List<String> parts = MessageSplitter.split(html, limit);

    assertThat(parts).isEqualTo(expected);
    for (String part : parts) {
      assertThat(part.length()).isLessThanOrEqualTo(limit);
      TelegramHtml.plainText(part);
    }
  }

  @Test
  void should_keep_every_part_valid_and_lose_no_text_in_a_long_answer() throws Exception {
    Random random = new Random(7);
    String[] words = {
      "essay", "Japan", "Korea", "a&b", "<tag>", "“quote”", "NTS", "relations", "😀"
    };
    for (int round = 0; round < 50; round++) {
      StringBuilder html = new StringBuilder();
      for (int block = 0; block < 20; block++) {
        StringBuilder text = new StringBuilder();
        int n = 5 + random.nextInt(200);
        for (int w = 0; w < n; w++) {
          text.append(words[random.nextInt(words.length)])
              .append(random.nextInt(8) == 0 ? ". " : " ");
        }
        String body = Html.escape(text.toString().strip());
        html.append(block == 0 ? "" : "\n\n")
            .append(
                random.nextBoolean()
                    ? "<b>["
                        + block
                        + "]</b> <i>Section</i>, ¶"
                        + block
                        + "\n<blockquote>"
                        + body
                        + "</blockquote>"
                    : body);
      }
      int limit = 200 + random.nextInt(4000);

      List<String> parts = MessageSplitter.split(html.toString(), limit);

      List<String> visible = new ArrayList<>();
      for (String part : parts) {
        assertThat(part.length()).isLessThanOrEqualTo(limit);
        assertThat(part).isNotBlank();
        visible.add(TelegramHtml.plainText(part));
      }
      assertThat(String.join(" ", visible).replaceAll("\\s+", ""))
          .isEqualTo(TelegramHtml.plainText(html.toString()).replaceAll("\\s+", ""));
    }
  }

  @Test
  void should_refuse_a_limit_too_small_to_hold_tags() {
    assertThatThrownBy(() -> MessageSplitter.split("text", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 64");
  }
}
