package dev.descent.optimizers;

import dev.descent.spec.Arguments;

/**
 * The validation every Adam-family rule shares, worded once: lr ≥ 0, beta1 and beta2 in [0, 1),
 * eps ≥ 0 and weight_decay ≥ 0 (the ranges {@code torch.optim.Adam} checks). Stateless.
 */
final class AdamFamilyChecks {
  private AdamFamilyChecks() {}

  /** Fails with a one-line message naming the first parameter of {@code rule} out of its range. */
  static void check(String rule, double lr, double beta1, double beta2, double eps, double weightDecay) {
    Arguments.atLeast(rule, "lr", lr, 0);
    Arguments.inHalfOpen(rule, "beta1", beta1, 0, 1);
    Arguments.inHalfOpen(rule, "beta2", beta2, 0, 1);
    Arguments.atLeast(rule, "eps", eps, 0);
    Arguments.atLeast(rule, "weight_decay", weightDecay, 0);
  }
}
