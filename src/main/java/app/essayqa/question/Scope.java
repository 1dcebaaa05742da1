package app.essayqa.question;

/** What part of the library a question is about, which decides where its answer is looked for. */
public enum Scope {
  /** A fact in the running text: the usual case. */
  FACT,
  /** Who wrote the document, or the author's background and work: byline, bio, first person. */
  AUTHOR,
  /** A picture and its credit. */
  PICTURE,
  /** The whole text: what it is about, its main point. */
  OVERVIEW,
  /** Read on after the previous answer ("tell me more"). */
  CONTINUE
}
