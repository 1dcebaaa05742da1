package app.essayqa.index;

/** Arithmetic on the unit-length vectors every ranking compares. */
public final class Vectors {
  private Vectors() {}

  /** The dot product: the cosine of two unit vectors. */
  public static double dot(float[] a, float[] b) {
    // Four running sums, so the JIT can overlap the multiplications (one sum serialises them);
    // dense scoring, late interaction and the near-synonym search make thousands of them for each
    // question.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return (double) s0 + s1 + s2 + s3;
  }
}
