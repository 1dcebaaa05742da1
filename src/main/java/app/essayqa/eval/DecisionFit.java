package app.essayqa.eval;

import app.essayqa.Answerer;
import app.essayqa.answer.Answer;
import app.essayqa.answer.DecisionModel;
import app.essayqa.answer.Evidence;
import app.essayqa.answer.Judgement;
import app.essayqa.answer.Logistic;
import app.essayqa.answer.PassageFeatures;
import app.essayqa.answer.QuestionFeatures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fits the {@link DecisionModel} ({@code essay-qa calibrate}): runs a suite's questions through the
 * pipeline with the rules deciding, takes the features of every passage abstention judged, labelled
 * by whether it holds the case's expected evidence (every passage of an unanswerable case is a
 * negative), and fits the two logistic regressions. The penalties are chosen, and the threshold
 * set, on out-of-fold scores of a k-fold cross-validation by question: the ordering figures it
 * prints are of questions the weights were not fitted on; the refusal figures are of the same
 * scores the threshold was chosen on, so they are optimistic.
 */
public final class DecisionFit {
  /** Penalties tried; the one with the least out-of-fold log loss is kept. */
  private static final double[] PENALTIES = {0.01, 0.1, 1, 10, 100};

  private final int folds;
  private final double refusalError;

