package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.check.DiagnosticWarning;
import dev.descent.check.TrainingDiagnostics;
import dev.descent.data.CsvReader;
import dev.descent.data.Dataset;
import dev.descent.lab.progress.Progress;
import dev.descent.lab.progress.TrainingProgressCallback;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingConfig;
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

  @Mixin ModelOptions model;

  @Mixin TrainingOptions training;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CsvReader.Table train = CsvReader.read(data, label, model.dtype());
    Dataset testSet = null;
    if (test != null) {
      CsvReader.Table held = CsvReader.read(test, train.labelName(), train.featureNames(), model.dtype());
      testSet = held.dataset();
    }
    Objective objective = model.objective(train.dataset());
    TrainingConfig config = training.config(model.seed);
    List<TrainingCallback> callbacks = new ArrayList<>();
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
      Trainer trainer = new Trainer(objective, training.optimizer(), config.withCallbacks(callbacks));
      history = trainer.fit(train.dataset(), testSet);
    }
    if (historyFile != null) {
      write(historyFile, history::writeCsv);
    }
    if (diagnosticsCsv != null) {
      write(diagnosticsCsv, diagnosis::writeCsv);
    }
    out.printf("model: %d inputs, %s%n", train.dataset().featureCount(), objective.model().spec());
    out.printf("trained %d epochs, %d updates in %.2f s%s%n", history.epochs(), history.updates(),
        history.epochSeconds().last(), history.stopReason().isEmpty() ? "" : " (" + history.stopReason() + ")");
    if (diagnosis != null) {
      printDiagnostics(out, diagnosis, history.epochs());
    }
    print(out, "train", Trainer.evaluate(objective, train.dataset()));
    if (testSet != null) {
      print(out, "test", Trainer.evaluate(objective, testSet));
    }
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
