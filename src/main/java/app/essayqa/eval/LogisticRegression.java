package app.essayqa.eval;

import app.essayqa.answer.Logistic;
import java.util.Arrays;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). Hand-written because the fit is a few hundred rows of a dozen features: a machine
 * learning library would be a large dependency for thirty lines of arithmetic. Features are
 * standardised for the fit, so one penalty suits them all, and the weights returned are for the raw
 * features.
 */
final class LogisticRegression {
  private static final int MAX_ITERATIONS = 100;
  private static final double CONVERGED = 1e-9;

  private LogisticRegression() {}

  /**
   * The fitted model.
   *
   * @param weights one per feature, for raw (unstandardised) values
   * @param bias the intercept, not penalised
   */
  record Fit(double[] weights, double bias) {
    double score(double[] x) {
      double z = bias;
      for (int i = 0; i < x.length; i++) {
        z += weights[i] * x[i];
      }
      return Logistic.sigmoid(z);
    }

    boolean finite() {
      return Double.isFinite(bias) && Arrays.stream(weights).allMatch(Double::isFinite);
    }
  }

  /**
   * @param x one row of features per example
   * @param y 1 for a positive example, 0 for a negative one
   * @param l2 the penalty on the squared standardised weights
   */
  static Fit fit(double[][] x, int[] y, double l2) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      // A feature constant over the data gets no weight of its own: the penalty keeps it at 0.
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
    double[][] z = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < d; j++) {
        z[i][j + 1] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    double[] w = new double[d + 1];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[d + 1];
      double[][] hessian = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double p = Logistic.sigmoid(dot(w, z[i]));
        double r = p * (1 - p);
        for (int a = 0; a <= d; a++) {
          gradient[a] += (p - y[i]) * z[i][a];
          for (int b = 0; b <= d; b++) {
            hessian[a][b] += r * z[i][a] * z[i][b];
          }
        }
      }
      for (int a = 1; a <= d; a++) {
        gradient[a] += l2 * w[a];
        hessian[a][a] += l2;
      }
      hessian[0][0] += 1e-9;
      double[] step = solve(hessian, gradient);
      double size = 0;
      for (int a = 0; a <= d; a++) {
        w[a] -= step[a];
        size = Math.max(size, Math.abs(step[a]));
      }
      if (size < CONVERGED) {
        break;
      }
    }
    double[] raw = new double[d];
    double bias = w[0];
    for (int j = 0; j < d; j++) {
      raw[j] = w[j + 1] / scale[j];
      bias -= raw[j] * mean[j];
    }
    return new Fit(raw, bias);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves {@code m v = b} by Gaussian elimination with partial pivoting; {@code m} is changed. */
  static double[] solve(double[][] m, double[] b) {
    int n = b.length;
    double[] v = b.clone();
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      double tv = v[col];
      v[col] = v[pivot];
      v[pivot] = tv;
      for (int row = col + 1; row < n; row++) {
        double f = m[row][col] / m[col][col];
        v[row] -= f * v[col];
        for (int k = col; k < n; k++) {
          m[row][k] -= f * m[col][k];
        }
      }
    }
    for (int row = n - 1; row >= 0; row--) {
      double s = v[row];
      for (int k = row + 1; k < n; k++) {
        s -= m[row][k] * v[k];
      }
      v[row] = s / m[row][row];
    }
    return v;
  }
}
