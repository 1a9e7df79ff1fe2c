package dev.descent.initializers.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link FillExecutor} runs every chunk exactly once, on the requested number of threads. */
class FillExecutorTest {

  @Test
  void runsEveryChunkOnceInParallel() {
    AtomicIntegerArray runs = new AtomicIntegerArray(1000);
    FillExecutor.withThreads(3, () -> FillExecutor.current().run(1000, runs::incrementAndGet, true));
    for (int i = 0; i < 1000; i++) {
      assertEquals(1, runs.get(i), "chunk " + i);
    }
  }

  @Test
  void withThreadsIsScopedToTheBlock() {
    FillExecutor.withThreads(1, () -> assertEquals(1, FillExecutor.current().threads()));
    assertSame(FillExecutor.shared(), FillExecutor.current());
  }

  @Test
  void chunkGeneratorsAreDistinct() {
    assertEquals(false, Rng.forChunk(7, 0).nextLong() == Rng.forChunk(7, 1).nextLong());
    assertEquals(Rng.forChunk(7, 3).nextLong(), Rng.forChunk(7, 3).nextLong());
  }
}
