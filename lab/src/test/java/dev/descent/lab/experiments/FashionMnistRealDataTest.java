package dev.descent.lab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.IdxDatasets;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.data.FashionMnist;
import dev.descent.lab.report.Report;
import dev.descent.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fashion-MNIST itself, when Debian's {@code dataset-fashion-mnist} package is installed (CI
 * installs it): the files read as 60,000 + 10,000 images of 784 pixels in ten classes, and the
 * quick experiment learns them. The full five-epoch run that must reach 0.875 test accuracy takes
 * minutes and runs on request: {@code -Ddescent.fashion.full=true}.
 */
@EnabledIf("installed")
class FashionMnistRealDataTest {

  static boolean installed() {
    return FashionMnist.isAvailable(null);
  }

  @Test
  void theDebianFilesHoldSeventyThousandImagesOfTenClasses() {
    IdxDatasets.TrainTest data = FashionMnist.load(null, DType.FLOAT32);
    assertEquals(60_000, data.train().size());
    assertEquals(10_000, data.test().size());
    assertEquals(784, data.train().featureCount());
    assertEquals(10, data.classes());
  }

  @Test
  void theQuickExperimentLearnsTheRealImages() {
    Report r = new FashionMnistExperiment().run(ExperimentOptions.quickRun().withSeeds(1));
    double accuracy = FashionMnistExperiment.finalTestAccuracy(r);
    assertTrue(accuracy > 0.75, "2,000 training images, 2 epochs: " + accuracy);
  }

  @Test
  @EnabledIfSystemProperty(named = "descent.fashion.full", matches = "true")
  void fiveEpochsOfHeAndAdamReachTheReferenceAccuracy() {
    Report r = new FashionMnistExperiment().run(ExperimentOptions.defaults());
    double accuracy = FashionMnistExperiment.finalTestAccuracy(r);
    System.out.println(r.headlineTable().toText());
    assertTrue(accuracy >= 0.875, "test accuracy after 5 epochs: " + accuracy);
  }
}
