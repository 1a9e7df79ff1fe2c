package dev.descent.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of Descent in use, as written into files: the {@code version} of the resource
 * {@code dev/descent/io/version.properties}, which the Maven build fills in with the project
 * version; else the jar manifest's {@code Implementation-Version}; else {@code "dev"} (classes
 * compiled outside Maven). Computed once; thread-safe.
 */
public final class DescentVersion {
  private static final String VERSION = find();

  private DescentVersion() {}

  /** The version, such as {@code 0.1.0-SNAPSHOT}, or {@code "dev"} if the build did not record one. */
  public static String get() {
    return VERSION;
  }

  private static String find() {
    try (InputStream in = DescentVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "").strip();
        if (!version.isEmpty() && !version.contains("${")) {
          return version;
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // A damaged resource: fall through to the manifest.
    }
    String manifest = DescentVersion.class.getPackage().getImplementationVersion();
    return manifest == null || manifest.isBlank() ? "dev" : manifest;
  }
}
