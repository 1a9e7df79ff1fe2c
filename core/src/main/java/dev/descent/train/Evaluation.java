package dev.descent.train;

/**
 * A model's objective and accuracy on a dataset.
 *
 * @param loss the objective (loss plus penalty)
 * @param accuracy the fraction classified correctly, NaN for regression
 */
public record Evaluation(double loss, double accuracy) {}
