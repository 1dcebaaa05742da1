package app.essayqa.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A fitted logistic regression: a probability from named features.
 *
 * @param names the features, in the order of the weights
 * @param weights one per feature
 * @param bias the intercept
 */
public record Logistic(List<String> names, List<Double> weights, double bias) {
  public Logistic {
    names = List.copyOf(names);
    weights = List.copyOf(weights);
    if (names.size() != weights.size()) {
      throw new IllegalArgumentException(names.size() + " features but " + weights.size());
    }
    if (!Double.isFinite(bias) || weights.stream().anyMatch(w -> !Double.isFinite(w))) {
      throw new IllegalArgumentException("a weight is not a finite number");
    }
  }

  /** The probability for the feature vector {@code x}, in the order of {@link #names}. */
  public double score(double[] x) {
    if (x.length != weights.size()) {
      throw new IllegalArgumentException(x.length + " features for " + weights.size() + " weights");
    }
    double z = bias;
    for (int i = 0; i < x.length; i++) {
      z += weights.get(i) * x[i];
    }
    return sigmoid(z);
  }

  /** The logistic function. */
  public static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Reads {@code prefix.bias} and {@code prefix.weight.NAME} for each of {@code names}. */
  static Logistic read(Properties p, String prefix, List<String> names) {
    List<Double> w = new ArrayList<>();
    for (String name : names) {
      w.add(DecisionModel.number(p, prefix + ".weight." + name));
    }
    return new Logistic(names, w, DecisionModel.number(p, prefix + ".bias"));
  }

  /** The keys {@link #read} reads, one per line. */
  String properties(String prefix) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s.bias=%.6f%n", prefix, bias));
    for (int i = 0; i < weights.size(); i++) {
      out.append(
          String.format(Locale.ROOT, "%s.weight.%s=%.6f%n", prefix, names.get(i), weights.get(i)));
    }
    return out.toString();
  }
}
