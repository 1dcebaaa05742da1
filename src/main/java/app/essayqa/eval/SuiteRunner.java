package app.essayqa.eval;

import app.essayqa.Answerer;
import app.essayqa.answer.Answer;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the cases of a suite through one pipeline, one at a time, scoring as it goes. */
final class SuiteRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SuiteRunner.class);
  private final int k;
  private final int[] ks;
  private final int maxFailures;
  private final Progress progress;

  /**
   * @param k the cut-off a case must find its evidence within to pass
   * @param ks every cut-off to compute ranked figures at (includes 1 and {@code k})
   * @param maxFailures how many failed cases to keep in memory for the console listing
   */
  SuiteRunner(int k, int[] ks, int maxFailures, Progress progress) {
    this.k = k;
    this.ks = ks.clone();
    this.maxFailures = maxFailures;
    this.progress = progress;
  }

  /**
   * Asks the first question once untimed: the first call pays for class loading and JIT
   * compilation, which would otherwise land in one case's latency and skew p95 on small suites.
   */
  private static void warmUp(Answerer source, EvalCase first) {
    try {
      source.ask(first.question());
    } catch (RuntimeException e) {
      // The timed call that follows reports it.
    }
  }

  /**
   * Streams the suite's cases through {@code source}. Each quote is checked against the text of the
   * document it cites, as {@code source}'s library has it.
   *
   * @param label a short name for tables, e.g. {@code essay-qa} or {@code easy-rag}
   * @param each sees every case result as it is made (report spill, comparison); may do nothing
   */
  RunResult run(Suite suite, String label, Answerer source, Consumer<CaseResult> each) {
    RunResult result = new RunResult(suite, label, source.indexVersion(), k, ks, maxFailures);
    Library library = source.library();
    CaseScorer scorer = new CaseScorer(id -> library.document(id).map(Document::text), k);
    long started = System.nanoTime();
    try (SuiteReader.CaseStream cases = SuiteReader.cases(suite)) {
      int done = 0;
      while (cases.hasNext()) {
        EvalCase c = cases.next();
        if (done == 0) {
          warmUp(source, c);
        }
        long t0 = System.nanoTime();
        CaseResult r;
        try {
          Answer answer = source.ask(c.question());
          r = scorer.score(c, answer, (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
          // A crash on one question is a finding to report with the others, not a reason to stop.
          LOG.debug("case {} threw", c.id(), e);
          r = scorer.failed(c, e, (System.nanoTime() - t0) / 1e6);
        }
        result.add(r);
        each.accept(r);
        progress.update(suite.name() + " (" + label + ")", ++done, suite.size());
      }
    } finally {
      progress.finish();
    }
    LOG.debug(
        "suite {} via {}: {} cases in {} ms",
        suite.name(),
        label,
        result.overall().cases(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }
}
