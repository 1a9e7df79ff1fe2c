package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTest {

  @Test
  void recognisesAKernelParameterInEitherSpelling() {
    assertTrue(Bench.setsKernel(new String[] {"GemmBenchmark", "-p", "kernel=blocked"}));
    assertTrue(Bench.setsKernel(new String[] {"-pkernel=vector,ejml"}));
    assertTrue(Bench.setsKernel(new String[] {"-p", "size=64", "-p", "kernel=reference"}));
  }

  @Test
  void otherParametersAndProfilersDoNotCount() {
    assertFalse(Bench.setsKernel(new String[] {"GemmBenchmark", "-p", "size=1024"}));
    assertFalse(Bench.setsKernel(new String[] {"-prof", "gc", "kernel=blocked"}));
    assertFalse(Bench.setsKernel(new String[] {"-p"}));
    assertFalse(Bench.setsKernel(new String[0]));
  }

  @Test
  void listingsRunNothing() {
    assertTrue(Bench.onlyLists(new String[] {"-l"}));
    assertTrue(Bench.onlyLists(new String[] {"GemmBenchmark", "-lp"}));
    assertFalse(Bench.onlyLists(new String[] {"GemmBenchmark", "-p", "size=64"}));
  }

  @Test
  void passesTheKernelsAsOneParameter() {
    assertEquals(List.of("-p", "kernel=vector,blocked,ejml"), Bench.kernelParameter(List.of("vector", "blocked", "ejml")));
  }

  @Test
  void readsTheProbesLines() {
    Bench.KernelStatus s = Bench.KernelStatus.parse("blas\tfalse\tOpenBLAS through netlib; not loaded here");
    assertEquals(new Bench.KernelStatus("blas", false, "OpenBLAS through netlib; not loaded here"), s);
  }
}
