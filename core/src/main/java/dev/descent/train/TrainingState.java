package dev.descent.train;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.descent.DescentException;
import java.util.List;
import java.util.Map;

/**
 * Where a training run stands after an update: everything beyond the model's weights and the
 * optimizer's state that a resumed run needs to continue exactly as the uninterrupted one would.
 * Taken by {@link TrainingProgress#state()} and given to {@link Trainer#fit(dev.descent.data.Dataset,
 * dev.descent.data.Dataset, TrainingState)}.
 *
 * @param update updates completed
 * @param epoch the current epoch, counting from 1 (0 before the first)
 * @param position examples of the current epoch's order already consumed
 * @param epochEnded whether the current epoch's end (history row, evaluation, callbacks) has run
 * @param order the current epoch's example order
 * @param shuffleState the state of the shuffling generator ({@link dev.descent.random.SplitMix64})
 * @param lossSum Σ batch objective × batch size over the current epoch's updates
 * @param correct correct predictions over the current epoch's updates
 * @param predictions predictions over the current epoch's updates
 * @param seen examples of the current epoch that took part in an update
 * @param skipped batches skipped so far under {@link NonFinitePolicy#SKIP}
 * @param seconds training time so far, in seconds
 * @param history what has been recorded so far
 * @param callbacks each callback's {@link TrainingCallback#state}, in the configuration's order
 * @param layerRandom the random-generator states of the model's layers, by layer name
 */
public record TrainingState(
    long update, int epoch, int position, boolean epochEnded, int[] order, long shuffleState,
    double lossSum, long correct, long predictions, int seen, long skipped, double seconds,
    History.Data history, ImmutableList<ImmutableMap<String, double[]>> callbacks,
    ImmutableMap<String, Long> layerRandom) {

  /** Checks the counters are consistent with each other. */
  public TrainingState {
    if (update < 0 || epoch < 0 || position < 0 || position > order.length || seen < 0 || skipped < 0
        || correct < 0 || predictions < 0) {
      throw new DescentException(String.format(
          "inconsistent training state: update %d, epoch %d, position %d of %d, seen %d", update, epoch, position,
          order.length, seen));
    }
    if (history.updateLoss().length != update) {
      throw new DescentException(String.format(
          "inconsistent training state: %d updates but %d recorded losses", update, history.updateLoss().length));
    }
  }

  /** The single value of entry {@code name} of a callback's state; {@code owner} names the callback in errors. */
  public static double scalar(Map<String, double[]> state, String name, String owner) {
    double[] v = state.get(name);
    if (v == null || v.length != 1) {
      throw new DescentException(String.format(
          "%s: the saved state lacks a single value '%s' (has %s)", owner, name, state.keySet()));
    }
    return v[0];
  }

  /** Deep copies of callback states. */
  static ImmutableList<ImmutableMap<String, double[]>> copy(List<? extends Map<String, double[]>> states) {
    ImmutableList.Builder<ImmutableMap<String, double[]>> all = ImmutableList.builder();
    for (Map<String, double[]> state : states) {
      ImmutableMap.Builder<String, double[]> one = ImmutableMap.builder();
      state.forEach((k, v) -> one.put(k, v.clone()));
      all.add(one.buildOrThrow());
    }
    return all.build();
  }
}
