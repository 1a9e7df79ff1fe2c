package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.check.DiagnosticWarning;
import dev.descent.check.TrainingDiagnostics;
import dev.descent.data.CsvReader;
import dev.descent.data.Dataset;
import dev.descent.lab.progress.Progress;
import dev.descent.lab.progress.TrainingProgressCallback;
import dev.descent.loss.Losses;
import dev.descent.optim.Optimizer;
import dev.descent.persist.Checkpoint;
import dev.descent.persist.CheckpointFile;
import dev.descent.persist.Checkpointing;
import dev.descent.persist.ModelFile;
import dev.descent.tensor.DType;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.NonFinitePolicy;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingConfig;
import dev.descent.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent train FILE.csv}: trains a fully connected model on a CSV file (a header row; the
 * label column named by {@code --label}, default the last) and prints the final training and test
 * loss and accuracy. Long runs show a progress bar on a terminal (log lines otherwise). With
 * {@code --diagnostics} it also prints per-layer statistics per epoch ({@link TrainingDiagnostics})
 * and warns on standard error, naming the layer, when gradients vanish or explode.
 */
@Command(name = "train", description = "Train a fully connected model on a CSV file.")
final class TrainCommand implements Runnable {
  /** Epoch tables printed at most, besides initialization (the CSV file has them all). */
  static final int DIAGNOSTIC_TABLES = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "Training data with a header row.")
  Path data;

  @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last).")
  String label;

  @Option(names = "--test", paramLabel = "FILE.csv", description = "Held-out data with the same columns.")
  Path test;

  @Option(names = "--history", paramLabel = "FILE.csv",
      description = "Write one row per epoch: epoch,updates,seconds,loss,accuracy,test_loss,test_accuracy.")
  Path historyFile;

  @Option(names = "--diagnostics", description = "Per layer and epoch: activation mean and std, dead relu and saturated "
      + "sigmoid/tanh units, gradient norm, update/weight ratio; warn when gradients vanish or explode.")
  boolean diagnostics;

  @Option(names = "--diagnostics-csv", paramLabel = "FILE.csv",
      description = "Write every diagnostics row (implies --diagnostics).")
  Path diagnosticsCsv;

  @Option(names = "--progress", paramLabel = "auto|bar|log|none", defaultValue = "auto",
      description = "Progress output on standard error (default: ${DEFAULT-VALUE}: a bar on a terminal, log lines otherwise).")
  String progress;

  @Option(names = "--save", paramLabel = "FILE.safetensors",
      description = "Write the trained model (architecture and weights, PyTorch names) to FILE.")
  Path save;

  @Option(names = "--checkpoint-every", paramLabel = "N",
      description = "Write a checkpoint every N updates, atomically replacing the last one.")
  Long checkpointEvery;

  @Option(names = "--checkpoint", paramLabel = "FILE.safetensors",
      description = "Where --checkpoint-every writes (default: the --save file with .checkpoint before its extension, "
          + "or descent-checkpoint.safetensors).")
  Path checkpoint;

  @Option(names = "--resume", paramLabel = "FILE.safetensors",
      description = "Continue the run a checkpoint recorded, exactly: its model, optimizer, schedule, clipping and seed "
          + "are kept; --epochs or --updates give the new total.")
  Path resume;

  @Option(names = "--on-nan", paramLabel = "stop|skip", defaultValue = "stop",
      description = "On a NaN or infinite loss or gradient: stop (naming the update and layer) or skip the batch "
          + "(default: ${DEFAULT-VALUE}).")
  String onNan;

  @Mixin ModelOptions model;

  @Mixin TrainingOptions training;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NonFinitePolicy policy = NonFinitePolicy.parse(onNan);
    Checkpoint resumed = resume == null ? null : CheckpointFile.read(resume);
    RunSettings settings = resumed == null ? null : RunSettings.restore(resumed.settings(), spec.commandLine().getParseResult(),
        model, training);
    DType dtype = resumed == null ? model.dtype() : resumed.model().dtype();
    CsvReader.Table train = CsvReader.read(data, settings == null ? label : settings.label(), dtype);
    Dataset testSet = null;
    if (test != null) {
      CsvReader.Table held = CsvReader.read(test, train.labelName(), train.featureNames(), dtype);
      testSet = held.dataset();
    }
    if (settings != null) {
      settings.checkData(train.dataset(), data);
    }
    Objective objective = resumed == null ? model.objective(train.dataset())
        : new Objective(resumed.model(), Losses.resolve(settings.loss()), model.l2);
    Optimizer optimizer = resumed == null ? training.optimizer() : resumed.optimizer();
    TrainingConfig config = training.config(model.seed).withNonFinite(policy);
    List<TrainingCallback> callbacks = new ArrayList<>();
    Checkpointing checkpoints = null;
    if (checkpointEvery != null) {
      checkpoints = new Checkpointing(checkpointFile(), checkpointEvery,
          RunSettings.record(model, training, objective, train, data).asMap());
      callbacks.add(checkpoints);
    }
    TrainingDiagnostics diagnosis = null;
    if (diagnostics || diagnosticsCsv != null) {
      diagnosis = TrainingDiagnostics.of(train.dataset(), w -> warn(err, w));
      callbacks.add(diagnosis);
    }
    History history;
    try (Progress p = Progress.parse(progress, "train", err)) {
      int n = train.dataset().size();
      int batch = Math.max(1, config.variant().batchSize(n));
      long total = config.updates() > 0 ? config.updates() : (long) config.epochs() * ((n + batch - 1) / batch);
      callbacks.add(new TrainingProgressCallback(p.start("train " + data.getFileName(), total, "updates"), config.epochs()));
      Trainer trainer = new Trainer(objective, optimizer, config.withCallbacks(callbacks));
      history = trainer.fit(train.dataset(), testSet, resumed == null ? null : resumed.state());
    } catch (TrainingDivergedException e) {
      if (checkpoints != null && checkpoints.lastUpdate() >= 0) {
        throw new DescentException(String.format("%s; the last good checkpoint is %s (after update %d)", e.getMessage(),
            checkpoints.file(), checkpoints.lastUpdate()), e);
      }
      throw e;
    }
    if (save != null) {
      ModelFile.save(save, objective.model());
    }
    if (historyFile != null) {
      write(historyFile, history::writeCsv);
    }
    if (diagnosticsCsv != null) {
      write(diagnosticsCsv, diagnosis::writeCsv);
    }
    out.printf("model: %d inputs, %s%n", train.dataset().featureCount(), objective.model().spec());
    out.printf("trained %d epochs, %d updates in %.2f s%s%n", history.epochs(), history.updates(),
        history.epochSeconds().isEmpty() ? 0.0 : history.epochSeconds().last(),
        history.stopReason().isEmpty() ? "" : " (" + history.stopReason() + ")");
    if (resumed != null) {
      out.printf("resumed from %s after update %d%n", resume, resumed.state().update());
    }
    if (save != null) {
      out.printf("saved the model to %s%n", save);
    }
    if (checkpoints != null && checkpoints.lastUpdate() >= 0) {
      out.printf("last checkpoint: %s (after update %d)%n", checkpoints.file(), checkpoints.lastUpdate());
    }
    if (diagnosis != null) {
      printDiagnostics(out, diagnosis, history.epochs());
    }
    print(out, "train", Trainer.evaluate(objective, train.dataset()));
    if (testSet != null) {
      print(out, "test", Trainer.evaluate(objective, testSet));
    }
  }

  /** The --checkpoint file, or one named after the --save file, or a default in the working directory. */
  private Path checkpointFile() {
    if (checkpoint != null) {
      return checkpoint;
    }
    if (save == null) {
      return Path.of("descent-checkpoint.safetensors");
    }
    String name = save.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : ".safetensors";
    return save.resolveSibling(stem + ".checkpoint" + extension);
  }

  private static void warn(PrintWriter err, DiagnosticWarning w) {
    err.println("descent: warning: " + w.message());
    err.flush();
  }

  /** The initialization table, then up to {@value #DIAGNOSTIC_TABLES} evenly spaced epochs including the last. */
  private static void printDiagnostics(PrintWriter out, TrainingDiagnostics d, int epochs) {
    out.println();
    out.println("diagnostics per layer (epoch 0: at initialization):");
    out.print(d.table(0));
    int step = Math.max(1, (int) Math.ceil((double) epochs / DIAGNOSTIC_TABLES));
    for (int e = 1; e <= epochs; e++) {
      if (e % step == 0 || e == epochs) {
        String table = d.table(e);
        out.print(table.substring(table.indexOf('\n') + 1));
      }
    }
    out.printf("%d warning%s%n%n", d.warnings().size(), d.warnings().size() == 1 ? "" : "s");
  }

  private interface Writing {
    void to(Path file) throws IOException;
  }

  private static void write(Path file, Writing writing) {
    try {
      writing.to(file);
    } catch (IOException e) {
      throw new DescentException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static void print(PrintWriter out, String name, Evaluation e) {
    out.printf("%-5s loss %.6f%s%n", name, e.loss(),
        Double.isNaN(e.accuracy()) ? "" : String.format("  accuracy %.4f", e.accuracy()));
  }
}
