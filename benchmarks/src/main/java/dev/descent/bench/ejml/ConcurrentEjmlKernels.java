package dev.descent.bench.ejml;

import com.google.auto.service.AutoService;
import dev.descent.kernel.MatrixKernels;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;

/**
 * The kernel {@value #NAME}: EJML's multi-threaded {@code CommonOps_MT_FDRM} and
 * {@code CommonOps_MT_DDRM} ({@code mult}, {@code multTransA}, {@code multTransB},
 * {@code multTransAB} and their {@code multAdd} forms), which split a product over EJML's own thread
 * pool on every core, as the Descent kernels split large products. See {@link EjmlKernels} for the
 * mapping. Immutable and thread-safe.
 */
@AutoService(MatrixKernels.class)
public final class ConcurrentEjmlKernels extends EjmlKernels {
  /** The name, {@value}. */
  public static final String NAME = "ejml_mt";

  /** The kernel; found by {@link java.util.ServiceLoader} in the benchmarks. */
  public ConcurrentEjmlKernels() {
    super(NAME, "EJML CommonOps_MT_FDRM/CommonOps_MT_DDRM mult*, every core (for comparison in the benchmarks)",
        new FloatProduct[] {CommonOps_MT_FDRM::mult, CommonOps_MT_FDRM::multTransB, CommonOps_MT_FDRM::multTransA,
            CommonOps_MT_FDRM::multTransAB},
        new FloatProduct[] {CommonOps_MT_FDRM::multAdd, CommonOps_MT_FDRM::multAddTransB,
            CommonOps_MT_FDRM::multAddTransA, CommonOps_MT_FDRM::multAddTransAB},
        new DoubleProduct[] {CommonOps_MT_DDRM::mult, CommonOps_MT_DDRM::multTransB, CommonOps_MT_DDRM::multTransA,
            CommonOps_MT_DDRM::multTransAB},
        new DoubleProduct[] {CommonOps_MT_DDRM::multAdd, CommonOps_MT_DDRM::multAddTransB,
            CommonOps_MT_DDRM::multAddTransA, CommonOps_MT_DDRM::multAddTransAB});
  }
}
