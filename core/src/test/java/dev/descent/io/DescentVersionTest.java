package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The version written into files is the project's, as the Maven build knows it. */
class DescentVersionTest {
  @Test
  void isTheProjectVersionFromThePom() throws Exception {
    Path pom = Path.of("pom.xml");
    Assumptions.assumeTrue(Files.isRegularFile(pom), "not run from the core module");
    Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL)
        .matcher(Files.readString(pom));
    assertTrue(parent.find(), "core/pom.xml names its parent's version");
    assertEquals(parent.group(1).strip(), DescentVersion.get());
  }
}
