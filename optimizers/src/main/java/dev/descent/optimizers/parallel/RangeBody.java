package dev.descent.optimizers.parallel;

/**
 * Work over a range of flat indices, run by {@link ParallelRanges} on disjoint ranges at once.
 * Implementations are usually the object that owns the arrays (so no lambda is allocated per
 * call) and must only touch the elements of their own range, plus per-{@code worker} scratch.
 */
@FunctionalInterface
public interface RangeBody {

  /**
   * Processes indices {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param worker the index of the running worker, {@code 0 ≤ worker < ParallelRanges.workers()},
   *     for choosing per-worker scratch space
   */
  void run(int from, int to, int worker);
}
