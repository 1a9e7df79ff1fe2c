package dev.descent.cli;

import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.descent.DescentException;
import dev.descent.data.CsvReader;
import dev.descent.data.Dataset;
import dev.descent.tensor.Tensor;
import dev.descent.train.Objective;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * The settings of a {@code descent train} run that a checkpoint records, so that {@code --resume}
 * rebuilds the same run: the optimizer, variant, schedule, clipping, duration, seed, loss, L2
 * penalty and label column, and a fingerprint of the training data (rows and a CRC-32C of every
 * value), which must match when resuming.
 *
 * @param values the settings by key
 */
record RunSettings(ImmutableMap<String, String> values) {
  /** Flags that a checkpoint fixes: giving one with {@code --resume} is an error. */
  private static final List<String> FIXED = List.of("--hidden", "--activation", "--output", "--loss", "--l2", "--init",
      "--bias-init", "--seed", "--dtype", "--optimizer", "--gd", "--schedule", "--clip");

  /** The settings of the run these options describe. */
  static RunSettings record(ModelOptions model, TrainingOptions training, Objective objective, CsvReader.Table train,
      Path data) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("optimizer", training.optimizer);
    v.put("gd", training.variant);
    if (training.schedule != null) {
      v.put("schedule", training.schedule);
    }
    if (training.clip != null) {
      v.put("clip", training.clip);
    }
    TrainingOptions.Duration d = training.duration == null ? new TrainingOptions.Duration() : training.duration;
    if (d.updates != null) {
      v.put("updates", Long.toString(d.updates));
    } else if (d.epochs != null) {
      v.put("epochs", Integer.toString(d.epochs));
    }
    v.put("seed", Long.toString(model.seed));
    v.put("loss", model.loss != null ? model.loss : objective.loss().name());
    v.put("l2", Double.toString(model.l2));
    v.put("label", train.labelName());
    v.put("data_rows", Integer.toString(train.dataset().size()));
    v.put("data_crc32c", fingerprint(train.dataset()));
    return new RunSettings(ImmutableMap.copyOf(v));
  }

  /**
   * The settings saved in a checkpoint, applied to the options: the run's fixed settings replace
   * the defaults, {@code --epochs}/{@code --updates} given now replace the saved duration, and any
   * fixed flag given now is an error.
   */
  static RunSettings restore(Map<String, String> saved, ParseResult parsed, ModelOptions model, TrainingOptions training) {
    RunSettings s = new RunSettings(ImmutableMap.copyOf(saved));
    for (String flag : FIXED) {
      if (parsed.hasMatchedOption(flag)) {
        throw new DescentException(flag + " cannot be given with --resume: the checkpoint fixes the model, the "
            + "optimizer and how it trains; --epochs or --updates set the new total");
      }
    }
    training.optimizer = s.require("optimizer");
    training.variant = s.require("gd");
    training.schedule = saved.get("schedule");
    training.clip = saved.get("clip");
    model.seed = s.number("seed", Long::parseLong);
    model.l2 = s.number("l2", Double::parseDouble);
    if (!parsed.hasMatchedOption("--epochs") && !parsed.hasMatchedOption("--updates")) {
      training.duration = new TrainingOptions.Duration();
      if (saved.containsKey("updates")) {
        training.duration.updates = s.number("updates", Long::parseLong);
      } else if (saved.containsKey("epochs")) {
        training.duration.epochs = s.number("epochs", Integer::parseInt);
      }
    }
    model.loss = s.require("loss");
    s.require("label");
    return s;
  }

  /** The loss spec. */
  String loss() {
    return values.get("loss");
  }

  /** The label column. */
  String label() {
    return values.get("label");
  }

  /** Fails unless {@code data} is the data the checkpointed run trained on. */
  void checkData(Dataset data, Path file) {
    String rows = Integer.toString(data.size());
    if (!rows.equals(require("data_rows")) || !fingerprint(data).equals(require("data_crc32c"))) {
      throw new DescentException(String.format(
          "%s is not the data the checkpoint was trained on (%s rows, CRC-32C %s; this file: %s rows, CRC-32C %s)", file,
          values.get("data_rows"), values.get("data_crc32c"), rows, fingerprint(data)));
    }
  }

  /** The settings as a map. */
  Map<String, String> asMap() {
    return values;
  }

  private String require(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new DescentException("the checkpoint was not written by descent train: its settings lack '" + key + "'");
    }
    return v;
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private <T> T number(String key, Parser<T> parser) {
    try {
      return parser.parse(require(key));
    } catch (NumberFormatException e) {
      throw new DescentException("the checkpoint's setting '" + key + "' is not a number: '" + values.get(key) + "'");
    }
  }

  /** A CRC-32C of every feature and target value, as its double bits. */
  private static String fingerprint(Dataset data) {
    Hasher h = Hashing.crc32c().newHasher();
    for (Tensor t : new Tensor[] {data.features(), data.targets()}) {
      for (int i = 0; i < t.size(); i++) {
        h.putLong(Double.doubleToLongBits(t.get(i)));
      }
    }
    return h.hash().toString();
  }
}
