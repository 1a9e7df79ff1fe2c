package dev.descent.kernel.vector;

import dev.descent.kernel.ScalarElementwise;
import java.util.SplittableRandom;

/**
 * Run by {@link VectorElementwiseTest} in a child JVM: computes binary cross-entropy from logits with
 * the {@code vector} kernel and with the scalar definition over the same logits, {@code rounds}
 * times (enough rounds and C2 compiles the loops; with {@code -Xint} the Vector API runs its Java
 * fallback), and prints {@code differing N}, the number of outputs whose bits differ in the last
 * round.
 */
public final class ElementwiseStagesProbe {
  private ElementwiseStagesProbe() {}

  /** {@code args[0]}: the number of rounds. */
  public static void main(String[] args) {
    System.out.println("differing " + differingOutputs(Integer.parseInt(args[0])));
  }

  /** The outputs of the last of {@code rounds} calls whose bits differ from the definition's. */
  static int differingOutputs(int rounds) {
    int n = 1_001;
    SplittableRandom random = new SplittableRandom(41);
    double[] z = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = random.nextGaussian() * (i % 3 == 0 ? 30 : 3);
      t[i] = random.nextInt(2);
    }
    double[][] vector = {new double[n], new double[n], new double[n]};
    for (int r = 0; r < rounds; r++) {
      VectorElementwise.INSTANCE.logitCrossEntropy(z, t, 1.0 / n, vector[0], vector[1], vector[2], 0, n);
    }
    double[][] scalar = {new double[n], new double[n], new double[n]};
    ScalarElementwise.INSTANCE.logitCrossEntropy(z, t, 1.0 / n, scalar[0], scalar[1], scalar[2], 0, n);
    int differing = 0;
    for (int o = 0; o < 3; o++) {
      for (int i = 0; i < n; i++) {
        if (Double.doubleToLongBits(vector[o][i]) != Double.doubleToLongBits(scalar[o][i])) {
          differing++;
        }
      }
    }
    return differing;
  }
}
