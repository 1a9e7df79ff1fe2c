package dev.descent.testkit;

import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.spec.Registry;
import dev.descent.tensor.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract a third-party initializer must meet, as JUnit 5 tests: extend this class in your
 * plugin's tests, give the spec of your scheme, and run the tests.
 *
 * <pre>{@code
 * class MySchemeContractTest extends InitializerContract {
 *   protected String spec() { return "my_scheme(k=2)"; }
 *   protected Map<String, String> invalidSpecs() { return Map.of("my_scheme(k=-1)", "k"); }
 * }
 * }</pre>
 *
 * <p>It checks that the scheme
 *
 * <ul>
 *   <li>is found by name through {@link java.util.ServiceLoader} ({@link #isFoundByName});
 *   <li>has a complete {@code descent list} entry: a lower-case name, a one-line description, every
 *       parameter described ({@link #listingEntryIsComplete});
 *   <li>round-trips its {@code spec()} ({@link #specRoundTrips});
 *   <li>gives the same values for the same seed, on one thread or two ({@link
 *       #isDeterministicForASeed});
 *   <li>writes every element of every shape it claims, in float32 and float64, with finite values
 *       ({@link #fillsEveryShapeItClaims});
 *   <li>refuses bad parameters with a one-line error naming the parameter ({@link
 *       #validatesItsParameters});
 *   <li>fills agree with its predicted distribution when it implements {@link
 *       dev.descent.initializers.PredictableInitializer} ({@link #predictedDistributionMatches}).
 * </ul>
 *
 * Needs {@code junit-jupiter-engine} on the test class path to run.
 */
public abstract class InitializerContract {

  /** A valid spec of the scheme under test, such as {@code my_scheme} or {@code my_scheme(k=2)}. */
  protected abstract String spec();

  /**
   * The shapes the scheme claims to fill; by default a tall and a wide matrix, a convolution
   * kernel {@code [3, 3, 8, 16]} and a bias vector. Override to narrow (a matrix-only scheme) or
   * widen the claim.
   */
  protected List<Shape> shapes() {
    return List.of(Shape.of(64, 32), Shape.of(32, 64), Shape.of(3, 3, 8, 16), Shape.of(16));
  }

  /**
   * Specs the scheme must refuse, each mapped to the parameter the error must name; required when
   * the scheme has numeric parameters.
   */
  protected Map<String, String> invalidSpecs() {
    return Map.of();
  }

  /** The registry the scheme must be in: every initializer visible to this test class's loader. */
  protected Registry<Initializer> registry() {
    return Initializers.load(getClass().getClassLoader());
  }

  private InitializerChecks.Subject subject() {
    return new InitializerChecks.Subject(registry(), spec(), shapes(), invalidSpecs());
  }

  @Test
  protected void isFoundByName() {
    InitializerChecks.isFoundByName(subject());
  }

  @Test
  protected void listingEntryIsComplete() {
    InitializerChecks.listingEntryIsComplete(subject());
  }

  @Test
  protected void specRoundTrips() {
    InitializerChecks.specRoundTrips(subject());
  }

  @Test
  protected void isDeterministicForASeed() {
    InitializerChecks.isDeterministicForASeed(subject());
  }

  @Test
  protected void fillsEveryShapeItClaims() {
    InitializerChecks.fillsEveryShapeItClaims(subject());
  }

  @Test
  protected void validatesItsParameters() {
    InitializerChecks.validatesItsParameters(subject());
  }

  @Test
  protected void predictedDistributionMatches() {
    InitializerChecks.predictedDistributionMatches(subject());
  }
}
