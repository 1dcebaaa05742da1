package app.essayqa.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The calibrated decisions, fitted on the tuning suite by {@code essay-qa calibrate} (README
 * "Calibrated decisions"): an ordering score, the probability that a candidate passage holds the
 * answer (a logistic regression over its {@link PassageFeatures}), picks the passage to answer
 * from; an answer score, the probability that the question is answerable from it (a second
 * regression over {@link QuestionFeatures}), decides: the question is answered when it reaches
 * {@link #threshold}, chosen in cross-validation for a target share of answerable questions
 * refused. Cosines differ between embedding models, so each has its own fitted model.
 *
 * @param order the ordering score's regression
 * @param answer the answer score's regression
 * @param threshold least answer score to answer
 * @param settings the settings it was fitted under ({@code ConfigKeys.decisionInputs}): it is used
 *     only under the same, since they shape every feature
 */
public record DecisionModel(Logistic order, Logistic answer, double threshold, String settings) {
  public DecisionModel {
    if (!order.names().equals(PassageFeatures.NAMES)
        || !answer.names().equals(QuestionFeatures.NAMES)) {
      throw new IllegalArgumentException("a decision model's features are not this build's");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("a decision model's threshold must be in 0..1");
    }
  }

  /** The resource holding the fitted model of an embedding model, beside this class. */
  public static String resourceName(String embeddingModel) {
    return "decision-" + embeddingModel + ".properties";
  }

  /** The fitted model shipped for {@code embeddingModel}; empty when none was fitted for it. */
  public static Optional<DecisionModel> shipped(String embeddingModel) {
    try (InputStream in = DecisionModel.class.getResourceAsStream(resourceName(embeddingModel))) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.of(of(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      // A build ships its own resources: a damaged one is this build's bug, named as such.
      throw new IllegalStateException(resourceName(embeddingModel) + ": " + e.getMessage(), e);
    }
  }

  /** Reads the keys {@link #properties()} writes. */
  static DecisionModel of(Properties p) {
    return new DecisionModel(
        Logistic.read(p, "order", PassageFeatures.NAMES),
        Logistic.read(p, "answer", QuestionFeatures.NAMES),
        number(p, "threshold"),
        p.getProperty("fitted.settings", ""));
  }

  static double number(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("no " + key);
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + value.strip(), e);
    }
  }

  /** The model's keys, one per line, in a stable order. */
  public String properties() {
    return order.properties("order")
        + answer.properties("answer")
        + String.format(Locale.ROOT, "threshold=%.6f%n", threshold)
        + "fitted.settings="
        + settings
        + System.lineSeparator();
  }

  /** The probability that the passage with these features holds the answer. */
  public double orderScore(PassageFeatures features) {
    return order.score(features.vector());
  }

  /** The probability that the question is answerable from the passage these describe. */
  public double answerScore(QuestionFeatures features) {
    return answer.score(features.vector());
  }
}
