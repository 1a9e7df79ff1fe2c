package dev.descent.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.data.NpyWriter;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file Descent wrote loads into PyTorch's {@code nn.Sequential} with {@code
 * load_state_dict(strict=True)} and computes the same outputs (core/src/test/python/torch_forward.py).
 * Skipped when /usr/bin/python3 with torch is not installed ({@code apt-get install python3-torch}).
 */
class ModelFileInteropTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/torch_forward.py");

  @TempDir Path dir;

  @Test
  void pytorchLoadsTheModelAndAgreesOnItsOutputs() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PYTHON) && run(PYTHON.toString(), "-c", "import torch, numpy").exit == 0,
        "needs /usr/bin/python3 with torch and numpy (apt-get install python3-torch)");
    Sequential model = Sequential.of(new Dense(7, TestInitializers.normal(0.8), TestInitializers.normal(0.3)),
        Activations.layer("relu"), new Dense(5, TestInitializers.normal(0.8), TestInitializers.normal(0.3)),
        Activations.layer("tanh"), new Dense(3, TestInitializers.normal(0.8), TestInitializers.normal(0.3)),
        Activations.layer("softmax")).build(4, DType.FLOAT64, new SplittableRandom(8));
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(file, model);
    Tensor x = Tensor.zeros(DType.FLOAT64, 6, 4);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < x.size(); i++) {
      x.set(i, random.nextGaussian());
    }
    Path inputs = dir.resolve("x.npy");
    NpyWriter.write(x, inputs);
    Result r = run(PYTHON.toString(), SCRIPT.toString(), file.toString(), inputs.toString());
    assertEquals(0, r.exit, r.output);
    List<String> lines = r.output.strip().lines().toList();
    Tensor y = model.predict(x);
    assertEquals(y.size(), lines.size(), r.output);
    for (int i = 0; i < y.size(); i++) {
      assertEquals(y.get(i), Double.parseDouble(lines.get(i)), 1e-12, "output " + i);
    }
  }

  private record Result(int exit, String output) {}

  private Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
