package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.init.Initializers;
import dev.descent.spec.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The example plugin (module examples/plugin, its own jar, registered with @AutoService) is on this
 * module's test class path: the registry resolves it and {@code descent list} shows it with its jar.
 */
class ThirdPartyPluginTest {

  @Test
  void theRegistryAndDescentListFindAPluginJarOnTheClassPath() {
    var provider = Initializers.registry().provider("fixed_norm");
    assertEquals("org.example.descent.FixedNormInitializer$Provider", provider.getClass().getName());
    assertTrue(Registry.source(provider).contains("plugin"), Registry.source(provider));
    assertEquals("fixed_norm(norm=3.0)", Initializers.resolve("fixed_norm(norm=3)").spec());

    StringWriter out = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "list", "initializers");
    assertEquals(0, status);
    String listing = out.toString();
    assertTrue(listing.contains("  fixed_norm  [" + Registry.source(provider) + "]"), listing);
    assertTrue(listing.contains("norm") && listing.contains("Salimans and Kingma"), listing);
  }
}
