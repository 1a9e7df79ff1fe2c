package dev.descent.nn;

/**
 * A layer that draws random numbers in training mode (such as {@link Dropout}) from a generator of
 * its own, whose position a checkpoint records so that a resumed run draws what the uninterrupted
 * run would have drawn.
 */
public interface Stochastic {

  /** The state of the layer's generator (meaningful once built). */
  long randomState();

  /** Reinstates a state taken by {@link #randomState()}. */
  void restoreRandomState(long state);
}
