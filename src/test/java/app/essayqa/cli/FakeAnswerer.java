package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.Evidence;
import app.essayqa.config.Config;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the facade: a one-paragraph essay; questions mentioning "GDP" are not answered,
 * every other question is answered with the paragraph's second sentence.
 */
class FakeAnswerer implements Answerer {
  static final String FILE = "essay.txt";
  static final String TITLE = "A Test Essay";
  static final String SECTION = "Alliances";
  static final String FIRST = "Seoul and Tokyo share worries.";
  static final String SECOND = "Both depend on trade with China.";
  static final String TEXT = TITLE + "\n\n" + SECTION + "\n\n" + FIRST + " " + SECOND + "\n";

  final List<String> asked = new ArrayList<>();
  final List<Answer> previous = new ArrayList<>();
  boolean closed;
  Config openedWith;

  static Library essay() {
    int p = TEXT.indexOf(FIRST);
    int s2 = TEXT.indexOf(SECOND);
    Paragraph paragraph =
        new Paragraph(
            1,
            SECTION,
            ParagraphKind.BODY,
            p,
            s2 + SECOND.length(),
            FIRST + " " + SECOND,
            List.of(
                new Sentence(1, p, p + FIRST.length(), FIRST),
                new Sentence(2, s2, s2 + SECOND.length(), SECOND)));
    Document doc =
        new Document(
            FILE,
            TITLE,
            Optional.of("Jane Doe"),
            TEXT,
            List.of(TITLE, SECTION),
            List.of(paragraph));
    return new Library(List.of(doc), List.of());
  }

  Answerer.Opener opener() {
    return config -> {
      openedWith = config;
      return this;
    };
  }

  @Override
  public Answer ask(String question) {
    asked.add(question);
    if (question.contains("GDP")) {
      return new Answer(
          question,
          "The essay does not say.",
          true,
          List.of(),
          List.of("Alliances in East Asia", "Trade with China"),
          "v1",
          Map.of("total", 3L),
          List.of());
    }
    int start = TEXT.indexOf(SECOND);
    Citation citation =
        new Citation(1, FILE, TITLE, SECTION, 1, 2, start, start + SECOND.length(), SECOND, 0.5);
    Evidence evidence =
        new Evidence(FILE + " ¶1.2", 1, 0.61, 4.2, 0.0325, List.of("trade", "china"), SECOND);
    Map<String, Long> timings = new java.util.LinkedHashMap<>();
    timings.put("embed", 4L);
    timings.put("total", 7L);
    return new Answer(
        question,
        SECOND + " [1]",
        false,
        List.of(citation),
        List.of(),
        "v1",
        timings,
        List.of(evidence));
  }

  @Override
  public Answer ask(String question, Conversation conversation) {
    conversation.last().ifPresent(previous::add);
    return ask(question);
  }

  @Override
  public Library library() {
    return essay();
  }

  @Override
  public String indexVersion() {
    return "v1";
  }

  @Override
  public void close() {
    closed = true;
  }
}
