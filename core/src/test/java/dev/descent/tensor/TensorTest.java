package dev.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tensor operations, in both dtypes, against products and sums worked out by hand. */
class TensorTest {
  // A = [1 2 3; 4 5 6] (2×3), B = [7 8; 9 10; 11 12] (3×2)
  // A·B = [58 64; 139 154]
  static final double[] A = {1, 2, 3, 4, 5, 6};
  static final double[] B = {7, 8, 9, 10, 11, 12};

  static Tensor t(DType dtype, int rows, int cols, double... values) {
    return Tensor.of(dtype, rows, cols, values);
  }

  static void assertValues(Tensor actual, double... expected) {
    assertArrayEquals(expected, actual.toDoubleArray(), 0.0, actual.toString());
  }

  // ------------------------------------------------------------------ matmul

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulPlain(DType dtype) {
    Tensor out = Tensor.zeros(dtype, 2, 2);
    t(dtype, 2, 3, A).matmul(t(dtype, 3, 2, B), out);
    assertValues(out, 58, 64, 139, 154);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulTransposingTheLeftOperand(DType dtype) {
    // Aᵀ (3×2) · C (2×2), C = [1 2; 3 4]: rows of Aᵀ are (1,4), (2,5), (3,6)
    // (1,4)·C = (1+12, 2+16) = (13, 18); (2,5) → (17, 24); (3,6) → (21, 30)
    Tensor out = Tensor.zeros(dtype, 3, 2);
    t(dtype, 2, 3, A).matmul(true, t(dtype, 2, 2, 1, 2, 3, 4), false, out);
    assertValues(out, 13, 18, 17, 24, 21, 30);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulTransposingTheRightOperand(DType dtype) {
    // A (2×3) · Dᵀ, D = [1 0 1; 0 1 -1] (2×3): A·Dᵀ = [1+3, 2-3; 4+6, 5-6] = [4 -1; 10 -1]
    Tensor out = Tensor.zeros(dtype, 2, 2);
    t(dtype, 2, 3, A).matmul(false, t(dtype, 2, 3, 1, 0, 1, 0, 1, -1), true, out);
    assertValues(out, 4, -1, 10, -1);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulTransposingBoth(DType dtype) {
    // Aᵀ (3×2) · Bᵀ (2×3) = (B·A)ᵀ; B·A = [7+32, 14+40, 21+48; 9+40, 18+50, 27+60; 11+48, 22+60, 33+72]
    //   = [39 54 69; 49 68 87; 59 82 105], so (B·A)ᵀ = [39 49 59; 54 68 82; 69 87 105]
    Tensor out = Tensor.zeros(dtype, 3, 3);
    t(dtype, 2, 3, A).matmul(true, t(dtype, 3, 2, B), true, out);
    assertValues(out, 39, 49, 59, 54, 68, 82, 69, 87, 105);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulWithAlphaAndBeta(DType dtype) {
    Tensor out = t(dtype, 2, 2, 1, 1, 1, 1);
    t(dtype, 2, 3, A).matmul(false, t(dtype, 3, 2, B), false, out, 0.5, 2);
    assertValues(out, 31, 34, 71.5, 79);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulWithBetaZeroIgnoresNaNInTheOutput(DType dtype) {
    Tensor out = t(dtype, 2, 2, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, 1);
    t(dtype, 2, 3, A).matmul(t(dtype, 3, 2, B), out);
    assertValues(out, 58, 64, 139, 154);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulWithAnEmptyInnerDimensionScalesTheOutput(DType dtype) {
    Tensor out = t(dtype, 2, 2, 1, 2, 3, 4);
    Tensor.zeros(dtype, 2, 0).matmul(false, Tensor.zeros(dtype, 0, 2), false, out, 1, 3);
    assertValues(out, 3, 6, 9, 12);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void transposeMovesEveryElementForEveryShape(DType dtype) {
    // single rows and columns (a copy), narrow and wide matrices, and sides past the 16-element tiles
    int[][] shapes = {{1, 1}, {1, 7}, {7, 1}, {300, 2}, {2, 300}, {16, 16}, {17, 33}, {40, 3}, {3, 40}};
    for (int[] shape : shapes) {
      Tensor t = Tensor.zeros(dtype, shape[0], shape[1]);
      for (int i = 0; i < t.size(); i++) {
        t.set(i, i + 1);
      }
      Tensor out = Tensor.zeros(dtype, shape[1], shape[0]);
      t.transpose(out);
      for (int r = 0; r < shape[0]; r++) {
        for (int c = 0; c < shape[1]; c++) {
          assertEquals(t.get(r, c), out.get(c, r), shape[0] + "x" + shape[1] + " at " + r + ", " + c);
        }
      }
    }
  }

  @Test
  void transposeNamesBothShapesWhenTheOutputDoesNotFit() {
    Tensor t = Tensor.zeros(DType.FLOAT64, 2, 3);
    DescentException e = assertThrows(DescentException.class, () -> t.transpose(Tensor.zeros(DType.FLOAT64, 2, 3)));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("transpose"), e.getMessage());
    assertThrows(DescentException.class, () -> t.transpose(Tensor.zeros(DType.FLOAT32, 3, 2)));
    assertThrows(DescentException.class, () -> t.transpose(t));
  }

  @Test
  void matmulOfARank1RowVector() {
    Tensor row = Tensor.zeros(DType.FLOAT64, Shape.of(3));
    row.set(0, 1);
    row.set(1, 2);
    row.set(2, 3);
    Tensor out = Tensor.zeros(DType.FLOAT64, 1, 2);
    row.matmul(t(DType.FLOAT64, 3, 2, B), out);
    assertValues(out, 58, 64);
  }

  @Test
  void matmulInnerDimensionMismatchNamesTheOperationAndBothShapes() {
    Tensor a = Tensor.zeros(DType.FLOAT64, 2, 3);
    Tensor b = Tensor.zeros(DType.FLOAT64, 2, 4);
    DescentException e = assertThrows(DescentException.class, () -> a.matmul(b, Tensor.zeros(DType.FLOAT64, 2, 4)));
    String m = e.getMessage();
    assertTrue(m.startsWith("matmul:"), m);
    assertTrue(m.contains("[2, 3]") && m.contains("[2, 4]"), m);
    assertTrue(m.contains("3 and 2"), m);
    // with transposes the message marks the transposed operand
    DescentException t = assertThrows(DescentException.class,
        () -> a.matmul(true, b, true, Tensor.zeros(DType.FLOAT64, 3, 2)));
    assertTrue(t.getMessage().contains("[2, 3]ᵀ") && t.getMessage().contains("[2, 4]ᵀ"), t.getMessage());
  }

  @Test
  void matmulOutputMismatchNamesTheExpectedShape() {
    Tensor a = Tensor.zeros(DType.FLOAT64, 2, 3);
    Tensor b = Tensor.zeros(DType.FLOAT64, 3, 4);
    DescentException e = assertThrows(DescentException.class, () -> a.matmul(b, Tensor.zeros(DType.FLOAT64, 4, 2)));
    assertTrue(e.getMessage().startsWith("matmul:"), e.getMessage());
    assertTrue(e.getMessage().contains("[4, 2]") && e.getMessage().contains("[2, 4]"), e.getMessage());
  }

  @Test
  void matmulDTypeMismatch() {
    Tensor a = Tensor.zeros(DType.FLOAT64, 2, 3);
    Tensor b = Tensor.zeros(DType.FLOAT32, 3, 2);
    DescentException e = assertThrows(DescentException.class, () -> a.matmul(b, Tensor.zeros(DType.FLOAT64, 2, 2)));
    assertEquals("matmul: dtypes float64 and float32 differ", e.getMessage());
    DescentException o = assertThrows(DescentException.class,
        () -> a.matmul(Tensor.zeros(DType.FLOAT64, 3, 2), Tensor.zeros(DType.FLOAT32, 2, 2)));
    assertTrue(o.getMessage().contains("float32"), o.getMessage());
  }

  @Test
  void matmulIntoOneOfItsOperandsIsRejected() {
    Tensor a = t(DType.FLOAT64, 2, 2, 1, 2, 3, 4);
    assertThrows(DescentException.class, () -> a.matmul(a, a));
  }

  // ------------------------------------------------------------------ broadcasting and reductions

  @ParameterizedTest
  @EnumSource(DType.class)
  void addRowBroadcastsOverEveryRow(DType dtype) {
    Tensor out = Tensor.zeros(dtype, 2, 3);
    t(dtype, 2, 3, A).addRow(t(dtype, 1, 3, 10, 20, 30), out);
    assertValues(out, 11, 22, 33, 14, 25, 36);
    // a rank-1 row works too, and in place
    Tensor rank1 = Tensor.zeros(dtype, Shape.of(3));
    rank1.fill(-1);
    out.addRow(rank1, out);
    assertValues(out, 10, 21, 32, 13, 24, 35);
  }

  @Test
  void addRowShapeMismatchNamesTheOperationAndBothShapes() {
    Tensor a = Tensor.zeros(DType.FLOAT64, 2, 3);
    DescentException e = assertThrows(DescentException.class,
        () -> a.addRow(Tensor.zeros(DType.FLOAT64, 1, 2), Tensor.zeros(DType.FLOAT64, 2, 3)));
    assertTrue(e.getMessage().startsWith("addRow:"), e.getMessage());
    assertTrue(e.getMessage().contains("[1, 2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
    DescentException out = assertThrows(DescentException.class,
        () -> a.addRow(Tensor.zeros(DType.FLOAT64, 1, 3), Tensor.zeros(DType.FLOAT64, 3, 3)));
    assertTrue(out.getMessage().startsWith("addRow:"), out.getMessage());
    assertTrue(out.getMessage().contains("[2, 3]") && out.getMessage().contains("[3, 3]"), out.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void columnSumsWithAlphaAndBeta(DType dtype) {
    Tensor a = t(dtype, 2, 3, A);
    Tensor out = t(dtype, 1, 3, 100, 200, 300);
    a.columnSums(out, 1, 0);
    assertValues(out, 5, 7, 9);
    out = t(dtype, 1, 3, 100, 200, 300);
    a.columnSums(out, 2, 1);
    assertValues(out, 110, 214, 318);
    out = t(dtype, 1, 3, 100, 200, 300);
    a.columnSums(out, -1, 0.5);
    assertValues(out, 45, 93, 141);
    out = t(dtype, 1, 3, Double.NaN, 1, 1);
    a.columnSums(out, 1, 0); // β = 0 overwrites
    assertValues(out, 5, 7, 9);
  }

  @Test
  void columnSumsShapeMismatch() {
    DescentException e = assertThrows(DescentException.class,
        () -> t(DType.FLOAT64, 2, 3, A).columnSums(Tensor.zeros(DType.FLOAT64, 1, 2), 1, 0));
    assertTrue(e.getMessage().startsWith("columnSums:"), e.getMessage());
    assertTrue(e.getMessage().contains("[1, 2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void rowSums(DType dtype) {
    Tensor out = Tensor.zeros(dtype, 2, 1);
    t(dtype, 2, 3, A).rowSums(out);
    assertValues(out, 6, 15);
    DescentException e = assertThrows(DescentException.class,
        () -> t(dtype, 2, 3, A).rowSums(Tensor.zeros(dtype, 3, 1)));
    assertTrue(e.getMessage().startsWith("rowSums:") && e.getMessage().contains("[3, 1]"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void argmaxPicksTheFirstLargest(DType dtype) {
    Tensor a = t(dtype, 3, 4, 0.1, 0.7, 0.2, 0.7, -5, -3, -4, -3.5, 2, 2, 2, 2);
    assertEquals(1, a.argmax(0));
    assertEquals(1, a.argmax(1));
    assertEquals(0, a.argmax(2));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void gatherRowsInTheGivenOrder(DType dtype) {
    Tensor a = t(dtype, 4, 2, 0, 1, 10, 11, 20, 21, 30, 31);
    Tensor out = Tensor.zeros(dtype, 3, 2);
    a.gatherRows(new int[] {9, 3, 0, 3, 9}, 1, 3, out);
    assertValues(out, 30, 31, 0, 1, 30, 31);
  }

  @Test
  void gatherRowsRejectsBadIndicesAndShapes() {
    Tensor a = Tensor.zeros(DType.FLOAT64, 4, 2);
    DescentException index = assertThrows(DescentException.class,
        () -> a.gatherRows(new int[] {0, 4}, 0, 2, Tensor.zeros(DType.FLOAT64, 2, 2)));
    assertTrue(index.getMessage().startsWith("gatherRows:") && index.getMessage().contains("4"), index.getMessage());
    DescentException range = assertThrows(DescentException.class,
        () -> a.gatherRows(new int[] {0, 1}, 1, 2, Tensor.zeros(DType.FLOAT64, 2, 2)));
    assertTrue(range.getMessage().startsWith("gatherRows:"), range.getMessage());
    DescentException shape = assertThrows(DescentException.class,
        () -> a.gatherRows(new int[] {0, 1}, 0, 2, Tensor.zeros(DType.FLOAT64, 2, 3)));
    assertTrue(shape.getMessage().contains("[2, 3]") && shape.getMessage().contains("[2, 2]"), shape.getMessage());
    DescentException dtype = assertThrows(DescentException.class,
        () -> a.gatherRows(new int[] {0, 1}, 0, 2, Tensor.zeros(DType.FLOAT32, 2, 2)));
    assertTrue(dtype.getMessage().contains("dtypes"), dtype.getMessage());
  }

  // ------------------------------------------------------------------ copies and conversions

  @Test
  void copyFromAcrossDTypes() {
    Tensor d = t(DType.FLOAT64, 1, 3, 0.1, 1e40, -2.5);
    Tensor f = Tensor.zeros(DType.FLOAT32, 1, 3);
    f.copyFrom(d);
    assertEquals(0.1f, f.floats()[0]);
    assertEquals(Float.POSITIVE_INFINITY, f.floats()[1]);
    assertEquals(-2.5f, f.floats()[2]);
    Tensor back = Tensor.zeros(DType.FLOAT64, 1, 3);
    back.copyFrom(f);
    assertEquals((double) 0.1f, back.get(0));
    // same size, different shape is allowed (a flat copy)
    Tensor column = Tensor.zeros(DType.FLOAT64, 3, 1);
    column.copyFrom(d);
    assertEquals(-2.5, column.get(2, 0));
    DescentException e = assertThrows(DescentException.class, () -> f.copyFrom(Tensor.zeros(DType.FLOAT64, 2, 2)));
    assertTrue(e.getMessage().startsWith("copyFrom:") && e.getMessage().contains("[2, 2]")
        && e.getMessage().contains("[1, 3]"), e.getMessage());
  }

  @Test
  void copyIsDeepAndConverts() {
    Tensor d = t(DType.FLOAT64, 2, 2, 1, 2, 3, 4);
    Tensor c = d.copy();
    c.set(0, 9);
    assertEquals(1, d.get(0));
    Tensor f = d.copy(DType.FLOAT32);
    assertInstanceOf(FloatTensor.class, f);
    assertEquals(d.shape(), f.shape());
  }

  @Test
  void float32StoresRoundedValues() {
    Tensor f = Tensor.zeros(DType.FLOAT32, 1, 1);
    f.set(0, 0.1);
    assertEquals((double) 0.1f, f.get(0));
    assertThrows(UnsupportedOperationException.class, f::doubles);
    assertThrows(UnsupportedOperationException.class, () -> Tensor.zeros(DType.FLOAT64, 1, 1).floats());
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void axpyScaleSumsAndFiniteness(DType dtype) {
    Tensor a = t(dtype, 1, 3, 1, 2, 3);
    a.axpy(2, t(dtype, 1, 3, 1, -1, 0.5));
    assertValues(a, 3, 0, 4);
    a.scale(-0.5);
    assertValues(a, -1.5, 0, -2);
    assertEquals(-3.5, a.sum());
    assertEquals(6.25, a.sumOfSquares());
    assertTrue(a.allFinite());
    a.set(1, Double.NaN);
    assertFalse(a.allFinite());
    a.set(1, Double.NEGATIVE_INFINITY);
    assertFalse(a.allFinite());
  }

  @Test
  void axpyChecksDTypeAndSize() {
    Tensor a = Tensor.zeros(DType.FLOAT64, 1, 3);
    assertEquals("axpy: dtypes float64 and float32 differ",
        assertThrows(DescentException.class, () -> a.axpy(1, Tensor.zeros(DType.FLOAT32, 1, 3))).getMessage());
    assertEquals("axpy: shapes [1, 3] and [3, 1, 2] differ",
        assertThrows(DescentException.class, () -> a.axpy(1, Tensor.zeros(DType.FLOAT64, Shape.of(3, 1, 2))))
            .getMessage());
  }

  @Test
  void mapAndZip() {
    Tensor a = t(DType.FLOAT64, 1, 3, 1, 2, 3);
    Tensor out = Tensor.zeros(DType.FLOAT64, 1, 3);
    a.map(v -> v * v, out);
    assertValues(out, 1, 4, 9);
    a.zip(out, (x, y) -> y - x, out);
    assertValues(out, 0, 2, 6);
    DescentException e = assertThrows(DescentException.class,
        () -> a.zip(Tensor.zeros(DType.FLOAT64, 1, 2), (x, y) -> x, out));
    assertTrue(e.getMessage().startsWith("zip:"), e.getMessage());
  }

  // ------------------------------------------------------------------ shapes and factories

  @Test
  void shapeViewsHigherRanksAsMatrices() {
    Shape s = Shape.of(2, 3, 4);
    assertEquals(24, s.size());
    assertEquals(6, s.rows());
    assertEquals(4, s.cols());
    assertEquals("[2, 3, 4]", s.toString());
    Shape v = Shape.of(5);
    assertEquals(1, v.rows());
    assertEquals(5, v.cols());
    assertEquals(Shape.matrix(2, 3), Shape.of(2, 3));
    assertEquals(Shape.matrix(2, 3).hashCode(), Shape.of(2, 3).hashCode());
    int[] dims = {2, 3};
    Shape copy = Shape.of(dims);
    dims[0] = 7;
    assertEquals(2, copy.dim(0), "Shape.of copies its argument");
  }

  @Test
  void shapeRejectsNegativeAndOverflowingDimensions() {
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
    assertThrows(IllegalArgumentException.class, () -> Shape.of());
    assertThrows(IllegalArgumentException.class, () -> Shape.of(65536, 65536));
  }

  @Test
  void factoriesCheckTheirValues() {
    DescentException e = assertThrows(DescentException.class, () -> Tensor.of(DType.FLOAT64, 2, 2, 1, 2, 3));
    assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("[2, 2]"), e.getMessage());
    Tensor rows = Tensor.ofRows(DType.FLOAT32, new double[][] {{1, 2}, {3, 4}});
    assertValues(rows, 1, 2, 3, 4);
    DescentException ragged = assertThrows(DescentException.class,
        () -> Tensor.ofRows(DType.FLOAT64, new double[][] {{1, 2}, {3}}));
    assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
  }

  @Test
  void dtypeParsing() {
    assertEquals(DType.FLOAT32, DType.parse(" Float32 "));
    assertEquals(DType.FLOAT32, DType.parse("f32"));
    assertEquals(DType.FLOAT64, DType.parse("double"));
    assertEquals("float64", DType.FLOAT64.label());
    DescentException e = assertThrows(DescentException.class, () -> DType.parse("float16"));
    assertTrue(e.getMessage().contains("float16") && e.getMessage().contains("float32, float64"), e.getMessage());
  }

  @Test
  void toStringShowsDTypeShapeAndTheFirstValues() {
    assertEquals("float64[1, 2] [1.0, 2.0]", t(DType.FLOAT64, 1, 2, 1, 2).toString());
    assertTrue(Tensor.zeros(DType.FLOAT32, 3, 3).toString().endsWith(", …]"));
  }
}