  /**
   * @param folds the number of cross-validation folds (cases are dealt to them in turn)
   * @param refusalError the most answerable questions the threshold may refuse, as a share
   */
  public DecisionFit(int folds, double refusalError) {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be at least 2, got " + folds);
    }
    if (!(refusalError >= 0 && refusalError < 1)) {
      throw new IllegalArgumentException("the refusal error must be in 0..1, got " + refusalError);
    }
    this.folds = folds;
    this.refusalError = refusalError;
  }

  /** One candidate passage of a case. */
  private record Row(PassageFeatures features, int y, boolean about) {
    double[] x() {
      return features.vector();
    }
  }

  /**
   * One question: its candidates, or none when it was decided before the model (an unknown name, a
   * definition, nothing close).
   *
   * @param answerable the suite expects an answer
   * @param refusedBefore it was refused before the model, as it will be whatever the weights
   * @param rulesRefused the rules refused it
   */
  private record Case(
      int index, boolean answerable, List<Row> rows, boolean refusedBefore, boolean rulesRefused) {
    boolean judged() {
      return !rows.isEmpty();
    }
  }

  /**
   * A question the answer score judges: the features of the passage it would answer from, labelled
   * by whether the question is answerable (so the threshold trades answerable questions refused
   * against unanswerable ones answered, the refusal error it is set for).
   */
  private record Choice(Case source, QuestionFeatures features, boolean right) {
    int y() {
      return source.answerable() ? 1 : 0;
    }
  }

  /** What the fit made: the model and the figures to print and to write above it. */
  public record Result(DecisionModel model, String summary) {}

  /** A penalty chosen by cross-validation, with its out-of-fold scores. */
  private record Chosen(double penalty, double[][] outOfFold, String losses) {}

  /**
   * Runs the suites' cases (the shipped tuning suite when none is given) through {@code source} and
   * fits the model to them.
   *
   * @param settings the settings the answers were made under, written with the model
   * @throws SuiteException for a suite that cannot be read or gives too little to fit on
   */
  public Result fit(
      Answerer source,
      List<Path> suiteFiles,
      String settings,
      String command,
      PrintWriter progress) {
    List<Suite> suites = validated(suiteFiles);
    List<Case> cases = new ArrayList<>();
    for (Suite suite : suites) {
      try (SuiteReader.CaseStream stream = SuiteReader.cases(suite)) {
        while (stream.hasNext()) {
          EvalCase c = stream.next();
          if (!c.abstain() && c.evidence().isEmpty()) {
            continue; // nothing to tell its right passage by
          }
          cases.add(caseOf(cases.size(), c, source.ask(c.question())));
          if (cases.size() % 20 == 0) {
            progress.println("  " + cases.size() + " questions asked");
            progress.flush();
          }
        }
      }
    }
    List<Case> judged = cases.stream().filter(Case::judged).toList();
    if (judged.size() < 2 * folds) {
      throw new SuiteException(
          "the suites give "
              + judged.size()
              + " questions the model would judge; "
              + folds
              + " folds need at least "
              + 2 * folds);
    }
    double[][] passageX =
        judged.stream().flatMap(c -> c.rows().stream()).map(Row::x).toArray(double[][]::new);
    int[] passageY = judged.stream().flatMap(c -> c.rows().stream()).mapToInt(Row::y).toArray();
    requireBothKinds(passageY, "passages");
    Chosen order =
        choose(
            judged.stream()
                .map(c -> c.rows().stream().map(Row::x).toArray(double[][]::new))
                .toList(),
            judged.stream().map(c -> c.rows().stream().mapToInt(Row::y).toArray()).toList());
    // The answer score is fitted on out-of-fold ordering scores, as it meets unseen questions.
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      choice(judged.get(i), order.outOfFold()[i]).ifPresent(choices::add);
    }
    int[] choiceY = choices.stream().mapToInt(Choice::y).toArray();
    requireBothKinds(choiceY, "questions");
    if (choices.size() < 2 * folds) {
      throw new SuiteException("the suites give too few questions to fit the answer score on");
    }
    Chosen answer =
        choose(
            choices.stream().map(c -> new double[][] {c.features().vector()}).toList(),
            choices.stream().map(c -> new int[] {c.y()}).toList());
    double[] answerScores = new double[choices.size()];
    for (int i = 0; i < choices.size(); i++) {
      answerScores[i] = answer.outOfFold()[i][0];
    }
    double threshold = threshold(cases, choices, answerScores);
    LogisticRegression.Fit orderFit = LogisticRegression.fit(passageX, passageY, order.penalty());
    LogisticRegression.Fit answerFit =
        LogisticRegression.fit(
            choices.stream().map(c -> c.features().vector()).toArray(double[][]::new),
            choiceY,
            answer.penalty());
    if (!orderFit.finite() || !answerFit.finite()) {
      throw new SuiteException("the fit did not converge: the suites separate too little");
    }
    DecisionModel model =
        new DecisionModel(
            logistic(PassageFeatures.NAMES, orderFit),
            logistic(QuestionFeatures.NAMES, answerFit),
            threshold,
            settings);
    return new Result(
        model, summary(command, cases, judged, order, answer, choices, answerScores, threshold));
  }

  /**
   * Checks the suites as {@link #fit} will read them, so that a mistake is found before a model
   * loads.
   *
   * @throws SuiteException naming the file, line and field of the first mistake
   */
  public static void check(List<Path> suiteFiles) {
    validated(suiteFiles);
  }

  private static List<Suite> validated(List<Path> files) {
    List<Suite> suites = new ArrayList<>();
    for (Path file : files.isEmpty() ? List.of(ShippedSuite.path()) : files) {
      suites.add(SuiteReader.validate(file));
    }
    return suites;
  }

  private static Logistic logistic(List<String> names, LogisticRegression.Fit fit) {
    return new Logistic(names, Arrays.stream(fit.weights()).boxed().toList(), fit.bias());
  }

  private static void requireBothKinds(int[] y, String what) {
    if (Arrays.stream(y).noneMatch(v -> v == 1) || Arrays.stream(y).allMatch(v -> v == 1)) {
      throw new SuiteException("the suites give no " + what + " of both kinds to fit on");
    }
  }

  private static Case caseOf(int index, EvalCase c, Answer answer) {
    List<Row> rows = new ArrayList<>();
    for (Evidence e : answer.evidence()) {
      Optional<Judgement> j = e.judgement();
      if (j.isEmpty()) {
        continue;
      }
      boolean holds =
          !c.abstain() && c.evidence().stream().anyMatch(p -> Matching.containsPhrase(e.text(), p));
      rows.add(new Row(j.get().features(), holds ? 1 : 0, j.get().about()));
    }
    return new Case(
        index, !c.abstain(), rows, rows.isEmpty() && answer.abstained(), answer.abstained());
  }

  /**
   * The passage a case would be answered from by {@code scores} (the best-scored it is about),
   * described for the answer score; empty when it is about none.
   */
  private static Optional<Choice> choice(Case c, double[] scores) {
    int pick = -1;
    List<PassageFeatures> about = new ArrayList<>();
    for (int r = 0; r < c.rows().size(); r++) {
      if (c.rows().get(r).about()) {
        about.add(c.rows().get(r).features());
        if (pick < 0 || scores[r] > scores[pick]) {
          pick = r;
        }
      }
    }
    if (pick < 0) {
      return Optional.empty();
    }
    Row chosen = c.rows().get(pick);
    return Optional.of(
        new Choice(
            c, QuestionFeatures.of(chosen.features(), scores[pick], about), chosen.y() == 1));
  }

  /**
   * The penalty with the least out-of-fold log loss, over groups of examples (a question's
   * passages) that stay in one fold.
   */
  private Chosen choose(List<double[][]> x, List<int[]> y) {
    double bestLoss = Double.POSITIVE_INFINITY;
    double bestPenalty = 0;
    double[][] bestScores = null;
    StringBuilder losses = new StringBuilder();
    for (double l2 : PENALTIES) {
      double[][] scores = crossValidated(x, y, l2);
      double loss = logLoss(y, scores);
      losses.append(String.format(Locale.ROOT, " %s:%.4f", l2, loss));
      if (loss < bestLoss) {
        bestLoss = loss;
        bestPenalty = l2;
        bestScores = scores;
      }
    }
    if (bestScores == null) {
      throw new SuiteException("the fit did not converge: the suites separate too little");
    }
    return new Chosen(bestPenalty, bestScores, losses.toString().strip());
  }

  /** Out-of-fold scores: each group scored by a model fitted without its fold. */
  private double[][] crossValidated(List<double[][]> x, List<int[]> y, double l2) {
    double[][] scores = new double[x.size()][];
    for (int fold = 0; fold < folds; fold++) {
      List<double[]> trainX = new ArrayList<>();
      List<Integer> trainY = new ArrayList<>();
      for (int i = 0; i < x.size(); i++) {
        if (i % folds != fold) {
          trainX.addAll(Arrays.asList(x.get(i)));
          Arrays.stream(y.get(i)).forEach(trainY::add);
        }
      }
      LogisticRegression.Fit fit =
          LogisticRegression.fit(
              trainX.toArray(double[][]::new),
              trainY.stream().mapToInt(Integer::intValue).toArray(),
              l2);
      for (int i = fold; i < x.size(); i += folds) {
        scores[i] = Arrays.stream(x.get(i)).mapToDouble(fit::score).toArray();
      }
    }
    return scores;
  }

  private static double logLoss(List<int[]> y, double[][] scores) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < y.size(); i++) {
      for (int r = 0; r < y.get(i).length; r++) {
        double p = Math.min(1 - 1e-12, Math.max(1e-12, scores[i][r]));
        sum -= y.get(i)[r] == 1 ? Math.log(p) : Math.log(1 - p);
        n++;
      }
    }
    return sum / n;
  }

  /** Whether the passage the rules answered from (the first the case is about) holds the answer. */
  private static boolean rightInRulesOrder(Case c) {
    return c.rows().stream().filter(Row::about).findFirst().map(r -> r.y() == 1).orElse(false);
  }

  /**
   * Whether the best-fused passage the case is about holds the answer (its rows are in the order
   * the rules answered in, so the fused rank is read from the features).
   */
  private static boolean rightInFusedOrder(Case c) {
    return c.rows().stream()
        .filter(Row::about)
        .max(Comparator.comparingDouble(r -> r.features().reciprocalRank()))
        .map(r -> r.y() == 1)
        .orElse(false);
  }

  /**
   * The threshold that refuses the most unanswerable questions while refusing at most {@code
   * refusalError} of the answerable ones (those refused before the answer score included), and of
   * those the one refusing the fewest answerable: the budget is a ceiling, not a quota. Candidates
   * lie halfway between consecutive out-of-fold scores.
   */
  private double threshold(List<Case> cases, List<Choice> choices, double[] scores) {
    long answerable = cases.stream().filter(Case::answerable).count();
    long judgedAnswerable = choices.stream().filter(c -> c.source().answerable()).count();
    long answeredBefore =
        cases.stream().filter(c -> c.answerable() && !c.judged() && !c.refusedBefore()).count();
    long refusedBefore = answerable - judgedAnswerable - answeredBefore;
    long budget = (long) Math.floor(refusalError * answerable) - refusedBefore;
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double best = Math.nextDown(sorted[0]);
    long bestUnanswerable = -1;
    long bestAnswerable = Long.MAX_VALUE;
    for (int i = 0; i <= sorted.length; i++) {
      double t =
          i == 0
              ? Math.nextDown(sorted[0])
              : i == sorted.length ? Math.nextUp(sorted[i - 1]) : (sorted[i - 1] + sorted[i]) / 2;
      long refusedAnswerable = 0;
      long refusedUnanswerable = 0;
      for (int c = 0; c < choices.size(); c++) {
        if (scores[c] < t) {
          if (choices.get(c).source().answerable()) {
            refusedAnswerable++;
          } else {
            refusedUnanswerable++;
          }
        }
      }
      if (refusedAnswerable > Math.max(0, budget)) {
        break;
      }
      if (refusedUnanswerable > bestUnanswerable
          || (refusedUnanswerable == bestUnanswerable && refusedAnswerable < bestAnswerable)) {
        best = t;
        bestUnanswerable = refusedUnanswerable;
        bestAnswerable = refusedAnswerable;
      }
    }
    return best;
  }

  private String summary(
      String command,
      List<Case> cases,
      List<Case> judged,
      Chosen order,
      Chosen answer,
      List<Choice> choices,
      double[] answerScores,
      double threshold) {
    long rows = judged.stream().mapToLong(c -> c.rows().size()).sum();
    long positives =
        judged.stream().flatMap(c -> c.rows().stream()).filter(r -> r.y() == 1).count();
    Map<Integer, Double> scoreOf = new HashMap<>();
    Map<Integer, Boolean> rightOf = new HashMap<>();
    for (int i = 0; i < choices.size(); i++) {
      scoreOf.put(choices.get(i).source().index(), answerScores[i]);
      rightOf.put(choices.get(i).source().index(), choices.get(i).right());
    }
    int answerable = 0;
    int answerableRefused = 0;
    int rulesAnswerableRefused = 0;
    int unanswerable = 0;
    int unanswerableRefused = 0;
    int rulesUnanswerableRefused = 0;
    int withRight = 0;
    int fusedRight = 0;
    int rulesRight = 0;
    int scoredRight = 0;
    for (Case c : cases) {
      boolean refused =
          c.judged() ? scoreOf.getOrDefault(c.index(), -1.0) < threshold : c.rulesRefused();
      if (c.answerable()) {
        answerable++;
        answerableRefused += refused ? 1 : 0;
        rulesAnswerableRefused += c.rulesRefused() ? 1 : 0;
      } else {
        unanswerable++;
        unanswerableRefused += refused ? 1 : 0;
        rulesUnanswerableRefused += c.rulesRefused() ? 1 : 0;
      }
      if (c.judged() && c.answerable() && c.rows().stream().anyMatch(r -> r.y() == 1)) {
        withRight++;
        fusedRight += rightInFusedOrder(c) ? 1 : 0;
        rulesRight += rightInRulesOrder(c) ? 1 : 0;
        scoredRight += rightOf.getOrDefault(c.index(), false) ? 1 : 0;
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Fitted by: ").append(command).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%d questions (%d judged by the model), %d candidate passages, %d holding the"
                + " answer; %d-fold cross-validation by question%n",
            cases.size(),
            judged.size(),
            rows,
            positives,
            folds));
    out.append(
        String.format(
            Locale.ROOT,
            "Ordering score: L2 %s (out-of-fold log loss by L2: %s)%n",
            order.penalty(),
            order.losses()));
    out.append(
        String.format(
            Locale.ROOT,
            "Answer score: L2 %s (out-of-fold log loss by L2: %s), threshold %.4f%n",
            answer.penalty(),
            answer.losses(),
            threshold));
    out.append(
        String.format(
            Locale.ROOT,
            "Out of fold, the right passage first where one was a candidate (%d): fused order %.3f,"
                + " the rules' order %.3f, calibrated order %.3f%n",
            withRight,
            ratio(fusedRight, withRight),
            ratio(rulesRight, withRight),
            ratio(scoredRight, withRight)));
    out.append(
        String.format(
            Locale.ROOT,
            "Out of fold, the threshold chosen on these scores: answerable refused (%d): calibrated"
                + " %.3f, rules %.3f (target <= %.3f)%n",
            answerable,
            ratio(answerableRefused, answerable),
            ratio(rulesAnswerableRefused, answerable),
            refusalError));
    out.append(
        String.format(
            Locale.ROOT,
            "Out of fold, the threshold chosen on these scores: unanswerable refused (%d):"
                + " calibrated %.3f, rules %.3f%n",
            unanswerable,
            ratio(unanswerableRefused, unanswerable),
            ratio(rulesUnanswerableRefused, unanswerable)));
    return out.toString();
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : a / (double) b;
  }
}
