package dev.descent.cli;

import dev.descent.nn.Sequential;
import dev.descent.persist.ModelFile;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent export FILE --npz OUT}: writes the weights of a model file or checkpoint to a NumPy
 * {@code .npz} archive, with PyTorch's names and layout ({@code 0.weight} is {@code [out, in]}).
 */
@Command(name = "export", description = "Export the weights of a model file or checkpoint for NumPy.")
final class ExportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.safetensors", description = "A model file or checkpoint written by descent.")
  Path file;

  @Option(names = "--npz", required = true, paramLabel = "OUT.npz",
      description = "The NumPy archive to write (numpy.load(OUT)[\"0.weight\"]).")
  Path npz;

  @Override
  public void run() {
    Sequential model = ModelFile.load(file);
    ModelFile.saveNpz(npz, model);
    spec.commandLine().getOut().printf("wrote %d arrays (%d values) of %s to %s%n", model.parameters().size(),
        model.parameterCount(), file, npz);
  }
}
