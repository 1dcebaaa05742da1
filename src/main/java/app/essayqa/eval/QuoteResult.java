package app.essayqa.eval;

/**
 * One citation of an answer as the evaluation saw it.
 *
 * @param relevant the quote contains one of the case's evidence phrases
 * @param faithful the quote is verbatim in the seed text at {@code [start, end)}
 */
record QuoteResult(
    int n,
    String document,
    String locator,
    int start,
    int end,
    String quote,
    boolean relevant,
    boolean faithful) {}
