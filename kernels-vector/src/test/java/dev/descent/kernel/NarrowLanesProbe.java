package dev.descent.kernel;

import jdk.incubator.vector.VectorShape;

/**
 * Run by {@link NarrowLanesTest} in a child JVM held to AVX2 ({@code -XX:UseAVX=2}): prints the width
 * of the processor's vectors as the Vector API sees them, then runs the {@code vector} kernel's ReLU
 * contracts ({@link ReluEpiloguesContractTest}, and the ReLU gradient of {@link
 * ElementwiseContractTest}) {@code rounds} times, enough for C2 to compile the loops, and prints
 * {@code contracts hold}; a broken contract ends it with its assertion.
 */
public final class NarrowLanesProbe {
  private NarrowLanesProbe() {}

  /** {@code args[0]}: how many times to run the contracts. */
  public static void main(String[] args) {
    System.out.println("vector bits " + VectorShape.preferredShape().vectorBitSize());
    MatrixKernels vector = Kernels.all().stream().filter(k -> k.name().equals("vector")).findFirst().orElseThrow();
    int rounds = Integer.parseInt(args[0]);
    for (int r = 0; r < rounds; r++) {
      new ReluEpiloguesContractTest().fusedStepsGiveTheBitsOfTheProductFollowedByTheStep(vector);
      new ReluEpiloguesContractTest().fusedStepsTakeInfinitiesNansAndExtremesAsTheStepsDo(vector);
      new ElementwiseContractTest().reluGradientIsBitForBitTheScalarDefinition(vector);
    }
    System.out.println("contracts hold");
  }
}
