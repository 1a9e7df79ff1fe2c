package dev.descent.data;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Labelled image sets in the MNIST layout: an IDX file of n images (unsigned bytes, any number of
 * pixel dimensions) and an IDX file of n labels (unsigned bytes 0..k−1). Images become rows of
 * pixels scaled to [0, 1] (divided by 255); labels become one column of class indices, which the
 * cross-entropy loss and the accuracy metric read directly. Stateless and thread-safe.
 */
public final class IdxDatasets {
  private IdxDatasets() {}

  /**
   * The four files of an MNIST-format set, by their conventional names without extension; each is
   * found in a directory as it is or with {@code .gz}.
   *
   * @param trainImages such as {@code train-images-idx3-ubyte}
   * @param trainLabels such as {@code train-labels-idx1-ubyte}
   * @param testImages such as {@code t10k-images-idx3-ubyte}
   * @param testLabels such as {@code t10k-labels-idx1-ubyte}
   */
  public record Layout(String trainImages, String trainLabels, String testImages, String testLabels) {
    /** The names MNIST and Fashion-MNIST use. */
    public static Layout mnist() {
      return new Layout("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte");
    }
  }

  /**
   * A training and a test set.
   *
   * @param train the training images and labels
   * @param test the test images and labels
   * @param classes the number of classes (the largest label plus one)
   */
  public record TrainTest(Dataset train, Dataset test, int classes) {}

  /**
   * The images in {@code images} with the labels in {@code labels}, as one dataset. Both files must
   * hold unsigned bytes, the images in at least two dimensions, the labels in one, and as many
   * labels as images; anything else is a {@link DescentException} naming the file.
   */
  public static Dataset load(Path images, Path labels, DType dtype) {
    IdxArray x = IdxReader.read(images);
    if (x.type() != IdxType.UNSIGNED_BYTE) {
      throw new DescentException(images + ": images must hold unsigned bytes (type code 08), found " + x);
    }
    if (x.dims().length < 2) {
      throw new DescentException(images + ": images need at least two dimensions (count and pixels), found " + x);
    }
    IdxArray y = IdxReader.read(labels);
    if (y.type() != IdxType.UNSIGNED_BYTE) {
      throw new DescentException(labels + ": labels must hold unsigned bytes (type code 08), found " + y);
    }
    if (y.dims().length != 1) {
      throw new DescentException(labels + ": labels must be one-dimensional, found " + y);
    }
    if (x.items() != y.items()) {
      throw new DescentException(String.format("%s holds %d images but %s holds %d labels; the two files must belong together",
          images, x.items(), labels, y.items()));
    }
    Tensor targets = Tensor.zeros(dtype, y.items(), 1);
    for (int i = 0; i < y.items(); i++) {
      targets.set(i, y.get(i));
    }
    return new Dataset(x.toMatrix(dtype, 1.0 / 255), targets);
  }

  /**
   * The training and test sets in {@code directory} under the file names of {@code layout} (each
   * as it is or with {@code .gz}); a missing file is an error that names it and ends with
   * {@code hint}, which should say how to get the files.
   */
  public static TrainTest load(Path directory, Layout layout, DType dtype, String hint) {
    if (!Files.isDirectory(directory)) {
      throw new DescentException(directory + ": no such directory; " + hint);
    }
    Dataset train = load(find(directory, layout.trainImages(), hint), find(directory, layout.trainLabels(), hint), dtype);
    Dataset test = load(find(directory, layout.testImages(), hint), find(directory, layout.testLabels(), hint), dtype);
    if (train.featureCount() != test.featureCount()) {
      throw new DescentException(String.format("%s: training images have %d pixels but test images %d; the files must belong together",
          directory, train.featureCount(), test.featureCount()));
    }
    int classes = (int) Math.max(max(train.targets()), max(test.targets())) + 1;
    return new TrainTest(train, test, classes);
  }

  /** {@code directory/name.gz} or {@code directory/name}, whichever exists; otherwise an error ending with {@code hint}. */
  public static Path find(Path directory, String name, String hint) {
    for (String candidate : new String[] {name + ".gz", name}) {
      Path p = directory.resolve(candidate);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new DescentException(String.format("%s: no %s or %s.gz; %s", directory, name, name, hint));
  }

  private static double max(Tensor t) {
    double m = 0;
    for (int i = 0; i < t.size(); i++) {
      m = Math.max(m, t.get(i));
    }
    return m;
  }
}
