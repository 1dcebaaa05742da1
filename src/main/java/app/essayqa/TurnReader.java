package app.essayqa;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.index.Passage;
import app.essayqa.question.Chatter;
import app.essayqa.question.Turn;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an earlier {@link Answer} back into what a follow-up needs of it: its question, the
 * paragraphs it quoted and the last passage its text quoted. An answer that refused or quoted
 * nothing gives nothing to lean on.
 */
final class TurnReader {
  private final Map<String, Integer> passageAt = new HashMap<>();

  TurnReader(List<Passage> passages) {
    passages.forEach(p -> passageAt.put(p.documentId() + "@" + p.start(), p.id()));
  }

  Optional<Turn> of(Answer previous) {
    if (previous.abstained() || previous.citations().isEmpty()) {
      return Optional.empty();
    }
    Set<String> paragraphs = new LinkedHashSet<>();
    int last = -1;
    for (Citation c : previous.citations()) {
      if (!previous.text().contains("[" + c.n() + "]")) {
        continue;
      }
      paragraphs.add(c.document() + "#" + c.paragraph());
      last = Math.max(last, passageAt.getOrDefault(c.document() + "@" + c.start(), -1));
    }
    if (paragraphs.isEmpty()) {
      previous.citations().forEach(c -> paragraphs.add(c.document() + "#" + c.paragraph()));
    }
    // A follow-up leans on what was asked, not on the greeting around it.
    String asked = Chatter.strip(previous.question());
    boolean hasWords = asked.codePoints().anyMatch(Character::isLetterOrDigit);
    return Optional.of(new Turn(hasWords ? asked : previous.question(), paragraphs, last));
  }
}
