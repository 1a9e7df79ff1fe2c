#!/usr/bin/env bash
# Descent next to PyTorch and NumPy on this machine, one after the other, with the ratios
# against the project's targets: MLP training throughput (784-256-128-10, Adam, float32) at
# batch 1, 32, 128 and 1024, and the 2-10-5-1 circles exercise (15,000 full-batch updates).
#
#   benchmarks/side-by-side.sh                  # builds benchmarks.jar if needed, then runs (about 2 minutes)
#   benchmarks/side-by-side.sh --seconds 1 --warmup 1 --repeats 1   # shorter
#   benchmarks/side-by-side.sh --descent-only   # without Python
#
# Python is /usr/bin/python3 (--python PATH for another) with NumPy and PyTorch
# (Debian: apt-get install python3-numpy python3-torch libopenblas0); PyTorch gets --threads threads (default:
# every processor) and OMP_WAIT_POLICY=PASSIVE. Options: see benchmarks/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"

if [[ ! -f "$jar" || -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit)" ]]; then
  echo "# building $jar" >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl benchmarks -am package)
fi

export OMP_WAIT_POLICY=PASSIVE
# The JVM: $JAVA_HOME/bin/java when JAVA_HOME is set (the JDK the Maven wrapper builds with), else java on the PATH.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:ObjectAlignmentInBytes=64 -cp "$jar" dev.descent.bench.sidebyside.SideBySide \
  --scripts "$here/python" "$@"
