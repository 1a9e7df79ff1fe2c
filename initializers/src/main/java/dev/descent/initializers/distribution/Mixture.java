package dev.descent.initializers.distribution;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * A mixture Σₖ wₖ·Dₖ: with probability wₖ the value is drawn from Dₖ. Describes schemes whose
 * elements are not all alike, such as {@code sparse} (a fraction of exact zeros, the rest normal)
 * and {@code identity} (the gain on the diagonal, zeros elsewhere): mean Σ wₖμₖ, variance
 * Σ wₖ(σₖ² + μₖ²) − μ², density and distribution function the weighted sums. Immutable and
 * thread-safe.
 *
 * @param components the weighted components; weights are &gt; 0 and sum to 1
 */
public record Mixture(ImmutableList<Component> components) implements Distribution {

  /**
   * One component of a mixture.
   *
   * @param weight its probability, in (0, 1]
   * @param distribution its distribution
   */
  public record Component(double weight, Distribution distribution) {
    public Component {
      Preconditions.checkArgument(weight > 0 && weight <= 1, "weight must be in (0, 1], got %s", weight);
      Preconditions.checkNotNull(distribution);
    }
  }

  public Mixture {
    Preconditions.checkArgument(!components.isEmpty(), "a mixture needs components");
    double total = components.stream().mapToDouble(Component::weight).sum();
    Preconditions.checkArgument(Math.abs(total - 1) < 1e-9, "weights must sum to 1, got %s", total);
  }

  /**
   * The mixture of {@code first} with probability {@code weight} and {@code second} otherwise; just
   * one of them when the weight is 0 or 1.
   */
  public static Distribution of(double weight, Distribution first, Distribution second) {
    if (weight >= 1) {
      return first;
    }
    if (weight <= 0) {
      return second;
    }
    return new Mixture(ImmutableList.of(new Component(weight, first), new Component(1 - weight, second)));
  }

  @Override
  public double mean() {
    double m = 0;
    for (Component c : components) {
      m += c.weight() * c.distribution().mean();
    }
    return m;
  }

  @Override
  public double std() {
    double m = mean();
    double second = 0;
    for (Component c : components) {
      double mu = c.distribution().mean();
      second += c.weight() * (c.distribution().variance() + mu * mu);
    }
    return Math.sqrt(Math.max(0, second - m * m));
  }

  @Override
  public double min() {
    return components.stream().mapToDouble(c -> c.distribution().min()).min().orElseThrow();
  }

  @Override
  public double max() {
    return components.stream().mapToDouble(c -> c.distribution().max()).max().orElseThrow();
  }

  @Override
  public double density(double x) {
    double d = 0;
    for (Component c : components) {
      d += c.weight() * c.distribution().density(x);
    }
    return d;
  }

  @Override
  public double cdf(double x) {
    double p = 0;
    for (Component c : components) {
      p += c.weight() * c.distribution().cdf(x);
    }
    return p;
  }

  @Override
  public List<Atom> atoms() {
    List<Atom> atoms = new ArrayList<>();
    for (Component c : components) {
      for (Atom a : c.distribution().atoms()) {
        atoms.add(new Atom(a.value(), c.weight() * a.probability()));
      }
    }
    return atoms;
  }

  @Override
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (Component c : components) {
      b.append(b.length() == 0 ? "" : " + ").append(Format.num(c.weight())).append("·").append(c.distribution().describe());
    }
    return b.toString();
  }
}
