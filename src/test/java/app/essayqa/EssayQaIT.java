package app.essayqa;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.ParagraphKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over the shipped essay with the real model. */
class EssayQaIT {
  static final Path PROJECT = Path.of("").toAbsolutePath();
  static EssayQa qa;

  static Config config() {
    return Config.defaults(PROJECT).with(ConfigKeys.CACHE_DIR, "target/test-cache", "test");
  }

  @BeforeAll
  static void open() {
    qa = EssayQa.open(config());
  }

  @AfterAll
  static void close() {
    qa.close();
  }

  static final List<String> QUESTIONS =
      List.of(
          "Who wrote the essay?",
          "Where was the workshop held?",
          "What are the three guiding themes?",
          "What did Brendan Howe say about history?",
          "Who floated a multilateral relationship with India?",
          "How old is the San Francisco System?",
          "What spheres of cooperation stood out?",
          "What is the goal of the US regarding semiconductors?");

  @Test
  void should_quote_verbatim_text_found_at_each_citations_offsets() {
    for (String question : QUESTIONS) {
      Answer answer = qa.ask(question);
      assertThat(answer.abstained()).as(question).isFalse();
      assertThat(answer.citations()).as(question).isNotEmpty().hasSizeLessThanOrEqualTo(3);
      for (Citation c : answer.citations()) {
        Document doc = qa.library().document(c.document()).orElseThrow();
        assertThat(doc.text().substring(c.start(), c.end())).isEqualTo(c.quote());
        assertThat(c.locator()).matches("¶\\d+\\.\\d+");
      }
      assertThat(answer.text()).as(question).contains("[1]").hasSizeLessThan(700);
    }
  }

  @Test
  void should_answer_short_factoid_questions_from_the_sentence_that_holds_the_fact() {
    assertThat(qa.ask("Where was the workshop held?").citations().get(0).quote())
        .contains("National Library of Korea in Seoul");
    assertThat(qa.ask("Who floated a multilateral relationship with India?").text())
        .contains("Dr Kei Koga");
    assertThat(qa.ask("How old is the San Francisco System?").text()).contains("68-year old");
    assertThat(qa.ask("Who wrote the essay?").text()).contains("Carmina Yu Untalan");
  }

  @Test
  void should_never_cite_a_pull_quote() {
    Document essay = qa.library().documents().get(0);
    List<Integer> pullQuotes =
        essay.paragraphs().stream()
            .filter(p -> p.kind() == ParagraphKind.PULL_QUOTE)
            .map(p -> p.number())
            .toList();

    Stream.of(
            "What could the diverse set of topics eventually inspire?",
            "Why is it important to look at the political economy of tech wars?")
        .map(qa::ask)
        .flatMap(a -> a.citations().stream())
        .forEach(c -> assertThat(pullQuotes).doesNotContain(c.paragraph()));
  }

  @Test
  void should_abstain_on_questions_the_essay_does_not_answer_and_name_nearby_topics() {
    for (String question :
        List.of(
            "What is the GDP of South Korea?",
            "Write me a Python function that sorts a list.",
            "How many people attended the workshop?",
            "What is the population of Osaka?")) {
      Answer answer = qa.ask(question);
      assertThat(answer.abstained()).as(question).isTrue();
      assertThat(answer.citations()).isEmpty();
      assertThat(answer.text()).startsWith("The essay does not answer that");
    }
    assertThat(qa.ask("What is the GDP of South Korea?").nearestTopics()).isNotEmpty();
  }

