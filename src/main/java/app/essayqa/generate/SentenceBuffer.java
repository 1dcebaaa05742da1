package app.essayqa.generate;

import app.essayqa.answer.SentenceStream;
import app.essayqa.answer.TextMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a streamed reply until a sentence is complete, checks it, and passes on only the sentences
 * that pass: a quote that fails the check never reaches the screen, so nothing has to be taken
 * back. A sentence counts as complete once the text after it holds two words, so that its
 * citations, which models put after the full stop as often as before it, come along. Mutable, one
 * per model reply, used on one thread.
 */
final class SentenceBuffer {
  private final CitationCheck check;
  private final SentenceStream stream;

  /** The reply so far; split again as it grows, the first {@link #taken} sentences checked. */
  private final StringBuilder reply = new StringBuilder();

  private int taken;
  private final List<String> kept = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final List<CitationCheck.Failure> failures = new ArrayList<>();
  private int citations;
  private int verified;
  private int quotes;
  private long checkNanos;
  private boolean declined;
  private boolean first = true;

  SentenceBuffer(CitationCheck check, SentenceStream stream) {
    this.check = check;
    this.stream = stream;
  }

  void add(String token) {
    reply.append(token);
    List<String> sentences = ReplySentences.split(reply.toString());
    if (sentences.size() < 2 || words(sentences.get(sentences.size() - 1)) < 2) {
      return;
    }
    while (taken < sentences.size() - 1) {
      take(sentences.get(taken++));
    }
  }

  /** Checks whatever is left once the reply is complete. */
  void finish() {
    List<String> sentences = ReplySentences.split(reply.toString());
    while (taken < sentences.size()) {
      take(sentences.get(taken++));
    }
  }

  private void take(String sentence) {
    long t0 = System.nanoTime();
    if (first && isRefusal(sentence)) {
      declined = true;
      first = false;
      checkNanos += System.nanoTime() - t0;
      return;
    }
    first = false;
    CitationCheck.Result r = check.check(sentence);
    citations += r.citations();
    quotes += r.quotes();
    checkNanos += System.nanoTime() - t0;
    if (r.passed()) {
      verified += r.citations();
      kept.add(r.text());
      stream.sentence(r.text());
    } else {
      CitationCheck.Problem problem = r.problem().get();
      dropped.add("\"" + sentence + "\": " + problem.detail());
      problems.add(problem.detail() + " (in \"" + sentence + "\")");
      failures.add(problem.failure());
    }
  }

  /** The reply is the agreed refusal, alone, however the model capitalised or punctuated it. */
  static boolean isRefusal(String text) {
    String t = TextMatch.normalize(text).replaceAll("[^a-z ]", "").strip();
    return t.equals(TextMatch.normalize(GroundedPrompt.NOT_ANSWERED));
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  List<String> kept() {
    return kept;
  }

  List<String> dropped() {
    return dropped;
  }

  /** Each failed sentence's problem with the sentence quoted: for the model's retry, not a user. */
  List<String> problems() {
    return problems;
  }

  /** The kind of each failed sentence's problem, in order: what a user may be told. */
  List<CitationCheck.Failure> failures() {
    return failures;
  }

  int citations() {
    return citations;
  }

  int verified() {
    return verified;
  }

  int quotes() {
    return quotes;
  }

  long checkNanos() {
    return checkNanos;
  }

  /** The model said the passages do not answer the question (and, if it wrote more, it is kept). */
  boolean declined() {
    return declined && kept.isEmpty();
  }
}
