/**
 * Descent next to PyTorch and NumPy on the same machine: MLP training throughput and the 2-10-5-1
 * exercise, run one after the other, printed as one table of ratios against the project's targets
 * ({@link dev.descent.bench.sidebyside.SideBySide}, started by {@code benchmarks/side-by-side.sh}).
 */
package dev.descent.bench.sidebyside;
