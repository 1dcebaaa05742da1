package app.essayqa.ingest;

/** What a block of text is in the document's layout; only some kinds are searched and cited. */
public enum ParagraphKind {
  /** Running text of the document. */
  BODY,
  /** A quote set apart that repeats body text; the body copy is the one cited. */
  PULL_QUOTE,
  /** A short line such as an author's name or role in a byline. */
  BYLINE,
  /** A picture or photo credit. */
  CREDIT,
  /** A closing line addressed to the reader, with no content. */
  SIGN_OFF;

  /**
   * Whether passages of this kind are indexed and may be cited. A byline is not: its two-word lines
   * ("Project Assistant") match any question with one of their words, and the author's bio says the
   * same in a sentence.
   */
  public boolean searchable() {
    return this == BODY || this == CREDIT;
  }
}
