package dev.descent.lab.data;

import dev.descent.data.Dataset;
import dev.descent.data.IdxDatasets;
import dev.descent.tensor.DType;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 60,000 training and 10,000 test images of 28 × 28
 * grey pixels in ten clothing classes, in MNIST's IDX files. Read from Debian's
 * {@code dataset-fashion-mnist} package ({@value #DEFAULT_DIR}) or from any directory holding the
 * four files, gzipped or not; when they are missing the error says how to get them. Stateless.
 */
public final class FashionMnist {
  /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
  public static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";

  /** What to do when the files are missing. */
  public static final String HINT = "install Fashion-MNIST with 'apt-get install dataset-fashion-mnist' (Debian, files in "
      + DEFAULT_DIR + ") or pass --data-dir DIR with train-images-idx3-ubyte, train-labels-idx1-ubyte, "
      + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each may end in .gz)";

  /** The class names, by label. */
  public static final java.util.List<String> CLASSES = java.util.List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private FashionMnist() {}

  /** The directory to read: {@code dataDir}, or the Debian location when it is null. */
  public static Path directory(Path dataDir) {
    return dataDir != null ? dataDir : Path.of(DEFAULT_DIR);
  }

  /** The training and test sets in {@code dataDir} (null: {@value #DEFAULT_DIR}), pixels scaled to [0, 1]. */
  public static IdxDatasets.TrainTest load(Path dataDir, DType dtype) {
    return IdxDatasets.load(directory(dataDir), IdxDatasets.Layout.mnist(), dtype, HINT);
  }

  /** Whether the four files are in {@code dataDir} (null: the Debian location). */
  public static boolean isAvailable(Path dataDir) {
    try {
      Path dir = directory(dataDir);
      IdxDatasets.Layout l = IdxDatasets.Layout.mnist();
      for (String name : new String[] {l.trainImages(), l.trainLabels(), l.testImages(), l.testLabels()}) {
        IdxDatasets.find(dir, name, HINT);
      }
      return true;
    } catch (dev.descent.DescentException e) {
      return false;
    }
  }

  /**
   * {@code data} and {@code others} with every pixel standardized by the mean μ and standard
   * deviation σ of all pixels of {@code data}, x′ = (x − μ)/σ (for Fashion-MNIST μ = 0.2860,
   * σ = 0.3530, the constants of PyTorch's {@code transforms.Normalize} in the usual tutorials).
   * Returns {@code data}'s version first.
   */
  public static Dataset[] normalize(Dataset data, Dataset... others) {
    double mean = data.features().sum() / data.features().size();
    double std = Math.sqrt(Math.max(data.features().sumOfSquares() / data.features().size() - mean * mean, 1e-12));
    Dataset[] out = new Dataset[1 + others.length];
    for (int i = 0; i < out.length; i++) {
      Dataset d = i == 0 ? data : others[i - 1];
      var x = d.features().copy();
      x.map(v -> (v - mean) / std, x);
      out[i] = new Dataset(x, d.targets());
    }
    return out;
  }
}
