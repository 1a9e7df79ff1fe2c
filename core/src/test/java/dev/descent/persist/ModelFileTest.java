package dev.descent.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.io.SafeTensorsFile;
import dev.descent.io.SafeTensorsWriter;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.testing.TestInitializers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: PyTorch names and layout, round trips, and refusals that leave the model untouched. */
class ModelFileTest {
  @TempDir Path dir;

  static Sequential model(DType dtype, long seed, int hidden) {
    return Sequential.of(new Dense(hidden, TestInitializers.normal(1), TestInitializers.normal(1)),
        Activations.layer("leaky_relu(negative_slope=0.2)"), new Dropout(0.1),
        new Dense(2, TestInitializers.normal(1), TestInitializers.zeros())).build(3, dtype, new SplittableRandom(seed));
  }

  static List<double[]> weights(Sequential model) {
    List<double[]> all = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      double[] v = new double[p.value().size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = p.value().get(i);
      }
      all.add(v);
    }
    return all;
  }

  @Test
  void weightsAreStoredWithPytorchNamesAndLinearLayout() {
    Sequential model = model(DType.FLOAT32, 1, 4);
    Path file = dir.resolve("m.safetensors");
    ModelFile.save(file, model);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"), List.copyOf(f.names()));
      assertArrayEquals(new long[] {4, 3}, f.shape("0.weight"));
      assertArrayEquals(new long[] {4}, f.shape("0.bias"));
      assertEquals("F32", f.dtype("0.weight"));
      float[] stored = f.floats("0.weight");
      Dense first = (Dense) model.layers().get(0);
      for (int out = 0; out < 4; out++) {
        for (int in = 0; in < 3; in++) {
          assertEquals(first.weight().value().get(in, out), stored[out * 3 + in], "W[" + out + "][" + in + "]");
        }
      }
      assertEquals("model", f.metadata().get(ModelFile.KIND));
      assertEquals("3", f.metadata().get(ModelFile.INPUT_SIZE));
      assertEquals("float32", f.metadata().get(ModelFile.DTYPE));
      assertTrue(f.metadata().get(ModelFile.LAYERS).contains("leaky_relu(negative_slope=0.2)"),
          f.metadata().get(ModelFile.LAYERS));
    }
  }

  @Test
  void aSavedModelLoadsBackBitForBit() {
    for (DType dtype : DType.values()) {
      Sequential model = model(dtype, 2, 5);
      Path file = dir.resolve(dtype.label() + ".safetensors");
      ModelFile.save(file, model);
      Sequential other = model(dtype, 3, 5);
      ModelFile.loadWeights(file, other);
      List<double[]> expected = weights(model);
      List<double[]> actual = weights(other);
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i), actual.get(i), dtype + " parameter " + i);
      }
    }
  }

  @Test
  void aWrongArchitectureIsRefusedAndLeavesTheModelUntouched() {
    Path file = dir.resolve("m.safetensors");
    ModelFile.save(file, model(DType.FLOAT32, 1, 4));
    Sequential wider = model(DType.FLOAT32, 5, 6);
    List<double[]> before = weights(wider);
    var error = assertThrows(DescentException.class, () -> ModelFile.loadWeights(file, wider));
    assertTrue(error.getMessage().startsWith(file + ": wrong architecture: the file holds 3 float32 inputs → \"dense(units=4"),
        error.getMessage());
    Sequential doubles = model(DType.FLOAT64, 5, 4);
    assertThrows(DescentException.class, () -> ModelFile.loadWeights(file, doubles));
    List<double[]> after = weights(wider);
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i));
    }
  }

  @Test
  void aTensorOfTheWrongShapeIsRefusedBeforeAnyWeightChanges() {
    Sequential model = model(DType.FLOAT32, 1, 4);
    Path file = dir.resolve("bad.safetensors");
    new SafeTensorsWriter().metadata(ModelFile.KIND, "model")
        .metadata(ModelFile.LAYERS, "[\"dense(units=4, weight_init='test_normal(stddev=1.0)', bias_init='test_normal(stddev=1.0)')\","
            + " \"leaky_relu(negative_slope=0.2)\", \"dropout(p=0.1)\", \"dense(units=2, weight_init='test_normal(stddev=1.0)',"
            + " bias_init='test_constant(value=0.0)')\"]")
        .metadata(ModelFile.INPUT_SIZE, "3").metadata(ModelFile.DTYPE, "float32")
        .add("0.weight", new float[12], 4, 3).add("0.bias", new float[4], 4)
        .add("3.weight", new float[8], 4, 2).add("3.bias", new float[2], 2).writeTo(file);
    List<double[]> before = weights(model);
    var error = assertThrows(DescentException.class, () -> ModelFile.loadWeights(file, model));
    assertTrue(error.getMessage().contains("tensor 3.weight is F32 [4, 2], the model needs F32 [2, 4]")
        || error.getMessage().contains("wrong architecture"), error.getMessage());
    List<double[]> after = weights(model);
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i));
    }
  }

  @Test
  void filesThatAreNotModelsGiveOneLineErrors() throws IOException {
    Path empty = dir.resolve("empty.safetensors");
    Files.write(empty, new byte[0]);
    assertOneLine(assertThrows(DescentException.class, () -> ModelFile.load(empty)), "empty.safetensors");
    Path plain = dir.resolve("plain.safetensors");
    new SafeTensorsWriter().add("x", new float[] {1}, 1).writeTo(plain);
    assertOneLine(assertThrows(DescentException.class, () -> ModelFile.load(plain)),
        "plain.safetensors: not a Descent model file: the metadata lacks descent.layers");
    Path badLayers = dir.resolve("layers.safetensors");
    new SafeTensorsWriter().metadata(ModelFile.LAYERS, "[\"conv2d(filters=3)\"]").metadata(ModelFile.INPUT_SIZE, "3")
        .metadata(ModelFile.DTYPE, "float32").writeTo(badLayers);
    assertOneLine(assertThrows(DescentException.class, () -> ModelFile.load(badLayers)),
        "cannot rebuild the model: unknown layer 'conv2d'; known layers: dense, dropout");
    Path bomb = dir.resolve("bomb.safetensors");
    new SafeTensorsWriter().metadata(ModelFile.LAYERS, "[".repeat(100_000)).metadata(ModelFile.INPUT_SIZE, "3")
        .metadata(ModelFile.DTYPE, "float32").writeTo(bomb);
    assertOneLine(assertThrows(DescentException.class, () -> ModelFile.load(bomb)), "descent.layers");
  }

  private static void assertOneLine(DescentException e, String fragment) {
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
