package dev.descent.optimizers;

import dev.descent.DescentException;
import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerState;
import dev.descent.optimizers.parallel.ParallelRanges;
import dev.descent.concurrent.RangeBody;
import dev.descent.spec.Arguments;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base class of update rules that move each parameter element by element: one fused pass over the
 * flat arrays of each parameter tensor per step, on every core for large tensors, allocating
 * nothing after the first step.
 *
 * <p>A subclass declares the names of its per-element buffers and per-parameter scalars, then
 * implements three hooks called for each parameter in turn: {@link #begin} (once, after the
 * parameter's step count has been incremented: compute the step's coefficients, such as bias
 * corrections, into fields), {@link #update} (the elementwise rule on a range of indices, in
 * double precision) and {@link #end} (once, after the pass: advance per-parameter scalars). The
 * math is written once, in double: float64 tensors are updated in place, and float32 tensors are
 * widened block by block into per-worker scratch, updated, and rounded back, so float32 buffers hold
 * float32 values while the arithmetic is done in double. Because the JIT does not vectorize those
 * conversions (JDK 17), that path is several times slower than a float loop; a rule where float32
 * speed matters also implements {@link #update(float[], float[], float[][], int, int)} in float32
 * arithmetic, as PyTorch computes float32 tensors, and returns true from {@link #hasFloatKernel}.
 *
 * <p>State (per parameter {@code <name>/step}, {@code <name>/<scalar>}, {@code <name>/<buffer>},
 * and the current learning rate under {@code lr}) is created on a parameter's first step, and
 * {@link #state()}/{@link #restore} round-trip it exactly. Not thread-safe: one optimizer serves one
 * training loop.
 */
public abstract class FusedOptimizer implements Optimizer {
  /** The number of float32 elements widened to double at a time. */
  static final int BLOCK = 512;

  private final String name;
  private final List<String> bufferNames;
  private final int savedBuffers;
  private final List<String> scalarNames;
  private final Map<String, ParameterSlot> slots = new LinkedHashMap<>();
  private final Pass pass = new Pass();
  private double learningRate;
  private double[][][] scratchValues;
  private double[][][] scratchBuffers;

  /**
   * @param name the rule's name, used in messages
   * @param learningRate the initial learning rate
   * @param bufferNames the per-element buffers, in the order {@link #update} receives them
   * @param transientBuffers how many of the last {@code bufferNames} are working space, not state
   * @param scalarNames the per-parameter scalars, in the order {@link ParameterSlot#scalar} indexes them
   */
  protected FusedOptimizer(String name, double learningRate, List<String> bufferNames, int transientBuffers,
      List<String> scalarNames) {
    this.name = name;
    this.bufferNames = List.copyOf(bufferNames);
    this.savedBuffers = bufferNames.size() - transientBuffers;
    this.scalarNames = List.copyOf(scalarNames);
    setLearningRate(learningRate);
  }

  /** A rule with saved buffers {@code bufferNames} and no scalars. */
  protected FusedOptimizer(String name, double learningRate, String... bufferNames) {
    this(name, learningRate, List.of(bufferNames), 0, List.of());
  }

  /** Called once per parameter and step, after its step count is incremented and before {@link #update}. */
  protected abstract void begin(ParameterSlot slot);

  /**
   * Applies the rule to elements {@code from} to {@code to} (exclusive): {@code p} are the values
   * (updated in place), {@code g} the gradient (read only), {@code b} the buffers in declaration
   * order (updated in place). Called concurrently on disjoint ranges; may only read fields set by
   * {@link #begin}.
   */
  protected abstract void update(double[] p, double[] g, double[][] b, int from, int to);

  /** Whether {@link #update(float[], float[], float[][], int, int)} is implemented. */
  protected boolean hasFloatKernel() {
    return false;
  }

  /**
   * The rule in float32 arithmetic for float32 tensors, with the same contract as {@link
   * #update(double[], double[], double[][], int, int)}; used only when {@link #hasFloatKernel}.
   */
  protected void update(float[] p, float[] g, float[][] b, int from, int to) {
    throw new UnsupportedOperationException(name + " has no float32 kernel");
  }

  /** Called once per parameter and step after {@link #update} has covered every element. */
  protected void end(ParameterSlot slot) {}

  /** The value buffer {@code index} starts with on a parameter's first step (0 unless overridden). */
  protected double initialValue(int index) {
    return 0;
  }

  @Override
  public void step(List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      ParameterSlot slot = slotFor(parameter);
      slot.advance();
      begin(slot);
      runElementwise(slot, parameter.value(), parameter.grad());
      end(slot);
    }
  }

  /** The state slot of {@code parameter}, created (with initial buffer values) on first use. */
  protected final ParameterSlot slotFor(Parameter parameter) {
    Tensor value = parameter.value();
    ParameterSlot slot = slots.get(parameter.name());
    if (slot == null) {
      slot = new ParameterSlot(parameter.name(), value.size(), value.dtype(), bufferNames.size(), scalarNames.size());
      for (int b = 0; b < bufferNames.size(); b++) {
        double v = initialValue(b);
        if (v != 0) {
          if (value.dtype() == DType.FLOAT32) {
            java.util.Arrays.fill(slot.floats()[b], (float) v);
          } else {
            java.util.Arrays.fill(slot.doubles()[b], v);
          }
        }
      }
      initialize(slot);
      slots.put(parameter.name(), slot);
    } else {
      slot.bind(value.size(), value.dtype(), name);
    }
    return slot;
  }

  /** Sets a new slot's scalars; called once when a parameter is first seen. */
  protected void initialize(ParameterSlot slot) {}

  /** Runs {@link #update} over every element of {@code value}, with {@code grad} and the slot's buffers. */
  protected final void runElementwise(ParameterSlot slot, Tensor value, Tensor grad) {
    if (slot.dtype() == DType.FLOAT32 && scratchValues == null && !hasFloatKernel()) {
      scratchValues = new double[ParallelRanges.workers()][2][BLOCK];
      scratchBuffers = new double[ParallelRanges.workers()][bufferNames.size()][BLOCK];
    }
    pass.set(slot, value, grad);
    try {
      ParallelRanges.run(slot.size(), pass);
    } finally {
      pass.clear();
    }
  }

  /**
   * The sign of {@code x}: 1, −1, or x itself for ±0 and NaN, as {@code Math.signum}. Written with
   * {@code copySign} and a test that is almost never true, because both {@code Math.signum} and a
   * two-way comparison on data of random sign run several times slower in JDK 17's compiled loops.
   */
  protected static double sign(double x) {
    return x == 0 || x != x ? x : Math.copySign(1.0, x);
  }

  /** The float32 buffer {@code index} of {@code slot}, or {@code null} for a float64 slot. */
  protected static float[] floatBuffer(ParameterSlot slot, int index) {
    return slot.floats() == null ? null : slot.floats()[index];
  }

  /** The float64 buffer {@code index} of {@code slot}, or {@code null} for a float32 slot. */
  protected static double[] doubleBuffer(ParameterSlot slot, int index) {
    return slot.doubles() == null ? null : slot.doubles()[index];
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = Arguments.atLeast(name, learningRateParameter(), learningRate, 0);
  }

  /** The name of the learning-rate parameter in this rule's specs, for messages: {@code lr} unless overridden. */
  protected String learningRateParameter() {
    return "lr";
  }

  /** The rule's name, as registered. */
  protected final String name() {
    return name;
  }

  @Override
  public String toString() {
    return spec();
  }

  @Override
  public OptimizerState state() {
    Map<String, double[]> entries = new LinkedHashMap<>();
    entries.put("lr", new double[] {learningRate});
    for (ParameterSlot slot : slots.values()) {
      String prefix = slot.name() + "/";
      entries.put(prefix + "step", new double[] {slot.step()});
      double[] scalars = slot.scalarsCopy();
      for (int s = 0; s < scalars.length; s++) {
        entries.put(prefix + scalarNames.get(s), new double[] {scalars[s]});
      }
      for (int b = 0; b < savedBuffers; b++) {
        entries.put(prefix + bufferNames.get(b), slot.widened(b));
      }
    }
    return new OptimizerState(entries);
  }

  @Override
  public void restore(OptimizerState state) {
    Map<String, Map<String, double[]>> byParameter = new LinkedHashMap<>();
    double lr = learningRate;
    for (String key : state.names()) {
      if (key.equals("lr")) {
        lr = single(state, key);
        continue;
      }
      int slash = key.lastIndexOf('/');
      String field = slash < 0 ? key : key.substring(slash + 1);
      if (slash <= 0 || !(field.equals("step") || scalarNames.contains(field) || bufferNames.subList(0, savedBuffers).contains(field))) {
        throw new DescentException(String.format("%s: unknown state entry '%s'; %s keeps lr and <parameter>/%s",
            name, key, name, String.join(", <parameter>/", fields())));
      }
      byParameter.computeIfAbsent(key.substring(0, slash), k -> new LinkedHashMap<>()).put(field, state.get(key));
    }
    Map<String, ParameterSlot> restored = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, double[]>> e : byParameter.entrySet()) {
      restored.put(e.getKey(), restoreSlot(e.getKey(), e.getValue()));
    }
    setLearningRate(lr);
    slots.clear();
    slots.putAll(restored);
  }

  private ParameterSlot restoreSlot(String parameter, Map<String, double[]> fields) {
    for (String f : fields()) {
      if (!fields.containsKey(f)) {
        throw new DescentException(String.format("%s: the state of parameter '%s' lacks '%s'", name, parameter, f));
      }
    }
    double[] stepValue = fields.get("step");
    double[] scalars = new double[scalarNames.size()];
    for (int s = 0; s < scalars.length; s++) {
      scalars[s] = checkSingle(parameter + "/" + scalarNames.get(s), fields.get(scalarNames.get(s)));
    }
    double[][] buffers = new double[bufferNames.size()][];
    int size = -1;
    for (int b = 0; b < savedBuffers; b++) {
      buffers[b] = fields.get(bufferNames.get(b));
      if (size >= 0 && buffers[b].length != size) {
        throw new DescentException(String.format("%s: the buffers of parameter '%s' differ in length", name, parameter));
      }
      size = buffers[b].length;
    }
    long step = (long) checkSingle(parameter + "/step", stepValue);
    return new ParameterSlot(parameter, size, buffers, scalars, step);
  }

  private List<String> fields() {
    List<String> all = new ArrayList<>();
    all.add("step");
    all.addAll(scalarNames);
    all.addAll(bufferNames.subList(0, savedBuffers));
    return all;
  }

  private double single(OptimizerState state, String key) {
    return checkSingle(key, state.get(key));
  }

  private double checkSingle(String key, double[] value) {
    if (value.length != 1) {
      throw new DescentException(String.format("%s: state entry '%s' must hold one value, found %d", name, key, value.length));
    }
    return value[0];
  }

  /** The elementwise pass over the current parameter; float32 arrays go through per-worker scratch. */
  private final class Pass implements RangeBody {
    private ParameterSlot slot;
    private float[] pf;
    private float[] gf;
    private double[] pd;
    private double[] gd;

    void set(ParameterSlot slot, Tensor value, Tensor grad) {
      this.slot = slot;
      if (slot.dtype() == DType.FLOAT32) {
        pf = value.floats();
        gf = grad.floats();
      } else {
        pd = value.doubles();
        gd = grad.doubles();
      }
    }

    void clear() {
      slot = null;
      pf = null;
      gf = null;
      pd = null;
      gd = null;
    }

    @Override
    public void run(int from, int to, int worker) {
      if (pd != null) {
        update(pd, gd, slot.doubles(), from, to);
        return;
      }
      if (hasFloatKernel()) {
        update(pf, gf, slot.floats(), from, to);
        return;
      }
      double[] sp = scratchValues[worker][0];
      double[] sg = scratchValues[worker][1];
      double[][] sb = scratchBuffers[worker];
      float[][] fb = slot.floats();
      for (int start = from; start < to; start += BLOCK) {
        int len = Math.min(BLOCK, to - start);
        widen(pf, start, sp, len);
        widen(gf, start, sg, len);
        for (int b = 0; b < fb.length; b++) {
          widen(fb[b], start, sb[b], len);
        }
        update(sp, sg, sb, 0, len);
        narrow(sp, pf, start, len);
        for (int b = 0; b < fb.length; b++) {
          narrow(sb[b], fb[b], start, len);
        }
      }
    }
  }

  private static void widen(float[] source, int from, double[] target, int len) {
    for (int i = 0; i < len; i++) {
      target[i] = source[from + i];
    }
  }

  private static void narrow(double[] source, float[] target, int from, int len) {
    for (int i = 0; i < len; i++) {
      target[from + i] = (float) source[i];
    }
  }
}
