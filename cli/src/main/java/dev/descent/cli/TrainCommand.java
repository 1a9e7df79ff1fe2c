package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.data.CsvReader;
import dev.descent.data.Dataset;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent train FILE.csv}: trains a fully connected model on a CSV file (a header row; the
 * label column named by {@code --label}, default the last) and prints the final training and test
 * loss and accuracy.
 */
@Command(name = "train", description = "Train a fully connected model on a CSV file.")
final class TrainCommand implements Runnable {
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

  @Mixin ModelOptions model;

  @Mixin TrainingOptions training;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    CsvReader.Table train = CsvReader.read(data, label, model.dtype());
    Dataset testSet = null;
    if (test != null) {
      CsvReader.Table held = CsvReader.read(test, train.labelName(), train.featureNames(), model.dtype());
      testSet = held.dataset();
    }
    Objective objective = model.objective(train.dataset());
    Trainer trainer = new Trainer(objective, training.optimizer(), training.config(model.seed));
    History history = trainer.fit(train.dataset(), testSet);
    if (historyFile != null) {
      try {
        history.writeCsv(historyFile);
      } catch (IOException e) {
        throw new DescentException(historyFile + ": cannot write: " + e.getMessage(), e);
      }
    }
    out.printf("model: %d inputs, %s%n", train.dataset().featureCount(), objective.model().spec());
    out.printf("trained %d epochs, %d updates in %.2f s%s%n", history.epochs(), history.updates(),
        history.epochSeconds().last(), history.stopReason().isEmpty() ? "" : " (" + history.stopReason() + ")");
    print(out, "train", trainer.evaluate(train.dataset()));
    if (testSet != null) {
      print(out, "test", trainer.evaluate(testSet));
    }
  }

  private static void print(PrintWriter out, String name, Evaluation e) {
    out.printf("%-5s loss %.6f%s%n", name, e.loss(),
        Double.isNaN(e.accuracy()) ? "" : String.format("  accuracy %.4f", e.accuracy()));
  }
}
