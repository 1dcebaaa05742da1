package app.essayqa.question;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.index.TermAnalyzer;
import app.essayqa.index.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuestionAnalyzerTest {
  private static final TermAnalyzer TERMS = new TermAnalyzer(framing());
  private static final String LIBRARY =
      "The workshop met in Seoul in December 2019. Dr Kei Koga floated a partnership with India."
          + " Brendan Howe summed up history. Photo: Andy Kelly. The treaty was signed.";
  private static final QuestionAnalyzer ANALYZER =
      new QuestionAnalyzer(
          TERMS,
          Vocabulary.of(new HashSet<>(TERMS.terms(LIBRARY)), nameWords()),
          Set.of("carmina yu untalan"));
  private static final Turn PREVIOUS =
      new Turn("What did Koga propose?", Set.of("essay.txt#10"), 42);

  private static List<String> framing() {
    List<String> words = new ArrayList<>(WordList.QUESTION_WORDS.entries());
    words.addAll(WordList.DOCUMENT_WORDS.entries());
    return words;
  }

  private static Set<String> nameWords() {
    return Set.of("seoul", "kei", "koga", "india", "brendan", "howe", "andy", "kelly");
  }

  @AfterAll
  static void close() {
    TERMS.close();
  }

  static Stream<Arguments> scopes() {
    return Stream.of(
        Arguments.of("Who wrote it and what does she do?", Scope.AUTHOR),
        Arguments.of("Who is the author?", Scope.AUTHOR),
        Arguments.of("What is the writer's background?", Scope.AUTHOR),
        Arguments.of("Who is Carmina Yu Untalan?", Scope.AUTHOR),
        Arguments.of("Who took the photo at the top of the page?", Scope.PICTURE),
        Arguments.of("What is the essay about?", Scope.OVERVIEW),
        Arguments.of("Summarise the main point.", Scope.OVERVIEW),
        Arguments.of("What did Koga propose about India?", Scope.FACT),
        Arguments.of("Who wrote the treaty with India?", Scope.FACT),
        Arguments.of("tell me more", Scope.FACT));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("scopes")
  void should_read_the_scope_from_the_question_structure(String question, Scope scope) {
    assertThat(ANALYZER.analyse(question).scope()).isEqualTo(scope);
  }

  static Stream<Arguments> followUps() {
    return Stream.of(
        Arguments.of("Tell me more!", FollowUp.CONTINUE),
        Arguments.of("go on", FollowUp.CONTINUE),
        Arguments.of("Who said that?", FollowUp.ANAPHORA),
        Arguments.of("Why did he say it?", FollowUp.ANAPHORA),
        Arguments.of("And Seoul?", FollowUp.ELLIPSIS),
        Arguments.of("What about in 2019?", FollowUp.ELLIPSIS),
        Arguments.of("When did the workshop meet in Seoul?", FollowUp.STANDALONE),
        Arguments.of("What did Brendan Howe sum up?", FollowUp.STANDALONE));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("followUps")
  void should_decide_once_whether_a_question_follows_up_the_last_answer(
      String question, FollowUp expected) {
    Question q = ANALYZER.analyse(question, question, Optional.of(PREVIOUS));

    assertThat(q.followUp()).isEqualTo(expected);
  }

  @Test
  void should_read_a_pronoun_follow_up_with_the_previous_question() {
    Question q = ANALYZER.analyse("Who said that?", "Who said that?", Optional.of(PREVIOUS));

    assertThat(q.text()).isEqualTo("Who said that? What did Koga propose?");
    assertThat(q.names()).containsExactly("Koga");
    assertThat(q.leansOn()).contains(PREVIOUS);
  }

  @Test
  void should_read_a_question_alone_when_nothing_came_before() {
    Question q = ANALYZER.analyse("Who said that?");

    assertThat(q.followUp()).isEqualTo(FollowUp.STANDALONE);
    assertThat(q.terms()).isEmpty();
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("Who is Dr Kei Koga?", List.of("Kei Koga"), List.of()),
        Arguments.of("who is kei koga", List.of("kei", "koga"), List.of()),
        Arguments.of("WHO IS KEI KOGA", List.of("KEI", "KOGA"), List.of()),
        Arguments.of("What Did Koga Propose About India?", List.of("Koga", "India"), List.of()),
        Arguments.of("Seoul hosted what in 2019?", List.of("Seoul", "2019"), List.of()),
        Arguments.of("What does Vietnam think?", List.of("Vietnam"), List.of("Vietnam")),
        Arguments.of("What is the GDP of India?", List.of("GDP", "India"), List.of("GDP")),
        Arguments.of("The treaty was signed. What is at the other end?", List.of(), List.of()),
        Arguments.of("Is the Sino-India border mentioned?", List.of("Sino-India"), List.of()),
        Arguments.of(
            "Does Kei Koga's India2 plan exist?", List.of("Kei Koga's India2"), List.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}, unknown {2}")
  @MethodSource("names")
  void should_find_the_names_a_question_mentions_and_those_the_library_lacks(
      String question, List<String> names, List<String> unknown) {
    Question q = ANALYZER.analyse(question);

    assertThat(q.names()).containsExactlyElementsOf(names);
    assertThat(q.unknownNames()).containsExactlyElementsOf(unknown);
  }

  static Stream<Arguments> foci() {
    return Stream.of(
        Arguments.of("What nationality is Brendan Howe?", "nationality"),
        Arguments.of("At which university does Kei Koga teach?", "university"),
        Arguments.of("Who was South Korea's president?", "president"),
        Arguments.of("Who is the prime minister of India?", "prime minister"),
        Arguments.of("What year did the workshop meet?", ""),
        Arguments.of("Which city hosted it?", ""),
        Arguments.of("What is the essay about?", ""));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("foci")
  void should_find_the_noun_a_which_question_asks_for(String question, String focus) {
    assertThat(ANALYZER.analyse(question).focus().orElse("")).isEqualTo(focus);
  }

  @Test
  void should_keep_names_out_of_the_predicate() {
    Question q = ANALYZER.analyse("When did Kei Koga float the partnership?");

    assertThat(q.predicate()).containsExactly("float", "partnership");
    assertThat(q.wanted().kind()).isEqualTo(AnswerKind.TIME);
  }
}
