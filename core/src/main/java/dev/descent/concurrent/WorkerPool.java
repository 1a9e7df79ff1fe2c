package dev.descent.concurrent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run one {@link RangeBody} over disjoint ranges together with
 * the calling thread, allocating nothing per call: the caller publishes the body and each worker's
 * range, wakes the workers, runs range 0 itself, then runs every range that its worker has not yet
 * begun, and waits for the others. Each range runs exactly once, on whichever thread claims it
 * first, and is passed its own index, so a worker that is descheduled or slow to wake (on a shared
 * virtual machine, a vCPU taken by the host) costs the call no more than running its range on the
 * caller, instead of holding the caller until it gets a processor back. A waiting participant
 * spins, then yields, for up to {@value #SPIN_NANOS} ns, then parks; idle workers do the same. Calls are
 * serialized; an exception in any range is rethrown in the caller after every range has finished.
 * A body must not call {@link #invoke} of the same pool.
 *
 * <p>{@link #shared()} serves the matrix kernels' large products and the optimizers' elementwise
 * passes.
 */
public final class WorkerPool {
  /**
   * How long an idle participant spins before it parks: longer than the gaps between the parallel
   * loops of one training step (a parked thread can take tens of microseconds to wake, as long as
   * the work it was woken for), short enough that a pool left idle frees its cores at once. At 2 ms
   * a worker of the batch-1 MLP (steps of about 140 µs) never parked, and on the 2-vCPU virtual
   * development machine such runs often fell, for seconds at a time, into spells at a third of the
   * speed, which single-threaded runs never showed; at 200 µs the spells were rarer in the runs
   * measured, though not gone.
   */
  private static final long SPIN_NANOS = 200_000L;

  /** Turns of pure spinning before a waiting participant starts yielding its processor. */
  private static final int SPINS = 1_000;

  private final int size;
  private final Worker[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile RangeBody body;
  private volatile Thread caller;
  private volatile Throwable failure;

  /**
   * A pool of {@code size} participants: the caller and {@code size − 1} daemon threads, named
   * {@code name} followed by their index.
   */
  public WorkerPool(int size, String name) {
    if (size < 1) {
      throw new IllegalArgumentException("a worker pool needs at least one participant, got " + size);
    }
    this.size = size;
    this.workers = new Worker[size - 1];
    for (int w = 1; w < size; w++) {
      workers[w - 1] = new Worker(w, name + w);
      workers[w - 1].start();
    }
  }

  /**
   * The pool that Descent's parallel loops share (the matrix kernels' large products and the
   * optimizers' elementwise passes, which never run at the same time in a training step): one
   * participant per available processor, its threads named {@code descent-worker-N}, created on
   * first use. One pool rather than one per use, so that no idle pool spins beside a busy one.
   */
  public static WorkerPool shared() {
    return Shared.POOL;
  }

  private static final class Shared {
    static final WorkerPool POOL = new WorkerPool(Runtime.getRuntime().availableProcessors(), "descent-worker-");
  }

  /** The number of participants, the caller included. */
  public int size() {
    return size;
  }

  /**
   * Runs {@code body} over {@code [starts[w], ends[w])} for every {@code w < parts}, passing it
   * {@code w}: range 0 on the calling thread, range w on worker w unless the caller, done with its
   * own, claims it first.
   */
  public synchronized void invoke(RangeBody body, int parts, int[] starts, int[] ends) {
    this.body = body;
    this.failure = null;
    this.caller = Thread.currentThread();
    pending.set(parts - 1);
    for (int w = 1; w < parts; w++) {
      workers[w - 1].assign(starts[w], ends[w]);
    }
    runRange(body, starts[0], ends[0], 0);
    for (int w = 1; w < parts; w++) {
      if (workers[w - 1].claim()) {
        runRange(body, starts[w], ends[w], w);
        pending.decrementAndGet();
      }
    }
    long idleSince = System.nanoTime();
    for (int spins = 1; pending.get() != 0; spins++) {
      idle(this, spins, idleSince);
    }
    this.body = null;
    Throwable t = failure;
    if (t != null) {
      failure = null;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(t);
    }
  }

  /** Runs one range, keeping a failure for the caller to rethrow. */
  private void runRange(RangeBody body, int from, int to, int index) {
    try {
      body.run(from, to, index);
    } catch (Throwable t) {
      failure = t;
    }
  }

  /**
   * One turn of a wait that began at {@code idleSince}: a spin-wait hint for the first {@value
   * #SPINS} turns, then a yield of the processor (so that a participant waiting for another that
   * shares its processor, when there are more threads than processors, lets it run), and once the
   * wait has lasted {@link #SPIN_NANOS} (the clock is read every 64 turns) parking until unparked.
   */
  private static void idle(Object blocker, int spins, long idleSince) {
    if ((spins & 63) != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
      if (spins < SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    } else {
      LockSupport.park(blocker);
    }
  }

  private final class Worker extends Thread {
    private final int index;
    /** The number of ranges assigned to this worker so far. */
    private volatile int generation;
    /** The generation of the last range claimed, by this worker or by the caller. */
    private final AtomicInteger claimed = new AtomicInteger();
    private int from;
    private int to;

    Worker(int index, String name) {
      super(name);
      this.index = index;
      setDaemon(true);
    }

    void assign(int from, int to) {
      this.from = from;
      this.to = to;
      generation++; // volatile write publishes from/to; only the pool's lock holder writes it
      LockSupport.unpark(this);
    }

    /**
     * Whether the range last assigned is now the claimer's to run: true for exactly one of the
     * worker and the caller. Every range is claimed before its call returns, so the last claimed
     * is always the generation before the current one.
     */
    boolean claim() {
      int current = generation;
      return claimed.compareAndSet(current - 1, current);
    }

    @Override
    public void run() {
      int seen = 0;
      while (true) {
        long idleSince = System.nanoTime();
        for (int spins = 1; generation == seen; spins++) {
          idle(this, spins, idleSince);
        }
        seen = generation;
        if (!claim()) {
          continue; // the caller ran it
        }
        runRange(body, from, to, index);
        if (pending.decrementAndGet() == 0) {
          LockSupport.unpark(caller);
        }
      }
    }
  }
}
