package dev.descent.persist;

import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import dev.descent.io.Json;
import dev.descent.io.JsonLimits;
import dev.descent.io.NpzWriter;
import dev.descent.io.SafeTensorsFile;
import dev.descent.io.SafeTensorsWriter;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.nn.LayerSpecs;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.random.SplitMix64;
import dev.descent.tensor.DType;
import dev.descent.tensor.DoubleTensor;
import dev.descent.tensor.FloatTensor;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model in a safetensors file: its weights as tensors and its architecture in {@code
 * __metadata__} ({@value #LAYERS} holds the JSON array of the layers' specs, with {@value
 * #INPUT_SIZE} and {@value #DTYPE}).
 *
 * <p>Weights carry the names and layout of PyTorch's {@code nn.Sequential} state dict: {@code
 * 0.weight}, {@code 0.bias}, {@code 2.weight}, …, with a dense layer's weight stored as PyTorch's
 * {@code nn.Linear} holds it, {@code [out, in]} (the transpose of Descent's {@code [in, out]}), so
 * {@code model.load_state_dict(safetensors.torch.load_file(path))} loads it into the matching
 * {@code nn.Sequential} of {@code nn.Linear} and activation modules.
 *
 * <p>Loading validates the whole file (see {@link SafeTensorsFile}), the architecture and every
 * tensor's name, dtype and shape, and reads all values, before it changes anything: a bad file
 * leaves the model it was to be loaded into untouched. Stateless.
 */
public final class ModelFile {
  /** Metadata key: what the file holds, {@value #MODEL} or {@value CheckpointFile#CHECKPOINT}. */
  public static final String KIND = "descent.kind";
  /** The kind of a model file. */
  public static final String MODEL = "model";
  /** Metadata key: the JSON array of layer specs. */
  public static final String LAYERS = "descent.layers";
  /** Metadata key: the number of input features. */
  public static final String INPUT_SIZE = "descent.input_size";
  /** Metadata key: {@code float32} or {@code float64}. */
  public static final String DTYPE = "descent.dtype";

  private static final JsonLimits ARCHITECTURE_LIMITS = JsonLimits.DEFAULT;

  private ModelFile() {}

  /** Writes {@code model} (built) to {@code file}, atomically. */
  public static void save(Path file, Sequential model) {
    writer(model, MODEL).writeTo(file);
  }

  /** A writer holding {@code model}'s architecture and weights, with kind {@code kind}. */
  static SafeTensorsWriter writer(Sequential model, String kind) {
    if (!model.isBuilt()) {
      throw new DescentException("cannot save a model that has not been built");
    }
    SafeTensorsWriter writer = new SafeTensorsWriter()
        .metadata(KIND, kind)
        .metadata(LAYERS, Json.write(LayerSpecs.specs(model)))
        .metadata(INPUT_SIZE, Integer.toString(model.inputSize()))
        .metadata(DTYPE, model.dtype().label());
    for (Exported e : exported(model)) {
      if (e.values() instanceof float[] v) {
        writer.add(e.name(), v, e.shape());
      } else {
        writer.add(e.name(), (double[]) e.values(), e.shape());
      }
    }
    return writer;
  }

  /**
   * Writes {@code model}'s weights, named and laid out as in a model file, to a NumPy {@code .npz}
   * archive ({@code numpy.load(file)["0.weight"]}), atomically.
   */
  public static void saveNpz(Path file, Sequential model) {
    NpzWriter npz = new NpzWriter();
    for (Exported e : exported(model)) {
      if (e.values() instanceof float[] v) {
        npz.add(e.name(), v, e.shape());
      } else {
        npz.add(e.name(), (double[]) e.values(), e.shape());
      }
    }
    npz.writeTo(file);
  }

  /** One weight as files hold it: its name, its values in file layout ({@code float[]} or {@code double[]}) and shape. */
  private record Exported(String name, Object values, long[] shape) {}

  private static List<Exported> exported(Sequential model) {
    List<Exported> all = new ArrayList<>();
    for (Stored w : stored(model)) {
      Tensor value = w.transposed() ? transposed(w.parameter().value()) : w.parameter().value();
      Object values = value.dtype() == DType.FLOAT32 ? value.floats() : value.doubles();
      all.add(new Exported(w.parameter().name(), values, w.fileShape()));
    }
    return all;
  }

  /** The model in {@code file} (a model file or a checkpoint), built and holding the saved weights. */
  public static Sequential load(Path file) {
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      return read(f);
    }
  }

  /** Replaces the weights of {@code model} with those in {@code file}, whose architecture must be the same. */
  public static void loadWeights(Path file, Sequential model) {
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      loadWeights(f, model);
    }
  }

  /** Replaces the weights of {@code model} with those in the open file {@code f}, whose architecture must be the same. */
  static void loadWeights(SafeTensorsFile f, Sequential model) {
    if (!model.isBuilt()) {
      throw new DescentException("cannot load weights into a model that has not been built");
    }
    Architecture saved = architecture(f);
    Architecture current = new Architecture(LayerSpecs.specs(model), model.inputSize(), model.dtype());
    if (!saved.equals(current)) {
      throw new DescentException(String.format(
          "%s: wrong architecture: the file holds %s, the model is %s", f.path(), saved, current));
    }
    copy(read(f, model), model);
  }

  /** The model in an open file. */
  static Sequential read(SafeTensorsFile f) {
    Architecture a = architecture(f);
    Sequential model;
    try {
      model = LayerSpecs.sequential(a.layers());
      model.build(a.inputSize(), a.dtype(), new SplitMix64(0));
    } catch (DescentException e) {
      throw new DescentException(f.path() + ": cannot rebuild the model: " + e.getMessage(), e);
    }
    copy(read(f, model), model);
    return model;
  }

  /** The architecture recorded in {@code f}'s metadata. */
  static Architecture architecture(SafeTensorsFile f) {
    Map<String, String> meta = f.metadata();
    String layers = require(f, LAYERS);
    Object parsed;
    try {
      parsed = Json.parse(layers, ARCHITECTURE_LIMITS);
    } catch (DescentException e) {
      throw new DescentException(f.path() + ": metadata " + LAYERS + ": " + e.getMessage(), e);
    }
    if (!(parsed instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
      throw new DescentException(f.path() + ": metadata " + LAYERS + " must be a non-empty JSON array of layer specs");
    }
    List<String> specs = list.stream().map(String.class::cast).toList();
    int inputSize;
    try {
      inputSize = Integer.parseInt(require(f, INPUT_SIZE));
    } catch (NumberFormatException e) {
      inputSize = 0;
    }
    if (inputSize < 1) {
      throw new DescentException(f.path() + ": metadata " + INPUT_SIZE + " must be an integer ≥ 1, got "
          + Json.quote(meta.get(INPUT_SIZE)));
    }
    String dtypeName = require(f, DTYPE);
    DType dtype;
    try {
      dtype = DType.parse(dtypeName);
    } catch (DescentException e) {
      throw new DescentException(String.format("%s: metadata %s is %s; known dtypes: float32, float64", f.path(), DTYPE,
          Json.quote(dtypeName)), e);
    }
    return new Architecture(ImmutableList.copyOf(specs), inputSize, dtype);
  }

  static String require(SafeTensorsFile f, String key) {
    String value = f.metadata().get(key);
    if (value == null) {
      throw new DescentException(String.format("%s: not a Descent %s file: the metadata lacks %s", f.path(),
          key.startsWith("descent.trainer") ? "checkpoint" : "model", key));
    }
    return value;
  }

  /** The architecture a file records. */
  record Architecture(ImmutableList<String> layers, int inputSize, DType dtype) {
    @Override
    public String toString() {
      return String.format("%d %s inputs → %s", inputSize, dtype.label(),
          Json.quote(String.join(", ", layers)));
    }
  }

  /** One parameter as stored: its shape in the file and whether that is the transpose of Descent's. */
  record Stored(Parameter parameter, int[] shape, boolean transposed) {
    /** The shape as the file records it. */
    long[] fileShape() {
      return Shape.of(shape).longDims();
    }
  }

  static List<Stored> stored(Sequential model) {
    List<Stored> all = new ArrayList<>();
    for (Layer layer : model.layers()) {
      for (Parameter p : layer.parameters()) {
        boolean transposed = layer instanceof Dense d && p == d.weight();
        int[] dims = p.value().shape().dims();
        all.add(new Stored(p, transposed ? new int[] {dims[1], dims[0]} : dims, transposed));
      }
    }
    return all;
  }

  /** Every parameter's values read from {@code f} and checked, in Descent's layout, before any is copied. */
  private static List<Tensor> read(SafeTensorsFile f, Sequential model) {
    List<Stored> stored = stored(model);
    List<Tensor> values = new ArrayList<>();
    String expected = model.dtype() == DType.FLOAT32 ? "F32" : "F64";
    for (Stored w : stored) {
      String name = w.parameter().name();
      if (!f.names().contains(name)) {
        throw new DescentException(String.format("%s: wrong architecture: no tensor %s (the file has %s)", f.path(), name,
            String.join(", ", f.names().stream().limit(20).map(Json::quote).toList())));
      }
      long[] shape = f.shape(name);
      if (!Arrays.equals(shape, w.fileShape()) || !f.dtype(name).equals(expected)) {
        throw new DescentException(String.format("%s: wrong architecture: tensor %s is %s %s, the model needs %s %s",
            f.path(), name, f.dtype(name), Arrays.toString(shape), expected, Arrays.toString(w.shape())));
      }
      Shape fileShape = Shape.of(w.shape());
      Tensor v = model.dtype() == DType.FLOAT32
          ? new FloatTensor(fileShape, f.floats(name)) : new DoubleTensor(fileShape, f.doubles(name));
      values.add(w.transposed() ? transposed(v) : v);
    }
    return values;
  }

  private static void copy(List<Tensor> values, Sequential model) {
    List<Parameter> parameters = model.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).value().copyFrom(values.get(i));
    }
  }

  /** A new matrix holding the transpose of {@code m}: PyTorch's [out, in] for Descent's [in, out], and back. */
  private static Tensor transposed(Tensor m) {
    Tensor t = Tensor.zeros(m.dtype(), m.cols(), m.rows());
    m.transpose(t);
    return t;
  }
}
