package app.essayqa.question;

import java.util.Set;

/**
 * What a follow-up needs of the answer before it.
 *
 * @param question the question that answer was given to, as it was read (a follow-up's with its own
 *     previous question appended)
 * @param paragraphs "document#paragraph" keys of the paragraphs it quoted
 * @param lastPassage the id of the last passage its text quoted, where reading on starts
 */
public record Turn(String question, Set<String> paragraphs, int lastPassage) {
  public Turn {
    paragraphs = Set.copyOf(paragraphs);
  }
}
