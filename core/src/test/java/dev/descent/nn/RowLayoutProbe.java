package dev.descent.nn;

/** Prints this JVM's {@link RowLayout}: object alignment, array header bytes, whether rows are aligned. */
final class RowLayoutProbe {
  private RowLayoutProbe() {}

  public static void main(String[] args) {
    RowLayout layout = RowLayout.ofThisJvm();
    System.out.println(layout.objectAlignment() + " " + layout.arrayBase() + " " + layout.aligned());
  }
}
