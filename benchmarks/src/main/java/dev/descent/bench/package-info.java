/**
 * JMH benchmarks: matrix products of every kernel against EJML ({@link dev.descent.bench.GemmBenchmark}),
 * one dense layer ({@link dev.descent.bench.DenseBenchmark}), a full MLP training step
 * ({@link dev.descent.bench.MlpStepBenchmark}), initializer fills and optimizer steps; and
 * {@link dev.descent.bench.Bench}, the launcher of {@code benchmarks.jar}.
 */
package dev.descent.bench;
