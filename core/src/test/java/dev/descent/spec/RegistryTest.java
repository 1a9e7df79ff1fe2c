package dev.descent.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.loss.Losses;
import dev.descent.nn.Activations;
import dev.descent.train.GradientDescent;
import dev.descent.train.GradientDescents;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Name resolution, aliases, duplicates and unknown names, with test providers and the real registries. */
class RegistryTest {

  /** What the test providers build: the name and bound arguments. */
  record Widget(String name, Arguments arguments) {}

  static class WidgetProvider extends SimpleProvider<Widget> {
    WidgetProvider(String name, List<String> aliases, List<ParamSpec> params) {
      super(name, aliases, "a test widget", params, a -> new Widget(name, a));
    }
  }

  static final class OtherWidgetProvider extends WidgetProvider {
    OtherWidgetProvider(String name, List<String> aliases) {
      super(name, aliases, List.of());
    }
  }

  static Registry<Widget> registry() {
    return Registry.of("widgets",
        new WidgetProvider("spinner", List.of("top"), List.of(ParamSpec.integer("speed", 3, "rpm"))),
        new WidgetProvider("gear", List.of("cog", "sprocket"), List.of()),
        new WidgetProvider("lever", List.of(), List.of(ParamSpec.requiredNumber("length", "metres"))));
  }

  @Test
  void resolvesByNameAndAliasInAnyCase() {
    Registry<Widget> r = registry();
    assertEquals("gear", r.resolve("gear").name());
    assertEquals("gear", r.resolve("COG").name());
    assertEquals("gear", r.resolve(" Sprocket() ").name());
    Widget w = r.resolve("Top(Speed=7)");
    assertEquals("spinner", w.name());
    assertEquals(7, w.arguments().getInt("speed"));
    assertEquals("top", w.arguments().owner(), "messages name the spec as written (lower case)");
    assertTrue(r.contains("SPINNER"));
    assertFalse(r.contains("wheel"));
    assertSame(r.provider("top"), r.provider("spinner"));
  }

  @Test
  void unknownNameListsKnownNamesAndTheClosestMatch() {
    DescentException e = assertThrows(DescentException.class, () -> registry().resolve("gaer"));
    assertEquals("unknown widget 'gaer' (did you mean 'gear'?); known widgets: "
        + "cog, gear, lever, spinner, sprocket, top", e.getMessage());
  }

  @Test
  void unknownNameWithNothingClose() {
    DescentException e = assertThrows(DescentException.class, () -> registry().provider("xylophone"));
    assertEquals("unknown widget 'xylophone'; known widgets: cog, gear, lever, spinner, sprocket, top",
        e.getMessage());
  }

  @Test
  void resolveValidatesArgumentsAgainstTheProvider() {
    DescentException missing = assertThrows(DescentException.class, () -> registry().resolve("lever"));
    assertEquals("lever: parameter 'length' is required (a number)", missing.getMessage());
    DescentException unknown = assertThrows(DescentException.class, () -> registry().resolve("spinner(sped=1)"));
    assertTrue(unknown.getMessage().contains("(did you mean 'speed'?)"), unknown.getMessage());
  }

  @Test
  void duplicateNamesNameBothClassesAndWhereTheyCameFrom() {
    DescentException e = assertThrows(DescentException.class, () -> Registry.of("widgets",
        new WidgetProvider("gear", List.of(), List.of()),
        new OtherWidgetProvider("gear", List.of())));
    String m = e.getMessage();
    assertTrue(m.startsWith("two widgets are named 'gear': "), m);
    assertTrue(m.contains(WidgetProvider.class.getName() + " (from "), m);
    assertTrue(m.contains(OtherWidgetProvider.class.getName() + " (from "), m);
    assertTrue(m.contains("test-classes"), m); // the directory the classes came from
  }

  /** A third-party activation that claims a built-in name; registered only through a test class loader. */
  public static final class DuplicateRelu implements dev.descent.nn.ActivationProvider {
    @Override public String name() { return "relu"; }
    @Override public String description() { return "a plugin that clashes with the built-in relu"; }
    @Override public dev.descent.nn.Activation create(Arguments arguments) { return Activations.resolve("relu"); }
  }

