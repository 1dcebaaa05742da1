package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  @Test
  void should_solve_a_linear_system() {
    double[][] m = {{2, 1, 0}, {1, 3, 1}, {0, 1, 4}};
    double[] b = {3, 5, 5};

    double[] v = LogisticRegression.solve(m, b);

    assertThat(v[0]).isCloseTo(1, within(1e-12));
    assertThat(v[1]).isCloseTo(1, within(1e-12));
    assertThat(v[2]).isCloseTo(1, within(1e-12));
  }

  @Test
  void should_recover_the_weights_that_made_the_labels() {
    // Labels drawn from p = logistic(-1 + 3 x0 - 2 x1); x2 is noise.
    Random random = new Random(7);
    int n = 4000;
    double[][] x = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      double p = 1 / (1 + Math.exp(-(-1 + 3 * x[i][0] - 2 * x[i][1])));
      y[i] = random.nextDouble() < p ? 1 : 0;
    }

    LogisticRegression.Fit fit = LogisticRegression.fit(x, y, 0.01);

    assertThat(fit.weights()[0]).isCloseTo(3, within(0.4));
    assertThat(fit.weights()[1]).isCloseTo(-2, within(0.4));
    assertThat(fit.weights()[2]).isCloseTo(0, within(0.4));
    assertThat(fit.bias()).isCloseTo(-1, within(0.4));
  }

  @Test
  void should_give_a_feature_that_never_varies_no_weight() {
    double[][] x = {{0, 1}, {1, 1}, {0, 1}, {1, 1}, {0.5, 1}};
    int[] y = {0, 1, 0, 1, 1};

    LogisticRegression.Fit fit = LogisticRegression.fit(x, y, 1);

    assertThat(fit.weights()[1]).isZero();
    assertThat(fit.weights()[0]).isPositive();
  }

  @Test
  void should_shrink_weights_as_the_penalty_grows() {
    double[][] x = {{0}, {0.2}, {0.4}, {0.6}, {0.8}, {1}};
    int[] y = {0, 0, 1, 0, 1, 1};

    double loose = LogisticRegression.fit(x, y, 0.01).weights()[0];
    double tight = LogisticRegression.fit(x, y, 100).weights()[0];

    assertThat(tight).isPositive().isLessThan(loose);
  }
}
