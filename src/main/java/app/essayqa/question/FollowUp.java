package app.essayqa.question;

/** How a question leans on the answer before it, decided once for every front end. */
public enum FollowUp {
  /** Stands alone: the conversation does not change how it is read. */
  STANDALONE,
  /** Points back with a pronoun and names little itself ("Who said that?"). */
  ANAPHORA,
  /** Leaves its verb to the previous question ("And Korea?", "What about in 2020?"). */
  ELLIPSIS,
  /** Asks to read on ("Tell me more"). */
  CONTINUE
}
