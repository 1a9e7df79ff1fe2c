package dev.descent.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.io.SafeTensorsFile;
import dev.descent.io.SafeTensorsFormat;
import dev.descent.io.SafeTensorsWriter;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.Sequential;
import dev.descent.spec.Messages;
import dev.descent.spec.Mutation;
import dev.descent.tensor.DType;
import dev.descent.testing.FuzzTries;
import dev.descent.testing.TestInitializers;
import dev.descent.testing.TestSgd;
import dev.descent.train.EarlyStopping;
import dev.descent.train.GradientDescent;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property-based fuzzing of {@link CheckpointFile#read(Path, Sequential)} above the safetensors
 * layer: a valid checkpoint whose metadata values (counters, random states, callback classes,
 * architecture, optimizer) or whose example order is replaced by hostile values, and a valid
 * checkpoint after random byte edits. The only allowed outcomes are a checkpoint that resumes
 * training without any other exception, or a one-line {@link DescentException} that leaves the
 * model untouched. Tries: {@link FuzzTries}.
 */
@AddLifecycleHook(FuzzTries.class)
class CheckpointFuzzTest {
  private static final Dataset TRAIN = Datasets.circles(24, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT64);
  private static final byte[] VALID = validCheckpoint();
  private static final List<String> HOSTILE = List.of("", "-1", "0", "1", "24", "25", "2147483648", "-2147483649",
      "9223372036854775807", "-9223372036854775808", "99999999999999999999", "NaN", "-Infinity", "1e308", "1.5",
      "true", "false", "[]", "[\"relu\"]", "[\"dense(units=0)\"]", "[\"dense(units=2147483647)\"]", "{}", "null",
      "[\"dev.descent.train.EarlyStopping\"]", "[1,2]", "x".repeat(300), "adam(lr=-1)", "sgd", "test_sgd(lr=1)",
      "float16", "float64", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");

  static Sequential model() {
    return Sequential.of(new Dense(3, TestInitializers.normal(0.5), TestInitializers.zeros()), Activations.layer("tanh"),
        new Dropout(0.2), new Dense(1, TestInitializers.normal(0.5), TestInitializers.zeros()),
        Activations.layer("sigmoid")).build(2, DType.FLOAT64, new SplittableRandom(4));
  }

  static Trainer trainer(Sequential model, long updates, Checkpointing checkpoints) {
    return new Trainer(new Objective(model, new BinaryCrossEntropy(false), 0), new TestSgd(0.1), TrainingConfig.updates(
        new GradientDescent.MiniBatch(5), updates, 3, new EarlyStopping("loss", 50, 0), checkpoints));
  }

  private static byte[] validCheckpoint() {
    try {
      Path dir = Files.createTempDirectory("descent-checkpoint-fuzz");
      Path file = dir.resolve("valid.safetensors");
      trainer(model(), 7, new Checkpointing(file, 7, Map.of("k", "v"))).fit(TRAIN, null);
      byte[] bytes = Files.readAllBytes(file);
      Files.delete(file);
      Files.delete(dir);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(Arbitraries.of(HOSTILE), Arbitraries.strings().ofMaxLength(20));
  }

  @Property(tries = FuzzTries.DEFAULT)
  void hostileMetadataValues(@ForAll("hostile") String value, @ForAll("hostile") String second,
      @ForAll long keyPick, @ForAll long otherPick) throws IOException {
    Path file = Files.createTempFile("descent-fuzz", ".safetensors");
    try {
      Files.write(file, VALID);
      rewrite(file, keyPick, value, otherPick, second, null);
      check(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Property(tries = FuzzTries.DEFAULT)
  void hostileExampleOrder(@ForAll("orders") long[] order) throws IOException {
    Path file = Files.createTempFile("descent-fuzz", ".safetensors");
    try {
      Files.write(file, VALID);
      rewrite(file, 0, null, 0, null, order);
      check(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<long[]> orders() {
    return Arbitraries.longs().between(-3, 30).array(long[].class).ofMaxSize(30);
  }

  @Property(tries = FuzzTries.DEFAULT)
  void byteEdits(@ForAll("edits") List<Mutation> edits) throws IOException {
    Path file = Files.createTempFile("descent-fuzz", ".safetensors");
    try {
      Files.write(file, Mutation.apply(VALID, edits));
      check(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<List<Mutation>> edits() {
    return Mutation.list(4, List.of("\"", "{", "}", "0", "-", "9999999999", "\u0000"));
  }

  /** Rewrites the checkpoint with metadata entries replaced, or the order replaced, keeping a valid checksum. */
  private static void rewrite(Path file, long keyPick, String value, long otherPick, String second, long[] order) {
    SafeTensorsWriter w = new SafeTensorsWriter();
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      List<String> keys = new ArrayList<>();
      for (String k : f.metadata().keySet()) {
        if (!SafeTensorsFormat.RESERVED_KEYS.contains(k)) {
          keys.add(k);
        }
      }
      String key = keys.get((int) Math.floorMod(keyPick, (long) keys.size()));
      String other = keys.get((int) Math.floorMod(otherPick, (long) keys.size()));
      f.metadata().forEach((k, v) -> {
        if (!SafeTensorsFormat.RESERVED_KEYS.contains(k)) {
          w.metadata(k, value != null && k.equals(key) ? value : second != null && k.equals(other) ? second : v);
        }
      });
      for (String name : f.names()) {
        long[] shape = f.shape(name);
        switch (f.dtype(name)) {
          case "F64" -> w.add(name, f.doubles(name), shape);
          case "F32" -> w.add(name, f.floats(name), shape);
          default -> {
            long[] values = order != null && name.equals("trainer/order") ? order : f.longs(name);
            w.add(name, values, order != null && name.equals("trainer/order") ? new long[] {order.length} : shape);
          }
        }
      }
    }
    w.writeTo(file);
  }

  /** Reads the checkpoint into a model: it either resumes cleanly or fails in one line without touching the model. */
  private static void check(Path file) {
    Sequential model = model();
    List<double[]> before = ModelFileTest.weights(model);
    Checkpoint checkpoint;
    try {
      checkpoint = CheckpointFile.read(file, model);
    } catch (DescentException e) {
      Messages.assertOneLine(e.getMessage(), 2_000);
      List<double[]> after = ModelFileTest.weights(model);
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i), after.get(i), "a refused checkpoint changed the model: " + e.getMessage());
      }
      return;
    }
    try {
      trainer(model, checkpoint.state().update() + 3, new Checkpointing(file, 1_000_000, Map.of()))
          .fit(TRAIN, null, checkpoint.state());
    } catch (DescentException e) {
      Messages.assertOneLine(e.getMessage(), 2_000);
    }
  }
}
