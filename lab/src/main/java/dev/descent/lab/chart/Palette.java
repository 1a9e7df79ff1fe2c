package dev.descent.lab.chart;

import java.awt.Color;

/**
 * The colours of series without their own: the ten of Matplotlib's {@code tab10} cycle (Tableau
 * 10), then the same hues darker, so many series stay distinguishable. Stateless.
 */
public final class Palette {
  private static final Color[] BASE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  /** Background of class 0 regions. */
  public static final Color REGION_0 = new Color(0xc6dbef);
  /** Background of class 1 regions. */
  public static final Color REGION_1 = new Color(0xfdd0a2);

  private Palette() {}

  /** Colour {@code i} of the cycle. */
  public static Color color(int i) {
    Color c = BASE[Math.floorMod(i, BASE.length)];
    int round = Math.floorMod(i, 3 * BASE.length) / BASE.length;
    for (int k = 0; k < round; k++) {
      c = c.darker();
    }
    return c;
  }

  /** {@code c} with opacity {@code alpha} in [0, 255]. */
  public static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /**
   * A sequential ramp from pale yellow (t = 0) to dark blue (t = 1), for level sets of a surface
   * (low values light).
   */
  public static Color ramp(double t) {
    double u = Math.max(0, Math.min(1, t));
    Color low = new Color(0xffffd9);
    Color mid = new Color(0x41b6c4);
    Color high = new Color(0x081d58);
    return u < 0.5 ? mix(low, mid, u * 2) : mix(mid, high, (u - 0.5) * 2);
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}
