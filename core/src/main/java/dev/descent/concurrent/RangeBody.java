package dev.descent.concurrent;

/**
 * Work over a range of flat indices, run by a {@link WorkerPool} on disjoint ranges at once.
 * Implementations are usually the object that owns the arrays (so no lambda is allocated per
 * call) and must only touch the elements of their own range, plus per-{@code worker} scratch.
 */
@FunctionalInterface
public interface RangeBody {

  /**
   * Processes indices {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param worker the index of the running participant, {@code 0 ≤ worker < WorkerPool.size()}
   *     (0 is the calling thread), for choosing per-worker scratch space
   */
  void run(int from, int to, int worker);
}
