package app.essayqa;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.answer.ShortAnswer;
import app.essayqa.index.AcronymTable;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Paragraph;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.ingest.Sentence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every acronym the shipped essay defines, as the extractor reads the essay's sentences, is
 * answered from its defining sentence with its expansion as the short answer, both ways of asking.
 */
class DefinitionsIT {
  private static EssayQa qa;

  @BeforeAll
  static void open() {
    qa = EssayQa.open(EssayQaIT.config());
  }

  @AfterAll
  static void close() {
    qa.close();
  }

  /** Acronym to expansion, the first definition in the essay's body sentences. */
  private static Map<String, String> definedInTheEssay() {
    Map<String, String> defined = new LinkedHashMap<>();
    for (Document d : qa.library().documents()) {
      for (Paragraph p : d.paragraphs()) {
        if (p.kind() != ParagraphKind.BODY) {
          continue;
        }
        for (Sentence s : p.sentences()) {
          AcronymTable.definitionsIn(s.text()).forEach(defined::putIfAbsent);
        }
      }
    }
    return defined;
  }

  @Test
  void should_answer_what_an_acronym_stands_for_from_the_sentence_defining_it() {
    Map<String, String> defined = definedInTheEssay();
    assertThat(defined).as("acronyms the essay defines").isNotEmpty();

    defined.forEach(
        (acronym, expansion) -> {
          for (String question :
              List.of("What does " + acronym + " stand for?", "What is " + acronym + "?")) {
            Answer answer = qa.ask(question);

            assertThat(answer.abstained()).as(question).isFalse();
            assertThat(answer.citations().get(0).quote())
                .as(question)
                .containsAnyOf(expansion + " (" + acronym, acronym + " (" + expansion);
            assertThat(answer.shortAnswer())
                .as(question)
                .map(ShortAnswer::text)
                .hasValue(expansion);
          }
        });
  }

  @Test
  void should_refuse_an_acronym_the_library_never_mentions() {
    Answer answer = qa.ask("What does QXZW stand for?");

    assertThat(answer.abstained()).isTrue();
  }
}
