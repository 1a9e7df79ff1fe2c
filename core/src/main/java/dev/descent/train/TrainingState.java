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
 * @param learningRate the optimizer's learning rate for the next update (a schedule may have moved it)
 * @param history what has been recorded so far
 * @param callbacks each callback's class and {@link TrainingCallback#state}, in the configuration's order
 * @param layerRandom the random-generator states of the model's layers, by layer name
 */
public record TrainingState(
    long update, int epoch, int position, boolean epochEnded, int[] order, long shuffleState,
    double lossSum, long correct, long predictions, int seen, long skipped, double seconds, double learningRate,
    History.Data history, ImmutableList<CallbackState> callbacks,
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

  /**
   * The state of one callback: its class name and what {@link TrainingCallback#state} returned.
   *
   * @param type the callback's class name
   * @param values the named arrays (copied in)
   */
  public record CallbackState(String type, ImmutableMap<String, double[]> values) {

    /** The state of {@code callback}, copied. */
    public static CallbackState of(TrainingCallback callback) {
      return of(callback.getClass().getName(), callback.state());
    }

    /** A state of a callback of class {@code type}, copied from {@code values}. */
    public static CallbackState of(String type, Map<String, double[]> values) {
      ImmutableMap.Builder<String, double[]> copy = ImmutableMap.builder();
      values.forEach((k, v) -> copy.put(k, v.clone()));
      return new CallbackState(type, copy.buildOrThrow());
    }
  }

  /**
   * Gives each of {@code callbacks} its saved state. Callbacks are matched by position; a position
   * whose saved state is empty may hold any callback (stateless callbacks such as progress output
   * can be added or removed between runs), but a saved state must find a callback of its class.
   */
  void restoreCallbacks(List<TrainingCallback> callbacks) {
    for (int i = 0; i < Math.max(callbacks.size(), this.callbacks.size()); i++) {
      CallbackState saved = i < this.callbacks.size() ? this.callbacks.get(i) : null;
      TrainingCallback current = i < callbacks.size() ? callbacks.get(i) : null;
      if (saved != null && current != null && saved.type().equals(current.getClass().getName())) {
        current.restore(saved.values());
      } else if (saved != null && !saved.values().isEmpty()) {
        throw new DescentException(String.format(
            "the checkpoint holds the state of training callback %d (%s), but this run has %s there", i + 1,
            simpleName(saved.type()), current == null ? "none" : current.getClass().getSimpleName()));
      }
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