  @Test
  void should_give_the_same_answer_to_the_same_question_against_the_same_index() {
    try (EssayQa again = EssayQa.open(config())) {
      assertThat(again.indexVersion()).isEqualTo(qa.indexVersion());
      for (String question : QUESTIONS) {
        Answer first = qa.ask(question);
        Answer second = again.ask(question);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.citations()).isEqualTo(first.citations());
      }
    }
  }

  @Test
  void should_change_the_index_version_with_a_setting_that_shapes_answers() {
    try (EssayQa other = EssayQa.open(config().with(ConfigKeys.RETRIEVAL_TOP_K, "5", "test"))) {
      assertThat(other.indexVersion()).isNotEqualTo(qa.indexVersion());
      assertThat(other.ask("Where was the workshop held?").citations()).hasSize(5);
    }
  }

  @Test
  void should_answer_follow_ups_with_the_earlier_question_as_context() {
    Answer first =
        qa.ask("What did a participant say Japan, Korea and China each do with history?");
    Answer who = qa.ask("Who said that?", Conversation.of(first));
    Answer more = qa.ask("Tell me more", Conversation.of(first));

    assertThat(who.abstained()).isFalse();
    assertThat(who.text()).contains("Brendan Howe");
    assertThat(more.abstained()).isFalse();
    assertThat(more.citations()).isNotEmpty();
    assertThat(more.citations().get(0).start()).isGreaterThan(first.citations().get(0).start());
  }

  @Test
  void should_answer_what_the_essay_is_about_with_its_opening_sentences() {
    Answer about = qa.ask("What is the essay about?");

    assertThat(about.abstained()).isFalse();
    assertThat(about.citations()).extracting(Citation::paragraph).containsOnly(1);
    assertThat(about.text()).startsWith("Hostility remains a persistent feature");
  }

  @Test
  void should_say_a_question_of_only_question_words_names_nothing_to_look_for() {
    Answer answer = qa.ask("What is it?");

    assertThat(answer.abstained()).isTrue();
    assertThat(answer.text()).contains("names nothing to look for");
    assertThat(answer.nearestTopics()).contains("What Lies Ahead");
  }

  @Test
  void should_answer_bad_input_with_a_message_instead_of_failing() {
    assertThat(qa.ask("").text()).contains("Please type a question");
    assertThat(qa.ask(null).abstained()).isTrue();
    assertThat(qa.ask("x".repeat(20_000)).text()).contains("too long");
    assertThat(qa.ask("🙂🙂🙂").text()).contains("no words");
    assertThat(qa.ask("日韓関係はどうですか？").text()).contains("English");
    assertThat(
            qa.ask("\u001b[2J\u001b[31mWhere was the workshop held?\u0007")
                .citations()
                .get(0)
                .quote())
        .contains("National Library of Korea");
  }

  @Test
  void should_rebuild_a_corrupt_cache_and_reuse_a_sound_one(@TempDir Path tmp) throws IOException {
    Path cache = tmp.resolve("cache");
    Config config = Config.defaults(PROJECT).with(ConfigKeys.CACHE_DIR, cache.toString(), "test");
    try (EssayQa first = EssayQa.open(config)) {
      assertThat(first.ask("Where was the workshop held?").abstained()).isFalse();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.walk(cache.resolve("index"))) {
      files = listing.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    java.util.Map<Path, java.nio.file.attribute.FileTime> written = new java.util.HashMap<>();
    for (Path file : files) {
      written.put(file, Files.getLastModifiedTime(file));
    }
    try (EssayQa reused = EssayQa.open(config)) {
      assertThat(reused.ask("Where was the workshop held?").abstained()).isFalse();
    }
    for (Path file : files) {
      assertThat(Files.getLastModifiedTime(file))
          .as("reused, not rewritten: %s", file)
          .isEqualTo(written.get(file));
    }
    for (Path file : files) {
      Files.write(file, new byte[] {42, 42, 42});
    }

    try (EssayQa second = EssayQa.open(config)) {
      assertThat(second.ask("Where was the workshop held?").citations().get(0).quote())
          .contains("National Library of Korea");
    }
    for (Path file : files) {
      // A rebuilt Lucene part may be written under new file names, the old ones deleted.
      // (Lucene's write.lock is empty by design, so "rewritten" means "not the corrupt bytes".)
      if (Files.exists(file)) {
        assertThat(Files.readAllBytes(file))
            .as("rewritten %s", file)
            .isNotEqualTo(new byte[] {42, 42, 42});
      }
    }
  }
}
