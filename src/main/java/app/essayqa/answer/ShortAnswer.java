package app.essayqa.answer;

import java.util.Objects;

/**
 * The short direct answer to a question that asks for a typed fact (a date, a number, a name, a
 * place, a noun phrase): a verbatim span of one cited sentence, shown first with its marker.
 *
 * @param text the span, a substring of the quote of citation {@code citation}
 * @param citation the number {@code n} of the citation the span comes from
 */
public record ShortAnswer(String text, int citation) {

  public ShortAnswer {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a short answer needs text");
    }
    if (citation < 1) {
      throw new IllegalArgumentException("citation number must be 1 or more, was " + citation);
    }
  }

  /** The span with its marker, as a user reads it: {@code December 2019 [1]}. */
  public String marked() {
    return text + " [" + citation + "]";
  }
}
