package app.essayqa.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatterTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'Where is the river?'|Where is the river?",
        "'hi! sorry if this is silly, but where is the river?'|where is the river?",
        "'Hi! Sorry if this is silly, but where is the river?'|Where is the river?",
        "'Hello there, where is the river? Thanks!'|Where is the river?",
        "'Where is the river, please?'|Where is the river?",
        "'where is the river thanks'|where is the river",
        "'Please explain the treaty.'|Explain the treaty.",
        "'I was wondering when the treaty was signed?'|When the treaty was signed?",
        "'Quick question: who signed the treaty?'|Who signed the treaty?",
        "'lol who signed the treaty btw'|who signed the treaty",
        "'Who signed the treaty? Best regards, Ann'|Who signed the treaty? Best regards, Ann",
        "'Who signed the treaty? Kind regards'|Who signed the treaty?",
        "'Text with <b>markup</b> &amp; more: who signed the treaty?'|Text with markup & more: who signed the treaty?",
        "'<p>Who signed the <i>treaty</i>?</p>'|Who signed the treaty?",
        "'Who signed the **treaty**?'|Who signed the treaty?",
        "'Who signed `the treaty`?'|Who signed the treaty?",
        "'Who signed [the treaty](https://example.org/t)?'|Who signed the treaty?",
        "'Who signed the treaty? 🙏😊👍🏽'|Who signed the treaty?",
        "'Who signed the treaty :) ?'|Who signed the treaty?",
        "'Who signed the treaty?!?!'|Who signed the treaty?",
        "'Who... signed the treaty???'|Who signed the treaty?",
        "'★ Who signed the treaty ★'|Who signed the treaty",
        "'> an earlier message\nWho signed the treaty?'|Who signed the treaty?",
        "'> Who signed the treaty?'|Who signed the treaty?",
        "'# Who signed the treaty?'|Who signed the treaty?",
        "'HI!!! WHO SIGNED THE TREATY???'|WHO SIGNED THE TREATY?",
        "'Hello Kitty is sold where?'|Hello Kitty is sold where?",
        "'Did the envoy say sorry?'|Did the envoy say sorry?",
        "'What did they say thanks'|What did they say thanks",
        "'Why is snake_case used?'|Why is snake_case used?",
        "'Is 3 < 4 in the table?'|Is 3 < 4 in the table?",
        "'What is the 2*3 rule?'|What is the 2*3 rule?",
        "'hi'|''",
        "'thanks!'|''",
      })
  void should_take_off_markup_emoji_and_discourse_words_but_no_content_word(
      String typed, String plain) {
    assertThat(Chatter.strip(typed.replace("\\n", "\n"))).isEqualTo(plain);
  }
}