  @Test
  void loadingTwoPluginsWithOneNameNamesBothClassesAndTheirOrigins(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(dev.descent.nn.ActivationProvider.class.getName()),
        DuplicateRelu.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      DescentException e = assertThrows(DescentException.class, () -> Activations.load(loader));
      String m = e.getMessage();
      assertTrue(m.startsWith("two activations are named 'relu': "), m);
      // the main classes' directory (or jar) and the test classes' directory
      assertTrue(m.matches(".*BuiltinActivations\\$ReluProvider \\(from [^()]*classes\\) and .*"), m);
      assertTrue(m.matches(".*" + DuplicateRelu.class.getSimpleName() + " \\(from [^()]*test-classes\\)"), m);
    }
  }

  @Test
  void anAliasClashingWithAnotherProvidersNameIsADuplicate() {
    DescentException e = assertThrows(DescentException.class, () -> Registry.of("widgets",
        new WidgetProvider("gear", List.of(), List.of()),
        new OtherWidgetProvider("cog", List.of("gear"))));
    assertTrue(e.getMessage().contains("named 'gear'"), e.getMessage());
  }

  @Test
  void aProviderMayRepeatItsOwnNameAsAnAlias() {
    Registry<Widget> r = Registry.of("widgets", new WidgetProvider("gear", List.of("gear"), List.of()));
    assertEquals("gear", r.resolve("gear").name());
  }

  @Test
  void singularNounsInMessages() {
    DescentException e = assertThrows(DescentException.class, () -> Losses.resolve("hinge"));
    assertTrue(e.getMessage().startsWith("unknown loss 'hinge'; known losses: "), e.getMessage());
    DescentException a = assertThrows(DescentException.class, () -> Activations.resolve("rellu"));
    assertTrue(a.getMessage().startsWith("unknown activation 'rellu' (did you mean 'relu'?); known activations: "),
        a.getMessage());
  }

  @Test
  void providersAreSortedByName() {
    assertEquals(List.of("gear", "lever", "spinner"), registry().names());
  }

  // ------------------------------------------------------------------ the built-in registries

  @Test
  void builtInLossesAndActivationsAreRegistered() {
    assertEquals(List.of("binary_cross_entropy", "cross_entropy", "mse"), Losses.registry().names());
    assertTrue(Activations.registry().names().containsAll(List.of("identity", "relu", "leaky_relu", "elu", "selu",
        "gelu", "sigmoid", "tanh", "softplus", "silu", "softmax")), Activations.registry().names().toString());
    List<String> names = Activations.registry().names();
    assertEquals(names.stream().sorted().toList(), names, "a loaded registry is sorted");
  }

  @Test
  void gradientDescentVariantsResolve() {
    assertInstanceOf(GradientDescent.Batch.class, GradientDescents.resolve("batch"));
    assertInstanceOf(GradientDescent.Batch.class, GradientDescents.resolve("full_batch"));
    assertInstanceOf(GradientDescent.Stochastic.class, GradientDescents.resolve("stochastic"));
    assertEquals(new GradientDescent.MiniBatch(32), GradientDescents.resolve("minibatch"));
    assertEquals(new GradientDescent.MiniBatch(4), GradientDescents.resolve("mini_batch(size=4)"));
    assertEquals("minibatch(size=4)", GradientDescents.resolve("minibatch(size=4)").spec());
    DescentException e = assertThrows(DescentException.class, () -> GradientDescents.resolve("minibatch(size=0)"));
    assertEquals("minibatch: parameter 'size' must be an integer ≥ 1, got 0", e.getMessage());
    DescentException unknown = assertThrows(DescentException.class, () -> GradientDescents.resolve("adam"));
    assertTrue(unknown.getMessage().startsWith("unknown gradient-descent variant 'adam'"), unknown.getMessage());
  }

  @Test
  void everyProviderDescribesItselfAndItsParameters() {
    for (Registry<?> r : List.of(Activations.registry(), Losses.registry(), GradientDescents.registry())) {
      for (Provider<?> p : r.providers()) {
        assertFalse(p.description().isBlank(), p.name());
        assertEquals(p.name().toLowerCase(java.util.Locale.ROOT), p.name(), "names are lower case");
        for (String alias : p.aliases()) {
          assertEquals(alias.toLowerCase(java.util.Locale.ROOT), alias, "aliases are lower case");
        }
        for (ParamSpec param : p.parameters()) {
          assertFalse(param.description().isBlank(), p.name() + "." + param.name());
        }
        // every provider builds with its defaults unless it has a required parameter
        if (p.parameters().stream().noneMatch(ParamSpec::required)) {
          assertTrue(r.resolve(p.name()) != null, p.name());
        }
      }
    }
  }
}
