package dev.descent.initializers.sampling;

import com.google.common.base.Preconditions;
import dev.descent.initializers.distribution.NormalMath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Normal variates by the ziggurat method of Marsaglia and Tsang ("The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8), 2000), for the standard normal ({@link
 * #STANDARD}) and for the standard normal truncated to [−h, h] ({@link #truncatedAt}).
 *
 * <p>The region under f(x) = e^(−x²/2) on [0, h) is covered by 512 horizontal layers of equal area
 * v (Marsaglia and Tsang use 128 or 256); layer i is the rectangle [0, wᵢ] × [yᵢ, yᵢ₊₁] and lies
 * under f left of eᵢ = f⁻¹(yᵢ₊₁). A draw picks a layer and a signed abscissa z uniform in (−wᵢ, wᵢ); |z| &lt; eᵢ (about 99.3% of draws)
 * accepts at once, otherwise the exact wedge test yᵢ + U·(yᵢ₊₁ − yᵢ) &lt; f(z) accepts or a fresh
 * draw starts.
 *
 * <ul>
 *   <li>Untruncated (h = ∞): Marsaglia and Tsang's layout. The bottom layer is the base strip
 *       [0, r] × [0, f(r)] plus the tail beyond r, drawn by Marsaglia's exponential method (1964);
 *       r is solved so the top layer closes at f(0) = 1, which for 256 layers reproduces their r =
 *       3.6541528853610088 and v = 0.00492867323399.
 *   <li>Truncated at h: the layers are clipped at x = h (wᵢ = min(h, f⁻¹(yᵢ))), so the bottom ones
 *       are full-width rectangles that always accept and there is no tail; v is solved so the top
 *       layer closes. Nothing is drawn and discarded beyond h, so a truncated draw costs what an
 *       untruncated one does.
 * </ul>
 *
 * <p>Following Doornik ("An improved ziggurat method to generate normal random samples", 2005) the
 * layer (bits 0–8), the sign (bit 63) and the 52-bit magnitude (bits 11–62) come from disjoint bits
 * of one 64-bit word. The output is exact up to floating-point rounding of the tables. Immutable and
 * thread-safe.
 */
public final class Ziggurat {
  /** The number of layers: 2⁹, so about 99.3% of draws take the fast path. */
  static final int LAYERS = 512;

  /** The bulk method's block: values are the same when a range is split at multiples of it. */
  public static final int BLOCK = 4096;

  /** Truncation bounds from which {@link #fillTruncated} uses the standard ziggurat and redraws. */
  static final double CLIPPED_LIMIT = 3.5;

  /** The standard normal N(0, 1). */
  public static final Ziggurat STANDARD = new Ziggurat(Double.POSITIVE_INFINITY, LAYERS);

  private static final ThreadLocal<long[]> DEFERRED_BITS = ThreadLocal.withInitial(() -> new long[BLOCK]);
  private static final ThreadLocal<int[]> DEFERRED_AT = ThreadLocal.withInitial(() -> new int[BLOCK]);

  private static final Map<Double, Ziggurat> TRUNCATED = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Double, Ziggurat> eldest) {
      return size() > 16;
    }
  };

  /** The truncated ziggurat used last, found without a lock or an allocation. */
  private static volatile Ziggurat lastTruncated;

  /** The truncation bound h (∞ for none). */
  private final double h;
  /** layers − 1, which selects a layer from the low bits of a word. */
  private final int mask;
  /** The start of the tail, r (untruncated only). */
  private final double r;
  /** The area of each layer, v. */
  private final double v;
  /** Interleaved for one bounds check: t[2i] = wᵢ·2⁻⁵², t[2i + 1] = eᵢ. */
  private final double[] t;
  /** The layers' heights: layer i spans [y[i], y[i + 1]] (layer 0 of the untruncated layout is special). */
  private final double[] y;

  /** The ziggurat of N(0, 1) conditioned on [−h, h] (h = ∞ for none) with {@code layers} layers. */
  Ziggurat(double h, int layers) {
    Preconditions.checkArgument(Integer.bitCount(layers) == 1 && layers >= 64 && layers <= 1024,
        "layers must be a power of two in [64, 1024], got %s", layers);
    this.h = h;
    this.mask = layers - 1;
    this.t = new double[2 * layers];
    this.y = new double[layers + 1];
    double[] w = new double[layers];
    double[] e = new double[layers];
    if (Double.isInfinite(h)) {
      this.r = solveTailStart(layers);
      this.v = r * f(r) + tailArea(r);
      double[] x = new double[layers + 1];
      check(untruncatedEdges(r, v, x));
      for (int i = 0; i < layers; i++) {
        w[i] = i == 0 ? v / f(r) : x[i];
        e[i] = x[i + 1];
        y[i] = i == 0 ? 0 : f(x[i]);
      }
      y[layers] = 1;
    } else {
      this.r = h;
      this.v = solveTruncatedArea(h, layers);
      check(truncatedLayers(h, v, w, e, y));
    }
    for (int i = 0; i < layers; i++) {
      t[2 * i] = w[i] * 0x1.0p-52;
      t[2 * i + 1] = e[i];
    }
  }

  private void check(double residual) {
    if (!(Math.abs(residual) < 1e-9)) {
      throw new IllegalStateException("ziggurat tables for h=" + h + " do not close: " + residual);
    }
  }

  /** The standard normal conditioned on [−h, h], h &gt; 0 (tables cached for the last 16 bounds). */
  public static Ziggurat truncatedAt(double h) {
    Preconditions.checkArgument(h > 0, "h must be > 0, got %s", h);
    if (h == Double.POSITIVE_INFINITY) {
      return STANDARD;
    }
    Ziggurat last = lastTruncated;
    if (last != null && last.h == h) {
      return last;
    }
    synchronized (TRUNCATED) {
      last = TRUNCATED.computeIfAbsent(h, bound -> new Ziggurat(bound, LAYERS));
    }
    lastTruncated = last;
    return last;
  }

  /** r, where the tail starts (h for a truncated ziggurat). */
  public double tailStart() {
    return r;
  }

  /** v, the area of each layer. */
  public double layerArea() {
    return v;
  }

  private static double f(double x) {
    return Double.isInfinite(x) ? 0 : Math.exp(-0.5 * x * x);
  }

  /** f⁻¹(y) = √(−2 ln y) for y in (0, 1]; ∞ at 0. */
  private static double inverse(double y) {
    return y <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt(-2 * Math.log(y));
  }

  /** ∫ᵣ^∞ e^(−x²/2) dx = √(2π)·Q(r). */
  private static double tailArea(double r) {
    return Math.sqrt(2 * Math.PI) * NormalMath.survival(r);
  }

  /**
   * Marsaglia and Tsang's edges x₀ = v/f(r), x₁ = r, x_{i+1} = f⁻¹(f(xᵢ) + v/xᵢ), x₂₅₆ = 0; returns
   * how far the top layer is from closing, f(x₂₅₅) + v/x₂₅₅ − 1 (+∞ if the layers pass the top
   * early). It decreases as r grows.
   */
  private static double untruncatedEdges(double r, double v, double[] x) {
    int n = x.length - 1;
    x[0] = v / f(r);
    x[1] = r;
    for (int i = 1; i < n - 1; i++) {
      double next = f(x[i]) + v / x[i];
      if (next >= 1) {
        return Double.POSITIVE_INFINITY;
      }
      x[i + 1] = inverse(next);
    }
    x[n] = 0;
    return f(x[n - 1]) + v / x[n - 1] - 1;
  }

  private static double solveTailStart(int layers) {
    double[] x = new double[layers + 1];
    return bisect(1, 10, r -> untruncatedEdges(r, r * f(r) + tailArea(r), x) > 0);
  }

  /**
   * Layers clipped at h: y₀ = 0, wᵢ = min(h, f⁻¹(yᵢ)), yᵢ₊₁ = yᵢ + v/wᵢ, eᵢ = min(h, f⁻¹(yᵢ₊₁));
   * returns y₂₅₆ − 1, which grows with v (+∞ if the layers pass the top early).
   */
  private static double truncatedLayers(double h, double v, double[] w, double[] e, double[] y) {
    int n = w.length;
    y[0] = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.min(h, inverse(y[i]));
      y[i + 1] = y[i] + v / w[i];
      if (y[i + 1] > 1 && i < n - 1) {
        return Double.POSITIVE_INFINITY;
      }
      e[i] = Math.min(h, inverse(Math.min(1, y[i + 1])));
    }
    double residual = y[n] - 1;
    y[n] = 1;
    e[n - 1] = 0;
    return residual;
  }

  private static double solveTruncatedArea(double h, int layers) {
    double area = Math.sqrt(2 * Math.PI) * (0.5 - NormalMath.survival(h));
    double[] w = new double[layers];
    double[] e = new double[layers];
    double[] y = new double[layers + 1];
    return bisect(area / layers, 2 * area / layers, v -> truncatedLayers(h, v, w, e, y) < 0);
  }

  /** The boundary of a monotone predicate on [lo, hi], true below it, to the last bit. */
  private static double bisect(double lo, double hi, java.util.function.DoublePredicate below) {
    double a = lo;
    double b = hi;
    while (true) {
      double mid = 0.5 * (a + b);
      if (mid <= a || mid >= b) {
        return b;
      }
      if (below.test(mid)) {
        a = mid;
      } else {
        b = mid;
      }
    }
  }

  /**
   * Writes mean + std·Z into {@code out[from..to)}, Z standard normal conditioned on [−h, h]: with
   * the truncated ziggurat for h below {@value #CLIPPED_LIMIT}, where its clipped layers stay under
   * the density; beyond, where fewer than 5 draws in 10 000 fall outside, with the standard one and
   * redraws.
   */
  public static void fillTruncated(double[] out, int from, int to, Rng rng, double mean, double std, double h) {
    if (h < CLIPPED_LIMIT) {
      truncatedAt(h).fill(out, from, to, rng, mean, std);
      return;
    }
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      STANDARD.fill(out, start, end, rng, 0, 1);
      for (int j = start; j < end; j++) {
        double z = out[j];
        while (Math.abs(z) > h) {
          z = STANDARD.next(rng);
        }
        out[j] = mean + std * z;
      }
    }
  }

  /** One variate drawn from {@code rng}. */
  public double next(Rng rng) {
    long bits = rng.nextLong();
    int i = ((int) bits & mask) << 1;
    double z = (bits >> 11) * t[i];
    if (Math.abs(z) < t[i + 1]) {
      return z;
    }
    return complete(rng, bits);
  }

  /**
   * Writes mean + std·Z into {@code out[from..to)}, Z a variate of this ziggurat. Works in blocks of
   * {@link #BLOCK}: a first pass writes every draw and notes the few whose fast test failed, a
   * second finishes those, so the hot loop makes no call.
   */
  public void fill(double[] out, int from, int to, Rng rng, double mean, double std) {
    long[] deferredBits = DEFERRED_BITS.get();
    int[] deferredAt = DEFERRED_AT.get();
    for (int start = from; start < to; start += BLOCK) {
      int deferred = fastPass(out, start, Math.min(to, start + BLOCK), rng, mean, std, deferredBits, deferredAt);
      for (int k = 0; k < deferred; k++) {
        out[deferredAt[k]] = mean + std * complete(rng, deferredBits[k]);
      }
    }
  }

  /** The first pass of {@link #fill} over one block; returns how many draws were deferred. */
  private int fastPass(double[] out, int start, int end, Rng rng, double mean, double std, long[] deferredBits,
      int[] deferredAt) {
    final double[] table = t;
    final int m = mask;
    long s = rng.state;
    int deferred = 0;
    for (int j = start; j < end; j++) {
      long bits = Rng.mix64(s += Rng.GOLDEN_GAMMA);
      int i = ((int) bits & m) << 1;
      double z = (bits >> 11) * table[i];
      if (Math.abs(z) >= table[i + 1]) {
        deferredBits[deferred] = bits;
        deferredAt[deferred++] = j;
      }
      out[j] = mean + std * z;
    }
    rng.state = s;
    return deferred;
  }

  /** Finishes a draw whose fast test failed: the tail, the wedge test, or a fresh draw. */
  private double complete(Rng rng, long firstBits) {
    long bits = firstBits;
    while (true) {
      int layer = (int) bits & mask;
      double z = (bits >> 11) * t[2 * layer];
      double az = Math.abs(z);
      if (az < t[2 * layer + 1]) {
        return z;
      }
      if (layer == 0 && Double.isInfinite(h)) {
        double tail = tail(rng);
        return bits < 0 ? -tail : tail;
      }
      if (y[layer] + (y[layer + 1] - y[layer]) * rng.nextDouble() < f(az)) {
        return z;
      }
      bits = rng.nextLong();
    }
  }

  /** A draw from f beyond r, by Marsaglia's exponential method. */
  private double tail(Rng rng) {
    double e;
    double u;
    do {
      e = -Math.log(rng.nextDoubleOpenZero()) / r;
      u = -Math.log(rng.nextDoubleOpenZero());
    } while (u + u < e * e);
    return r + e;
  }
}
