package dev.descent.concurrent;

/**
 * Work over a range of flat indices, run by a {@link WorkerPool} on disjoint ranges at once.
 * Implementations are usually the object that owns the arrays (so no lambda is allocated per
 * call) and must only touch the elements of their own range, plus per-{@code worker} scratch. A
 * range runs once per call, on its worker's thread or on the caller's, and is passed its own index
 * either way: two ranges may run one after the other on one thread, but no index runs on two
 * threads at once.
 */
@FunctionalInterface
public interface RangeBody {

  /**
   * Processes indices {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param worker the index of the range, {@code 0 ≤ worker < WorkerPool.size()} (range 0 is the
   *     calling thread's), for choosing per-worker scratch space
   */
  void run(int from, int to, int worker);
}
