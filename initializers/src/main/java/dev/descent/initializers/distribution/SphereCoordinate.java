package dev.descent.initializers.distribution;

import com.google.common.base.Preconditions;
import java.util.List;

/**
 * The distribution of scale·t, where t is one coordinate of a point drawn uniformly from the unit
 * sphere in R^d: the marginal distribution of an entry of a Haar-random (semi-)orthogonal matrix
 * whose longer side is d, scaled by the gain. For d ≥ 2, t has density
 * Γ(d/2)/(√π·Γ((d − 1)/2))·(1 − t²)^((d − 3)/2) on [−1, 1], i.e. (t + 1)/2 ~ Beta((d − 1)/2,
 * (d − 1)/2); its mean is 0 and its variance 1/d. For d = 1 it is ±1 with probability ½ each
 * (Muirhead, Aspects of Multivariate Statistical Theory, Theorem 1.5.7). Immutable and
 * thread-safe.
 *
 * @param dimension d ≥ 1
 * @param scale the factor applied to the coordinate (the gain), &gt; 0
 */
public record SphereCoordinate(int dimension, double scale) implements Distribution {

  public SphereCoordinate {
    Preconditions.checkArgument(dimension >= 1, "dimension must be ≥ 1, got %s", dimension);
    Preconditions.checkArgument(scale > 0 && Double.isFinite(scale), "scale must be finite and > 0, got %s", scale);
  }

  @Override
  public double mean() {
    return 0;
  }

  @Override
  public double std() {
    return scale / Math.sqrt(dimension);
  }

  @Override
  public double min() {
    return -scale;
  }

  @Override
  public double max() {
    return scale;
  }

  @Override
  public double density(double x) {
    double t = x / scale;
    if (dimension == 1 || !(Math.abs(t) < 1)) {
      return 0;
    }
    double a = 0.5 * (dimension - 1);
    double lnC = SpecialMath.lnGamma(0.5 * dimension) - SpecialMath.lnGamma(a) - 0.5 * Math.log(Math.PI);
    return Math.exp(lnC + (a - 1) * Math.log1p(-t * t)) / scale;
  }

  @Override
  public double cdf(double x) {
    double t = x / scale;
    if (dimension == 1) {
      return t < -1 ? 0 : t < 1 ? 0.5 : 1;
    }
    double a = 0.5 * (dimension - 1);
    return SpecialMath.regularizedBeta(Math.min(1, Math.max(0, 0.5 * (t + 1))), a, a);
  }

  @Override
  public List<Atom> atoms() {
    return dimension == 1 ? List.of(new Atom(-scale, 0.5), new Atom(scale, 0.5)) : List.of();
  }

  @Override
  public String describe() {
    return Format.num(scale) + "·(a coordinate of a uniform unit vector in R^" + dimension + ")";
  }
}
