package dev.descent.train;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.descent.DescentException;
import dev.descent.data.Shuffle;
import dev.descent.nn.Layer;
import dev.descent.nn.Sequential;
import dev.descent.nn.Stochastic;
import dev.descent.optim.Optimizer;
import dev.descent.random.SplitMix64;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of one run of the {@link Trainer}'s loop: counters, the epoch's order and
 * running sums, the shuffling generator and the history, which {@link #state()} snapshots and
 * {@link #resume} reinstates. Not thread-safe.
 */
final class TrainingRun {
  /**
   * The most values a new run's history reserves up front for its losses per update (8 MiB) and for
   * each of its six per-epoch columns (512 KiB); longer runs grow them as they go.
   */
  private static final int MAX_RESERVED_UPDATES = 1 << 20;
  private static final int MAX_RESERVED_EPOCHS = 1 << 16;

  final Sequential model;
  final List<TrainingCallback> callbacks;
  final TrainingProgress progress;
  final SplitMix64 shuffle;
  final int[] order;
  final History history;
  long update;
  int epoch;
  int position;
  boolean epochEnded;
  double lossSum;
  long correct;
  long predictions;
  int seen;
  long skipped;
  double lastLoss;
  String lastFault;
  String stopReason;
  private final double secondsBefore;
  private long startNanos;

  TrainingRun(Sequential model, Optimizer optimizer, List<TrainingCallback> callbacks, int n, long seed,
      long expectedUpdates, long expectedEpochs) {
    this(model, optimizer, callbacks, Shuffle.identity(n), new SplitMix64(seed),
        new History((int) Math.min(expectedUpdates, MAX_RESERVED_UPDATES),
            (int) Math.min(expectedEpochs, MAX_RESERVED_EPOCHS)), 0);
  }

  private TrainingRun(Sequential model, Optimizer optimizer, List<TrainingCallback> callbacks, int[] order,
      SplitMix64 shuffle, History history, double secondsBefore) {
    this.model = model;
    this.callbacks = callbacks;
    this.order = order;
    this.shuffle = shuffle;
    this.history = history;
    this.secondsBefore = secondsBefore;
    this.progress = new TrainingProgress(model, optimizer, history, this);
  }

  /** A run that continues from {@code state} on a training set of {@code n} examples. */
  static TrainingRun resume(Sequential model, Optimizer optimizer, List<TrainingCallback> callbacks, int n, TrainingState state) {
    if (state.order().length != n) {
      throw new DescentException(String.format(
          "the checkpoint was taken on a training set of %d examples; this one has %d", state.order().length, n));
    }
    TrainingRun run = new TrainingRun(model, optimizer, callbacks, state.order().clone(),
        new SplitMix64(state.shuffleState()), History.of(state.history()), state.seconds());
    run.update = state.update();
    run.epoch = state.epoch();
    run.position = state.position();
    run.epochEnded = state.epochEnded();
    run.lossSum = state.lossSum();
    run.correct = state.correct();
    run.predictions = state.predictions();
    run.seen = state.seen();
    run.skipped = state.skipped();
    optimizer.setLearningRate(state.learningRate());
    state.restoreCallbacks(callbacks);
    restoreLayerRandom(model, state.layerRandom());
    return run;
  }

  void start() {
    startNanos = System.nanoTime();
  }

  double seconds() {
    return secondsBefore + (System.nanoTime() - startNanos) / 1e9;
  }

  void beginEpoch(boolean shuffleOrder) {
    epoch++;
    position = 0;
    epochEnded = false;
    lossSum = 0;
    correct = 0;
    predictions = 0;
    seen = 0;
    if (shuffleOrder) {
      Shuffle.shuffle(order, shuffle);
    }
  }

  /** A snapshot of where the run stands. */
  TrainingState state() {
    ImmutableList.Builder<TrainingState.CallbackState> states = ImmutableList.builder();
    for (TrainingCallback c : callbacks) {
      states.add(TrainingState.CallbackState.of(c));
    }
    return new TrainingState(update, epoch, position, epochEnded, order.clone(), shuffle.state(), lossSum, correct,
        predictions, seen, skipped, seconds(), progress.optimizer().learningRate(), history.data(), states.build(), layerRandom(model));
  }

  private static ImmutableMap<String, Long> layerRandom(Sequential model) {
    ImmutableMap.Builder<String, Long> states = ImmutableMap.builder();
    ImmutableList<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof Stochastic s) {
        states.put(String.valueOf(i), s.randomState());
      }
    }
    return states.buildOrThrow();
  }

  private static void restoreLayerRandom(Sequential model, Map<String, Long> states) {
    ImmutableList<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof Stochastic s) {
        Long state = states.get(String.valueOf(i));
        if (state == null) {
          throw new DescentException("the checkpoint lacks the random state of layer " + i + " (" + layers.get(i).kind() + ")");
        }
        s.restoreRandomState(state);
      }
    }
  }
}
