package dev.descent.persist;

import com.google.common.collect.ImmutableMap;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link CheckpointFile} every {@code every} updates, after the update is applied, so an
 * interrupted run can resume from the last one. Each write replaces the file atomically; a write
 * happens only after an update whose objective and gradients were finite, so the file on disk is
 * always the last good state. Not thread-safe.
 */
public final class Checkpointing implements TrainingCallback {
  private final Path file;
  private final long every;
  private final ImmutableMap<String, String> settings;
  private long lastUpdate = -1;

  /**
   * @param file where to write
   * @param every updates between checkpoints, ≥ 1
   * @param settings the application's settings, stored with each checkpoint
   */
  public Checkpointing(Path file, long every, Map<String, String> settings) {
    if (every < 1) {
      throw new dev.descent.DescentException("checkpoint interval must be an integer ≥ 1, got " + every);
    }
    this.file = file;
    this.every = every;
    this.settings = ImmutableMap.copyOf(settings);
  }

  @Override
  public void onUpdateEnd(TrainingProgress progress) {
    if (progress.update() % every == 0) {
      CheckpointFile.write(file, progress.model(), progress.optimizer(), progress.state(), settings);
      lastUpdate = progress.update();
    }
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** The update after which the last checkpoint was written, or −1 when none was. */
  public long lastUpdate() {
    return lastUpdate;
  }
}
