package dev.descent.train;

import dev.descent.init.Initializer;
import dev.descent.nn.Sequential;
import dev.descent.tensor.Tensor;

/**
 * An initializer that finishes its work on real data, such as LSUV (Mishkin and Matas 2015), which
 * rescales each layer until its outputs on a batch have unit variance. {@link #fill} gives the
 * data-free start; the {@link Trainer} then calls {@link #initialize} once, before the first
 * update, with a batch of training inputs (at most {@value Trainer#INITIALIZATION_BATCH} rows).
 */
public interface DataDependentInitializer extends Initializer {

  /**
   * Adjusts the weights of {@code model}'s layers that use this initializer, from the inputs
   * {@code batch}; returns a report whose {@code toString()} says what was done.
   */
  Object initialize(Sequential model, Tensor batch);
}
