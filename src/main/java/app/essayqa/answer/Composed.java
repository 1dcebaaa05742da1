package app.essayqa.answer;

import java.util.List;

/**
 * A composed answer: its text, with citation numbers in brackets, and the citations.
 *
 * @param text the answer text
 * @param citations the quoted passages, numbered from 1 in rank order
 */
public record Composed(String text, List<Citation> citations) {
  public Composed {
    citations = List.copyOf(citations);
  }
}
