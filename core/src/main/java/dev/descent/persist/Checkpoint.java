package dev.descent.persist;

import com.google.common.collect.ImmutableMap;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerState;
import dev.descent.optim.Optimizers;
import dev.descent.train.TrainingState;

/**
 * Everything a training run needs to continue exactly where it stood: the model with its weights,
 * the optimizer (its spec and state), the loop's {@link TrainingState} (counters, example order,
 * random-generator states, history, callback states), and free-form settings with which an
 * application records how it configured the run (the command line keeps its flags there).
 *
 * @param model the model, built, holding the weights
 * @param optimizerSpec the spec that rebuilds the optimizer
 * @param optimizerState the optimizer's per-parameter buffers and counters
 * @param state the training loop's state
 * @param settings application settings, by key
 */
public record Checkpoint(Sequential model, String optimizerSpec, OptimizerState optimizerState, TrainingState state,
    ImmutableMap<String, String> settings) {

  /** The optimizer rebuilt from its spec, holding the saved state and learning rate. */
  public Optimizer optimizer() {
    Optimizer optimizer = Optimizers.resolve(optimizerSpec);
    optimizer.restore(optimizerState);
    optimizer.setLearningRate(state.learningRate());
    return optimizer;
  }
}
