package dev.descent.optimizers.surface;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * The classic optimization test functions in two dimensions, with their known stationary points
 * (Rosenbrock 1960; Beale 1958; Himmelblau 1972; Rastrigin 1974; Dixon and Szegő 1978 for the
 * six-hump camel), plus the saddles x² − y² and x³ − 3xy² and an axis-aligned quadratic whose
 * condition number is b/a.
 */
public final class BuiltinSurfaces {
  private BuiltinSurfaces() {}

  /** f = (a − x)² + b(y − x²)², minimum 0 at (a, a²) at the bottom of a curved valley. */
  public record Rosenbrock(double a, double b) implements TestSurface {
    public Rosenbrock {
      Arguments.finite("rosenbrock", "a", a);
      Arguments.greaterThan("rosenbrock", "b", b, 0);
    }
    @Override public String spec() { return SpecText.of("rosenbrock").add("a", a).add("b", b).toString(); }
    @Override public double value(double x, double y) { return (a - x) * (a - x) + b * (y - x * x) * (y - x * x); }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = -2 * (a - x) - 4 * b * x * (y - x * x);
      out[1] = 2 * b * (y - x * x);
    }

    @Override public List<CriticalPoint> criticalPoints() { return List.of(CriticalPoint.minimum(a, a * a)); }
    @Override public double[] window() { return new double[] {-2, 2, -1, 3}; }
    @Override public double[] start() { return new double[] {-1.5, 2}; }
  }

  /** Beale: (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, 0.5). */
  public record Beale() implements TestSurface {
    @Override public String spec() { return "beale"; }

    @Override
    public double value(double x, double y) {
      double a = 1.5 - x + x * y;
      double b = 2.25 - x + x * y * y;
      double c = 2.625 - x + x * y * y * y;
      return a * a + b * b + c * c;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
      double a = 1.5 - x + x * y;
      double b = 2.25 - x + x * y * y;
      double c = 2.625 - x + x * y * y * y;
      out[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
      out[1] = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y;
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
      return List.of(CriticalPoint.minimum(3, 0.5), CriticalPoint.saddle(0, 1));
    }

    @Override public double[] window() { return new double[] {-4.5, 4.5, -4.5, 4.5}; }
    @Override public double[] start() { return new double[] {1, 1.5}; }
  }

  /** Himmelblau: (x² + y − 11)² + (x + y² − 7)², four global minima of value 0. */
  public record Himmelblau() implements TestSurface {
    @Override public String spec() { return "himmelblau"; }

    @Override
    public double value(double x, double y) {
      double a = x * x + y - 11;
      double b = x + y * y - 7;
      return a * a + b * b;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
      double a = x * x + y - 11;
      double b = x + y * y - 7;
      out[0] = 4 * x * a + 2 * b;
      out[1] = 2 * a + 4 * y * b;
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
      return List.of(CriticalPoint.minimum(3, 2),
          CriticalPoint.minimum(-2.805118086952745, 3.131312518250573),
          CriticalPoint.minimum(-3.779310253377747, -3.283185991286170),
          CriticalPoint.minimum(3.584428340330492, -1.848126526964404),
          new CriticalPoint(-0.2708445906673476, -0.9230385564799815, CriticalPoint.Kind.MAXIMUM));
    }

    @Override public double[] window() { return new double[] {-5, 5, -5, 5}; }
    @Override public double[] start() { return new double[] {0, 0}; }
  }

  /** Rastrigin: 2A + x² − A cos 2πx + y² − A cos 2πy, global minimum 0 at the origin among many local ones. */
  public record Rastrigin(double a) implements TestSurface {
    public Rastrigin {
      Arguments.atLeast("rastrigin", "a", a, 0);
    }
    @Override public String spec() { return SpecText.of("rastrigin").add("a", a).toString(); }

    @Override
    public double value(double x, double y) {
      return 2 * a + x * x - a * Math.cos(2 * Math.PI * x) + y * y - a * Math.cos(2 * Math.PI * y);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = 2 * x + 2 * Math.PI * a * Math.sin(2 * Math.PI * x);
      out[1] = 2 * y + 2 * Math.PI * a * Math.sin(2 * Math.PI * y);
    }

    @Override public List<CriticalPoint> criticalPoints() { return List.of(CriticalPoint.minimum(0, 0)); }
    @Override public double[] window() { return new double[] {-5.12, 5.12, -5.12, 5.12}; }
    @Override public double[] start() { return new double[] {3.2, 2.4}; }
  }

  /** The saddle x² − y²: a saddle at the origin, unbounded below along y. */
  public record Saddle() implements TestSurface {
    @Override public String spec() { return "saddle"; }
    @Override public double value(double x, double y) { return x * x - y * y; }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = 2 * x;
      out[1] = -2 * y;
    }

    @Override public List<CriticalPoint> criticalPoints() { return List.of(CriticalPoint.saddle(0, 0)); }
    @Override public double[] window() { return new double[] {-2, 2, -2, 2}; }
    @Override public double[] start() { return new double[] {1.5, 1e-3}; }
  }

  /** The monkey saddle x³ − 3xy²: a degenerate saddle at the origin with three descending valleys. */
  public record MonkeySaddle() implements TestSurface {
    @Override public String spec() { return "monkey_saddle"; }
    @Override public double value(double x, double y) { return x * x * x - 3 * x * y * y; }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = 3 * x * x - 3 * y * y;
      out[1] = -6 * x * y;
    }

    @Override public List<CriticalPoint> criticalPoints() { return List.of(CriticalPoint.saddle(0, 0)); }
    @Override public double[] window() { return new double[] {-2, 2, -2, 2}; }
    @Override public double[] start() { return new double[] {1, 0.1}; }
  }

  /**
   * The six-hump camel: (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y², two global minima of value
   * −1.0316 at (±0.0898, ∓0.7126) and four local ones.
   */
  public record SixHumpCamel() implements TestSurface {
    @Override public String spec() { return "six_hump_camel"; }

    @Override
    public double value(double x, double y) {
      double x2 = x * x;
      double y2 = y * y;
      return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
      double x2 = x * x;
      out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
      out[1] = x - 8 * y + 16 * y * y * y;
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
      return List.of(CriticalPoint.minimum(0.08984201310031807, -0.7126564030207396),
          CriticalPoint.minimum(-0.08984201310031807, 0.7126564030207396),
          CriticalPoint.saddle(0, 0));
    }

    @Override public double[] window() { return new double[] {-2, 2, -1, 1}; }
    @Override public double[] start() { return new double[] {-1.5, 0.8}; }
  }

  /** The quadratic a·x² + b·y²: a minimum at the origin when a, b &gt; 0, with condition number b/a. */
  public record Quadratic(double a, double b) implements TestSurface {
    public Quadratic {
      Arguments.greaterThan("quadratic", "a", a, 0);
      Arguments.greaterThan("quadratic", "b", b, 0);
    }
    @Override public String spec() { return SpecText.of("quadratic").add("a", a).add("b", b).toString(); }
    @Override public double value(double x, double y) { return a * x * x + b * y * y; }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = 2 * a * x;
      out[1] = 2 * b * y;
    }

    @Override public List<CriticalPoint> criticalPoints() { return List.of(CriticalPoint.minimum(0, 0)); }
    @Override public double[] window() { return new double[] {-2, 2, -2, 2}; }
    @Override public double[] start() { return new double[] {-1.8, 1.2}; }
  }

  @AutoService(SurfaceProvider.class)
  public static final class RosenbrockProvider extends SurfaceSupport {
    public RosenbrockProvider() {
      super("rosenbrock", "(a − x)² + b(y − x²)², minimum 0 at (a, a²) (Rosenbrock 1960)",
          List.of(ParamSpec.number("a", 1, "position of the minimum"), ParamSpec.number("b", 100, "steepness of the valley, > 0")),
          a -> new Rosenbrock(a.getDouble("a"), a.getDouble("b")));
    }
  }

  @AutoService(SurfaceProvider.class)
  public static final class BealeProvider extends SurfaceSupport {
    public BealeProvider() {
      super("beale", "Beale's function, minimum 0 at (3, 0.5) (Beale 1958)", List.of(), a -> new Beale());
    }
  }

  @AutoService(SurfaceProvider.class)
  public static final class HimmelblauProvider extends SurfaceSupport {
    public HimmelblauProvider() {
      super("himmelblau", "(x² + y − 11)² + (x + y² − 7)², four minima of value 0 (Himmelblau 1972)", List.of(),
          a -> new Himmelblau());
    }
  }

  @AutoService(SurfaceProvider.class)
  public static final class RastriginProvider extends SurfaceSupport {
    public RastriginProvider() {
      super("rastrigin", "2A + Σ(x² − A cos 2πx), minimum 0 at the origin among many local minima (Rastrigin 1974)",
          List.of(ParamSpec.number("a", 10, "amplitude A of the ripples, ≥ 0")), a -> new Rastrigin(a.getDouble("a")));
    }
  }

  @AutoService(SurfaceProvider.class)
  public static final class SaddleProvider extends SurfaceSupport {
    public SaddleProvider() {
      super("saddle", "x² − y², a saddle at the origin", List.of(), a -> new Saddle());
    }
  }

  @AutoService(SurfaceProvider.class)
  public static final class MonkeySaddleProvider extends SurfaceSupport {
    public MonkeySaddleProvider() {
      super("monkey_saddle", "x³ − 3xy², a monkey saddle at the origin", List.of(), a -> new MonkeySaddle());
    }
  }

  @AutoService(SurfaceProvider.class)
  public static final class SixHumpCamelProvider extends SurfaceSupport {
    public SixHumpCamelProvider() {
      super("six_hump_camel", "six-hump camel, minima −1.0316 at (±0.0898, ∓0.7126) (Dixon and Szegő 1978)", List.of(),
          a -> new SixHumpCamel());
    }
  }

  @AutoService(SurfaceProvider.class)
  public static final class QuadraticProvider extends SurfaceSupport {
    public QuadraticProvider() {
      super("quadratic", "a·x² + b·y², minimum 0 at the origin, condition number b/a",
          List.of(ParamSpec.number("a", 1, "curvature along x, > 0"), ParamSpec.number("b", 10, "curvature along y, > 0")),
          a -> new Quadratic(a.getDouble("a"), a.getDouble("b")));
    }
  }
}
