package app.essayqa.answer;

import app.essayqa.index.Passage;
import app.essayqa.ingest.Library;
import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The wording of every answer that is not an answer: a question the pipeline cannot take, one that
 * names nothing to look for, reading on past the end, and a refusal with the reason and the nearest
 * topics (which each front end lists in its own way). One document is "the essay"; a library of
 * several is "these documents".
 */
public final class Refusal {
  /** A refusal lists at most this many nearby topics. */
  private static final int TOPICS = 3;

  private final Library library;
  private final String indexVersion;
  private final String subject;

  public Refusal(Library library, String indexVersion) {
    this.library = library;
    this.indexVersion = indexVersion;
    this.subject = library.documents().size() == 1 ? "The essay does" : "These documents do";
  }

  /** A question the pipeline cannot take (empty, too long, not English): the cleaner's message. */
  public Answer problem(String shown, String message, Map<String, Long> timings) {
    return refusal(shown, message, List.of(), timings, List.of());
  }

  /** A question made only of question words ("What is it?"): the sections to ask about. */
  public Answer nothingToLookFor(String shown, Map<String, Long> timings) {
    List<String> sections = new ArrayList<>();
    library.documents().forEach(d -> sections.addAll(d.sections()));
    String where = library.documents().size() == 1 ? "the essay" : "these documents";
    return refusal(
        shown,
        "That question names nothing to look for in "
            + where
            + ". Ask about a person, place, event or idea in it; its sections are listed below.",
        sections,
        timings,
        List.of());
  }

  /** "Tell me more" after the last sentence. */
  public Answer endOfText(String shown, Map<String, Long> timings) {
    return refusal(
        shown,
        "That was the end of "
            + (library.documents().size() == 1 ? "the essay" : "the document")
            + "; there is no more to read after it.",
        List.of(),
        timings,
        List.of());
  }

  /** The passages do not answer: the reason and the topics of the nearest paragraphs. */
  public Answer notAnswered(
      String shown,
      String reason,
      List<ScoredPassage> ranked,
      List<Evidence> evidence,
      Map<String, Long> timings) {
    return refusal(
        shown,
        subject + " not answer that (" + reason + ").",
        nearestTopics(ranked),
        timings,
        evidence);
  }

  /** A language model found no answer in the passages the policy let through. */
  public Answer declined(
      String shown,
      List<ScoredPassage> ranked,
      List<Evidence> evidence,
      Map<String, Long> timings,
      Optional<Generation> generation) {
    return new Answer(
        shown,
        subject + " not answer that (the language model found no answer in the passages).",
        true,
        List.of(),
        nearestTopics(ranked),
        indexVersion,
        timings,
        evidence,
        generation);
  }

  private Answer refusal(
      String shown,
      String text,
      List<String> topics,
      Map<String, Long> timings,
      List<Evidence> evidence) {
    return new Answer(shown, text, true, List.of(), topics, indexVersion, timings, evidence);
  }

  private List<String> nearestTopics(List<ScoredPassage> ranked) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> topics = new ArrayList<>();
    for (ScoredPassage sp : ranked) {
      Passage p = sp.passage();
      if (topics.size() >= TOPICS || !seen.add(p.documentId() + "#" + p.paragraph())) {
        continue;
      }
      library
          .document(p.documentId())
          .flatMap(d -> d.paragraph(p.paragraph()))
          .map(ExtractiveAnswerComposer::topicOf)
          .ifPresent(topics::add);
    }
    return topics;
  }
}
