package dev.descent.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The floating-point work a benchmark method did, in GFLOP: a JMH auxiliary counter, so its rate in
 * the results (the {@code :gflop} rows) is GFLOP/s. Each call adds the GFLOP of its operation.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class Flops {
  /** GFLOP done in this iteration. */
  public double gflop;
}
