package dev.descent.persist;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.descent.DescentException;
import dev.descent.io.Json;
import dev.descent.io.JsonLimits;
import dev.descent.io.SafeTensorsFile;
import dev.descent.io.SafeTensorsWriter;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerState;
import dev.descent.train.History;
import dev.descent.train.TrainingState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training {@link Checkpoint} in a safetensors file. Besides the model's weights and
 * architecture (as in a {@link ModelFile}) it holds these tensors: {@code optimizer/<entry>}
 * (F64, each entry of the optimizer's state, such as {@code optimizer/0.weight/exp_avg}), {@code
 * trainer/order} (I64, the current epoch's example order), {@code history/<column>} (F64, the
 * history's columns) and {@code callback/<i>/<name>} (F64, the state of the i-th callback); and in
 * {@code __metadata__} the optimizer's spec ({@value #OPTIMIZER}), the loop's counters under
 * {@code descent.trainer.*} (doubles written so they read back bit for bit), the callbacks' classes
 * ({@value #CALLBACKS}, a JSON array), the layers' random states under {@code descent.random.<layer>}
 * and the application's settings under {@code descent.settings.<key>}.
 *
 * <p>Writing is atomic (see {@link dev.descent.io.AtomicFile}): a crash leaves the previous
 * checkpoint intact. Reading validates the whole file, including that the order is a permutation
 * and that the counters agree, before anything is built. Stateless.
 */
public final class CheckpointFile {
  /** The kind of a checkpoint file. */
  public static final String CHECKPOINT = "checkpoint";
  /** Metadata key: the optimizer's spec. */
  public static final String OPTIMIZER = "descent.optimizer";
  /** Metadata key: the JSON array of the callbacks' class names. */
  public static final String CALLBACKS = "descent.callbacks";
  private static final String TRAINER = "descent.trainer.";
  private static final String RANDOM = "descent.random.";
  private static final String SETTINGS = "descent.settings.";
  private static final String OPTIMIZER_TENSORS = "optimizer/";
  private static final String ORDER = "trainer/order";
  private static final String HISTORY = "history/";
  private static final String CALLBACK = "callback/";
  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
  private static final List<String> HISTORY_COLUMNS = List.of(
      "update_loss", "loss", "accuracy", "test_loss", "test_accuracy", "updates", "seconds");

  private CheckpointFile() {}

  /** Writes {@code checkpoint} to {@code file}, atomically. */
  public static void write(Path file, Checkpoint checkpoint) {
    TrainingState s = checkpoint.state();
    SafeTensorsWriter w = ModelFile.writer(checkpoint.model(), CHECKPOINT).metadata(OPTIMIZER, checkpoint.optimizerSpec());
    for (String name : checkpoint.optimizerState().names()) {
      double[] values = checkpoint.optimizerState().get(name);
      w.add(OPTIMIZER_TENSORS + name, values, values.length);
    }
    long[] order = new long[s.order().length];
    for (int i = 0; i < order.length; i++) {
      order[i] = s.order()[i];
    }
    w.add(ORDER, order, order.length);
    History.Data h = s.history();
    double[][] columns = {h.updateLoss(), h.epochLoss(), h.epochAccuracy(), h.testLoss(), h.testAccuracy(),
        h.epochUpdates(), h.epochSeconds()};
    for (int i = 0; i < columns.length; i++) {
      w.add(HISTORY + HISTORY_COLUMNS.get(i), columns[i], columns[i].length);
    }
    List<String> types = s.callbacks().stream().map(TrainingState.CallbackState::type).toList();
    w.metadata(CALLBACKS, Json.write(types));
    for (int i = 0; i < s.callbacks().size(); i++) {
      for (Map.Entry<String, double[]> e : s.callbacks().get(i).values().entrySet()) {
        w.add(CALLBACK + i + "/" + e.getKey(), e.getValue(), e.getValue().length);
      }
    }
    trainer(w, "update", Long.toString(s.update()));
    trainer(w, "epoch", Integer.toString(s.epoch()));
    trainer(w, "position", Integer.toString(s.position()));
    trainer(w, "epoch_ended", Boolean.toString(s.epochEnded()));
    trainer(w, "shuffle_state", Long.toString(s.shuffleState()));
    trainer(w, "loss_sum", Double.toString(s.lossSum()));
    trainer(w, "correct", Long.toString(s.correct()));
    trainer(w, "predictions", Long.toString(s.predictions()));
    trainer(w, "seen", Integer.toString(s.seen()));
    trainer(w, "skipped", Long.toString(s.skipped()));
    trainer(w, "seconds", Double.toString(s.seconds()));
    trainer(w, "learning_rate", Double.toString(s.learningRate()));
    trainer(w, "stop_reason", h.stopReason());
    s.layerRandom().forEach((layer, state) -> w.metadata(RANDOM + layer, Long.toString(state)));
    checkpoint.settings().forEach((k, v) -> w.metadata(SETTINGS + k, v));
    w.writeTo(file);
  }

  /** Writes a checkpoint of a run: its model, its optimizer, its state and the application's settings. */
  public static void write(Path file, Sequential model, Optimizer optimizer, TrainingState state, Map<String, String> settings) {
    write(file, new Checkpoint(model, optimizer.spec(), optimizer.state(), state, ImmutableMap.copyOf(settings)));
  }

  private static void trainer(SafeTensorsWriter w, String key, String value) {
    w.metadata(TRAINER + key, value);
  }

  /** The checkpoint in {@code file}, validated in full, with the model rebuilt from its recorded architecture. */
  public static Checkpoint read(Path file) {
    return read(file, null);
  }

  /**
   * The checkpoint in {@code file}, validated in full, with its weights loaded into {@code model}
   * (built, of the same architecture; for models whose layers or initializers the registries
   * cannot rebuild from specs). When the file is bad, {@code model} is left untouched.
   */
  public static Checkpoint read(Path file, Sequential model) {
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      String kind = f.metadata().get(ModelFile.KIND);
      if (!CHECKPOINT.equals(kind)) {
        throw new DescentException(String.format("%s: not a Descent checkpoint (%s)", file,
            kind == null ? "no " + ModelFile.KIND + " in the metadata" : "it holds a " + Json.quote(kind)));
      }
      String optimizer = ModelFile.require(f, OPTIMIZER);
      OptimizerState optimizerState = optimizerState(f);
      TrainingState state = state(f);
      ImmutableMap<String, String> settings = settings(f);
      Sequential restored = model;
      if (model == null) {
        restored = ModelFile.read(f);
      } else {
        ModelFile.loadWeights(f, model);
      }
      return new Checkpoint(restored, optimizer, optimizerState, state, settings);
    }
  }

  private static OptimizerState optimizerState(SafeTensorsFile f) {
    Map<String, double[]> entries = new LinkedHashMap<>();
    for (String name : f.names()) {
      if (name.startsWith(OPTIMIZER_TENSORS)) {
        entries.put(name.substring(OPTIMIZER_TENSORS.length()), f.doubles(name));
      }
    }
    return new OptimizerState(entries);
  }

  private static TrainingState state(SafeTensorsFile f) {
    int[] order = order(f);
    double[][] columns = new double[HISTORY_COLUMNS.size()][];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = vector(f, HISTORY + HISTORY_COLUMNS.get(i), "F64").doubles;
    }
    try {
      History.Data history = new History.Data(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5],
          columns[6], ModelFile.require(f, TRAINER + "stop_reason"));
      return new TrainingState(longValue(f, "update"), intValue(f, "epoch"), intValue(f, "position"),
          booleanValue(f, "epoch_ended"), order, longValue(f, "shuffle_state"), doubleValue(f, "loss_sum"),
          longValue(f, "correct"), longValue(f, "predictions"), intValue(f, "seen"), longValue(f, "skipped"),
          doubleValue(f, "seconds"), doubleValue(f, "learning_rate"), history, callbacks(f), random(f));
    } catch (DescentException e) {
      throw e.getMessage().startsWith(f.path().toString()) ? e : new DescentException(f.path() + ": " + e.getMessage(), e);
    }
  }

  /** The saved order, which must be a permutation of 0, …, n − 1. */
  private static int[] order(SafeTensorsFile f) {
    long[] saved = vector(f, ORDER, "I64").longs;
    int[] order = new int[saved.length];
    boolean[] seen = new boolean[saved.length];
    for (int i = 0; i < saved.length; i++) {
      long v = saved[i];
      if (v < 0 || v >= saved.length || seen[(int) v]) {
        throw new DescentException(String.format("%s: tensor %s is not a permutation of 0..%d (entry %d is %d)",
            f.path(), ORDER, saved.length - 1, i, v));
      }
      seen[(int) v] = true;
      order[i] = (int) v;
    }
    return order;
  }

  /** A one-dimensional tensor's values. */
  private record Vector(double[] doubles, long[] longs) {}

  private static Vector vector(SafeTensorsFile f, String name, String dtype) {
    if (!f.names().contains(name)) {
      throw new DescentException(f.path() + ": not a complete checkpoint: no tensor " + name);
    }
    if (f.shape(name).length != 1 || !f.dtype(name).equals(dtype)) {
      throw new DescentException(String.format("%s: tensor %s must be a vector of %s, is %s %s", f.path(), name, dtype,
          f.dtype(name), java.util.Arrays.toString(f.shape(name))));
    }
    return dtype.equals("I64") ? new Vector(null, f.longs(name)) : new Vector(f.doubles(name), null);
  }

  private static ImmutableList<TrainingState.CallbackState> callbacks(SafeTensorsFile f) {
    Object parsed;
    try {
      parsed = Json.parse(ModelFile.require(f, CALLBACKS), JsonLimits.DEFAULT);
    } catch (DescentException e) {
      throw new DescentException(f.path() + ": metadata " + CALLBACKS + ": " + e.getMessage(), e);
    }
    if (!(parsed instanceof List<?> types)
        || !types.stream().allMatch(t -> t instanceof String name && CLASS_NAME.matcher(name).matches())) {
      throw new DescentException(f.path() + ": metadata " + CALLBACKS + " must be a JSON array of class names");
    }
    List<Map<String, double[]>> values = new java.util.ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      values.add(new LinkedHashMap<>());
    }
    for (String name : f.names()) {
      if (name.startsWith(CALLBACK)) {
        String rest = name.substring(CALLBACK.length());
        int slash = rest.indexOf('/');
        int index = slash > 0 ? parseIndex(rest.substring(0, slash)) : -1;
        if (index < 0 || index >= types.size()) {
          throw new DescentException(String.format("%s: tensor %s names no saved callback (there are %d)", f.path(),
              Json.quote(name), types.size()));
        }
        values.get(index).put(rest.substring(slash + 1), vector(f, name, "F64").doubles);
      }
    }
    ImmutableList.Builder<TrainingState.CallbackState> states = ImmutableList.builder();
    for (int i = 0; i < types.size(); i++) {
      states.add(TrainingState.CallbackState.of((String) types.get(i), values.get(i)));
    }
    return states.build();
  }

  private static int parseIndex(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ImmutableMap<String, Long> random(SafeTensorsFile f) {
    ImmutableMap.Builder<String, Long> states = ImmutableMap.builder();
    f.metadata().forEach((key, value) -> {
      if (key.startsWith(RANDOM)) {
        states.put(key.substring(RANDOM.length()), parse(f, key, value, Long::parseLong));
      }
    });
    return states.buildOrThrow();
  }

  private static ImmutableMap<String, String> settings(SafeTensorsFile f) {
    ImmutableMap.Builder<String, String> settings = ImmutableMap.builder();
    f.metadata().forEach((key, value) -> {
      if (key.startsWith(SETTINGS)) {
        settings.put(key.substring(SETTINGS.length()), value);
      }
    });
    return settings.buildOrThrow();
  }

  private static long longValue(SafeTensorsFile f, String key) {
    return parse(f, TRAINER + key, ModelFile.require(f, TRAINER + key), Long::parseLong);
  }

  private static int intValue(SafeTensorsFile f, String key) {
    long v = longValue(f, key);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new DescentException(String.format("%s: metadata %s%s is out of range: %d", f.path(), TRAINER, key, v));
    }
    return (int) v;
  }

  private static double doubleValue(SafeTensorsFile f, String key) {
    return parse(f, TRAINER + key, ModelFile.require(f, TRAINER + key), Double::parseDouble);
  }

  private static boolean booleanValue(SafeTensorsFile f, String key) {
    String v = ModelFile.require(f, TRAINER + key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new DescentException(String.format("%s: metadata %s%s must be true or false, got %s", f.path(), TRAINER,
          key, Json.quote(v)));
    }
    return Boolean.parseBoolean(v);
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(SafeTensorsFile f, String key, String value, Parser<T> parser) {
    try {
      return parser.parse(value);
    } catch (NumberFormatException e) {
      throw new DescentException(String.format("%s: metadata %s is not a number: %s", f.path(), Json.quote(key),
          Json.quote(value)));
    }
  }
}
