/**
 * The training loop: {@link dev.descent.train.Trainer}, the three {@link
 * dev.descent.train.GradientDescent} variants (batch, stochastic, mini-batch), the {@link
 * dev.descent.train.Objective} (loss plus L2 penalty), {@link dev.descent.train.History}, metrics
 * and callbacks (early stopping, convergence).
 */
package dev.descent.train;
