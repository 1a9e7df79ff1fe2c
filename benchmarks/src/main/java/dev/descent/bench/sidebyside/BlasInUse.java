package dev.descent.bench.sidebyside;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BLAS libraries the Python sides ran on, as {@code python/blas_in_use.py} reports them, and
 * whether one is the unoptimised reference BLAS.
 *
 * <p>Debian's NumPy and PyTorch link against the generic {@code libblas.so.3}; installing
 * {@code python3-torch} alone points it at the reference BLAS ({@code libblas3}), on which
 * PyTorch's products ran 10 to 35 times slower here (MLP batch 32: 2,820 samples/s against 29,400
 * with OpenBLAS; batch 1024: 3,550 against 126,000). Ratios measured so would flatter Descent, so
 * the report names the libraries and warns.
 */
final class BlasInUse {
  private final Map<String, List<String>> libraries = new LinkedHashMap<>();
  private final List<String> onReference = new ArrayList<>();

  /** Records what {@code outcome} (the side {@code what}) reported, once per side. */
  void record(String what, PythonScript.Outcome outcome) {
    JsonObject blas = outcome.find("measure", "blas");
    if (blas == null || libraries.containsKey(what)) {
      return;
    }
    List<String> paths = new ArrayList<>();
    for (JsonElement e : blas.getAsJsonArray("libraries")) {
      paths.add(e.getAsString());
    }
    libraries.put(what, paths);
    if (blas.get("reference").getAsBoolean()) {
      onReference.add(what);
    }
  }

  /** One line per side: its name and its libraries; empty when no side reported. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    libraries.forEach((what, paths) -> lines.add(
        "BLAS under " + what + ": " + (paths.isEmpty() ? "none mapped" : String.join(", ", paths))));
    return lines;
  }

  /** The warning to print when a side ran on the reference BLAS, else null. */
  String warning() {
    if (onReference.isEmpty()) {
      return null;
    }
    return "WARNING: " + String.join(" and ", onReference) + " ran on the reference BLAS, many times slower than"
        + " OpenBLAS: these ratios flatter Descent. Install OpenBLAS (Debian: apt-get install libopenblas0) and run again.";
  }
}
