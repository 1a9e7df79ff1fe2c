package dev.descent.optimizers.clip;

import dev.descent.nn.Parameter;
import java.util.List;

/**
 * Rescales or clamps gradients in place before the optimizer applies them, built from a spec such
 * as {@code norm(max_norm=1.0)} or {@code value(clip_value=0.5)}. Attach one to training with
 * {@link ClipCallback}. Instances keep scratch space: one per training loop, not thread-safe.
 */
public interface GradientClipper {

  /** The spec that rebuilds this clipper. */
  String spec();

  /**
   * Clips the gradients of {@code parameters} in place.
   *
   * @return the total norm of the gradients before clipping for norm clipping, or the largest
   *     absolute gradient entry before clipping for value clipping
   */
  double clip(List<Parameter> parameters);
}
