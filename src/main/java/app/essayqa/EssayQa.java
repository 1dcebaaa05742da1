package app.essayqa;

import app.essayqa.answer.AbstentionPolicy;
import app.essayqa.answer.Answer;
import app.essayqa.answer.AnswerComposer;
import app.essayqa.answer.Composed;
import app.essayqa.answer.Definitions;
import app.essayqa.answer.Evidence;
import app.essayqa.answer.Refusal;
import app.essayqa.answer.SentenceStream;
import app.essayqa.answer.ShortAnswerFinder;
import app.essayqa.config.Config;
import app.essayqa.error.EssayQaException;
import app.essayqa.index.IndexProgress;
import app.essayqa.ingest.Library;
import app.essayqa.question.FollowUp;
import app.essayqa.question.Query;
import app.essayqa.question.QueryBuilder;
import app.essayqa.question.Question;
import app.essayqa.question.QuestionAnalyzer;
import app.essayqa.question.QuestionText;
import app.essayqa.question.Scope;
import app.essayqa.question.Turn;
import app.essayqa.retrieve.PassageFinder;
import app.essayqa.retrieve.ScoredPassage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade every front end talks to: a question in, an {@link Answer} out, through the stages
 * clean, analyse, build the query, retrieve, judge, compose. {@link EssayQaFactory} builds the
 * stages (opening reads the seeds, loads the model and builds or reuses the index: the only slow
 * step). Thread-safe: {@link #ask} may be called from several threads at once. Throws {@link
 * EssayQaException} for anything a user can fix; its message is fit to print.
 */
public final class EssayQa implements Answerer {
  private static final Logger LOG = LoggerFactory.getLogger(EssayQa.class);

  /** The stages, built by the factory. */
  record Stages(
      Config config,
      Library library,
      int maxQuestionChars,
      QuestionAnalyzer analyzer,
      QueryBuilder queries,
      PassageFinder finder,
      AbstentionPolicy abstention,
      Definitions definitions,
      AnswerComposer composer,
      AnswerComposer quoter,
      Refusal refusals,
      TurnReader turns,
      List<AutoCloseable> resources,
      String indexVersion) {}

  private final Stages s;

  EssayQa(Stages stages) {
    this.s = stages;
  }

  /** Reads the seeds and builds or loads the index described by {@code config}. */
  public static EssayQa open(Config config) {
    return EssayQaFactory.open(config, IndexProgress.NONE);
  }

  /** As {@link #open(Config)}, showing how indexing goes on {@code progress}. */
  public static EssayQa open(Config config, IndexProgress progress) {
    return EssayQaFactory.open(config, progress);
  }

  @Override
  public Answer ask(String question, Conversation conversation) {
    return ask(question, conversation, SentenceStream.NONE);
  }

  @Override
  public Answer ask(String question, Conversation conversation, SentenceStream stream) {
    long t0 = System.nanoTime();
    Map<String, Long> timings = new LinkedHashMap<>();
    String shown = question == null ? "" : question;
    QuestionText.Cleaned cleaned = QuestionText.clean(question, s.maxQuestionChars());
    if (cleaned.problem().isPresent()) {
      return s.refusals().problem(shown, cleaned.problem().get(), timings(timings, t0));
    }
    Optional<Turn> previous = conversation.last().flatMap(s.turns()::of);
    Question q = s.analyzer().analyse(shown, cleaned.text(), previous);
    if (q.terms().isEmpty() && q.scope() == Scope.FACT && q.followUp() == FollowUp.STANDALONE) {
      return s.refusals().nothingToLookFor(shown, timings(timings, t0));
    }
    long t1 = System.nanoTime();
    Query query = s.queries().build(q);
    timings.put("embed", ms(t1));
    long t2 = System.nanoTime();
    List<ScoredPassage> ranked = s.finder().find(query);
    timings.put("retrieve", ms(t2));
    long t3 = System.nanoTime();
    if (ranked.isEmpty() && q.scope() == Scope.CONTINUE) {
      return s.refusals().endOfText(shown, timings(timings, t0));
    }
    AbstentionPolicy.Verdict verdict =
        s.definitions().judge(query, ranked).orElseGet(() -> s.abstention().judge(query, ranked));
    List<Evidence> evidence = Evidence.of(verdict.ranked(), verdict.judged());
    Answer answer;
    if (verdict.abstainReason().isPresent()) {
      timings.put("compose", ms(t3));
      answer =
          s.refusals()
              .notAnswered(
                  shown, verdict.abstainReason().get(), ranked, evidence, timings(timings, t0));
    } else {
      boolean wholeText = q.scope() == Scope.OVERVIEW || q.scope() == Scope.CONTINUE;
      Composed composed =
          wholeText
              ? s.quoter().compose(q.text(), verdict.ranked(), List.of())
              : s.composer()
                  .compose(q.text(), verdict.ranked(), q.terms(), conversation.turns(), stream);
      timings.put("compose", ms(t3));
      // A language model that finds no answer in the passages refuses as the policy would.
      answer =
          composed.declined()
              ? s.refusals()
                  .declined(shown, ranked, evidence, timings(timings, t0), composed.generation())
              : new Answer(
                  shown,
                  composed.text(),
                  false,
                  composed.citations(),
                  List.of(),
                  s.indexVersion(),
                  timings(timings, t0),
                  evidence,
                  composed.generation());
      if (!answer.abstained()) {
        answer = answer.withShortAnswer(ShortAnswerFinder.find(q, answer.citations()));
      }
    }
    LOG.debug(
        "ask: scope={} follow-up={} {} candidates, abstained={}, signals={} in {} ms",
        q.scope(),
        q.followUp(),
        ranked.size(),
        answer.abstained(),
        verdict.signals(),
        answer.timingsMs().get("total"));
    return answer;
  }

  @Override
  public Library library() {
    return s.library();
  }

  @Override
  public String indexVersion() {
    return s.indexVersion();
  }

  public Config config() {
    return s.config();
  }

  @Override
  public void close() {
    for (AutoCloseable resource : s.resources()) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.debug("close: {}", e.toString());
      }
    }
  }

  private static Map<String, Long> timings(Map<String, Long> timings, long t0) {
    timings.put("total", ms(t0));
    return timings;
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
