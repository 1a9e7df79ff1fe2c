package dev.descent.bench.ejml;

import com.google.auto.service.AutoService;
import dev.descent.kernel.MatrixKernels;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The kernel {@value #NAME}: EJML's single-threaded {@code CommonOps_FDRM} and {@code CommonOps_DDRM}
 * ({@code mult}, {@code multTransA}, {@code multTransB}, {@code multTransAB} and their {@code multAdd}
 * forms). See {@link EjmlKernels} for the mapping. Immutable and thread-safe.
 */
@AutoService(MatrixKernels.class)
public final class SerialEjmlKernels extends EjmlKernels {
  /** The name, {@value}. */
  public static final String NAME = "ejml";

  /** The kernel; found by {@link java.util.ServiceLoader} in the benchmarks. */
  public SerialEjmlKernels() {
    super(NAME, "EJML CommonOps_FDRM/CommonOps_DDRM mult*, one thread (for comparison in the benchmarks)",
        new FloatProduct[] {CommonOps_FDRM::mult, CommonOps_FDRM::multTransB, CommonOps_FDRM::multTransA,
            CommonOps_FDRM::multTransAB},
        new FloatProduct[] {CommonOps_FDRM::multAdd, CommonOps_FDRM::multAddTransB, CommonOps_FDRM::multAddTransA,
            CommonOps_FDRM::multAddTransAB},
        new DoubleProduct[] {CommonOps_DDRM::mult, CommonOps_DDRM::multTransB, CommonOps_DDRM::multTransA,
            CommonOps_DDRM::multTransAB},
        new DoubleProduct[] {CommonOps_DDRM::multAdd, CommonOps_DDRM::multAddTransB, CommonOps_DDRM::multAddTransA,
            CommonOps_DDRM::multAddTransAB});
  }
}
