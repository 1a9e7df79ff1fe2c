package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.spec.Provider;
import dev.descent.spec.Registry;
import dev.descent.tensor.Shape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** Every built-in initializer meets the contract it asks of plugins. */
class BuiltinInitializersContractTest {
  private static final Registry<Initializer> REGISTRY = Initializers.registry();

  private static final Map<String, String> SPECS = Map.of("sparse", "sparse(sparsity=0.25)");

  private static final Map<String, Map<String, String>> INVALID = Map.ofEntries(
      Map.entry("constant", Map.of("constant(value=inf)", "value")),
      Map.entry("random_normal", Map.of("random_normal(stddev=-1)", "stddev")),
      Map.entry("random_uniform", Map.of("random_uniform(minval=1, maxval=0)", "maxval")),
      Map.entry("truncated_normal", Map.of("truncated_normal(stddev=-1)", "stddev")),
      Map.entry("variance_scaling", Map.of("variance_scaling(scale=-1)", "scale", "variance_scaling(mode=fan)", "mode")),
      Map.entry("uniform", Map.of("uniform(a=1, b=0)", "b")),
      Map.entry("normal", Map.of("normal(std=-1)", "std")),
      Map.entry("trunc_normal", Map.of("trunc_normal(std=-1)", "std", "trunc_normal(a=3, b=2)", "b")),
      Map.entry("xavier_uniform", Map.of("xavier_uniform(gain=0)", "gain")),
      Map.entry("xavier_normal", Map.of("xavier_normal(gain=-1)", "gain")),
      Map.entry("kaiming_uniform", Map.of("kaiming_uniform(a=inf)", "a", "kaiming_uniform(mode=fan_avg)", "mode",
          "kaiming_uniform(nonlinearity=foo)", "nonlinearity")),
      Map.entry("kaiming_normal", Map.of("kaiming_normal(a=inf)", "a", "kaiming_normal(nonlinearity=foo)", "nonlinearity")),
      Map.entry("orthogonal", Map.of("orthogonal(gain=-1)", "gain")),
      Map.entry("identity", Map.of("identity(gain=inf)", "gain")),
      Map.entry("sparse", Map.of("sparse(sparsity=1)", "sparsity", "sparse(sparsity=0.1, std=-1)", "std")),
      Map.entry("lsuv", Map.of("lsuv(tolerance=0)", "tolerance", "lsuv(max_iterations=0)", "max_iterations")));

  private static List<Shape> shapes(String name) {
    if (Set.of("identity", "eye", "sparse").contains(name)) {
      return List.of(Shape.of(64, 32), Shape.of(32, 64), Shape.of(1, 1));
    }
    if (Set.of("orthogonal", "lsuv").contains(name)) {
      return List.of(Shape.of(64, 32), Shape.of(32, 64), Shape.of(3, 3, 8, 16));
    }
    return List.of(Shape.of(64, 32), Shape.of(32, 64), Shape.of(3, 3, 8, 16), Shape.of(16));
  }

  @TestFactory
  Stream<DynamicTest> everyBuiltinMeetsTheContract() {
    return REGISTRY.providers().stream()
        .filter(p -> p.getClass().getName().startsWith("dev.descent.initializers."))
        .map(Provider::name).flatMap(name -> InitializerChecks.dynamicTests(
        new InitializerChecks.Subject(REGISTRY, SPECS.getOrDefault(name, name), shapes(name),
            INVALID.getOrDefault(name, Map.of()))));
  }

  @Test
  void aSchemeWithNumericParametersMustListInvalidSpecs() {
    var subject = new InitializerChecks.Subject(REGISTRY, "random_normal", shapes("random_normal"), Map.of());
    assertThrows(AssertionFailedError.class, () -> InitializerChecks.validatesItsParameters(subject));
  }

  @Test
  void anUnregisteredSchemeFailsToBeFound() {
    var subject = new InitializerChecks.Subject(REGISTRY, "no_such_scheme", shapes("x"), Map.of());
    assertThrows(AssertionFailedError.class, () -> InitializerChecks.isFoundByName(subject));
  }
}
