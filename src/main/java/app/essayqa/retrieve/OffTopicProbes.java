package app.essayqa.retrieve;

import app.essayqa.question.WordList;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions a library cannot be expected to answer, made from general English alone: each everyday
 * question form of {@link WordList#OFF_TOPIC_TEMPLATES} filled with things of {@link
 * WordList#OFF_TOPIC_THINGS}, in turn ("how do i clean an angle?", "what is the best way to look
 * after an ant?"). How close a library's sentences come to them is how close unrelated text comes
 * to a question by chance: the measure {@link OffTopicCalibration} sets the similarity floor from.
 * They are never matched against a user's question.
 */
final class OffTopicProbes {
  private OffTopicProbes() {}

  /** Up to {@code count} probe questions, the same ones for the same lists. */
  static List<String> questions(int count) {
    List<String> templates = List.copyOf(WordList.OFF_TOPIC_TEMPLATES.entries());
    List<String> things = List.copyOf(WordList.OFF_TOPIC_THINGS.entries());
    List<String> out = new ArrayList<>(Math.min(count, things.size()));
    for (int i = 0; i < things.size() && out.size() < count; i++) {
      String thing = things.get(i);
      String template = templates.get(i % templates.size());
      // "an apple", not "a apple": the model reads the article too.
      if ("aeiou".indexOf(thing.charAt(0)) >= 0) {
        template = template.replace(" a {}", " an {}");
      }
      out.add(template.replace("{}", thing));
    }
    return out;
  }
}
