package dev.descent.io;

import dev.descent.DescentException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that a reader sees either the old content or the new, never a mix or a
 * truncated file, even if the writing process is killed.
 *
 * <p>The steps ("write, fsync, rename, fsync the directory", as in the POSIX {@code rename(2)}
 * contract and the usual practice for crash-safe files): the body writes into a new temporary
 * file {@code .<name>.<16 hex digits>.tmp} in the target's directory (created exclusively, so it
 * can collide neither with the target nor with another writer); the stream is flushed and the file
 * forced to the device ({@link FileChannel#force}); the temporary file is renamed over the target
 * with {@link StandardCopyOption#ATOMIC_MOVE}; then the directory is forced so that the rename
 * itself is durable. On a file system without atomic moves the rename falls back to
 * {@link StandardCopyOption#REPLACE_EXISTING}, which replaces the target but may leave a moment
 * without it. Forcing a directory is skipped where the platform cannot open one (Windows).
 *
 * <p>The previous target stays intact until the rename. On any failure (an exception from the
 * body, a full disk, ...) the temporary file is deleted and the error is reported; a process that
 * is killed leaves its temporary file behind, which never disturbs later writes (each uses a new
 * name) and which {@link #deleteStaleTemporaries} removes. The new file gets default permissions.
 *
 * <p>Stateless and thread-safe; two threads writing the same target each write their own
 * temporary file, and the last rename wins.
 */
public final class AtomicFile {
  private static final int BUFFER = 1 << 16;

  private AtomicFile() {}

  /**
   * Writes {@code target} atomically with the bytes {@code body} produces. An {@link IOException}
   * becomes a {@link DescentException} naming the target; a {@link RuntimeException} from the body
   * (a {@link DescentException} included) passes through unchanged. Either way the target is
   * unchanged and no temporary file remains.
   */
  public static void write(Path target, IoWriter body) {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null || absolute.getFileName() == null) {
      throw new DescentException(target + ": cannot write: not a file name");
    }
    if (!Files.isDirectory(directory)) {
      throw new DescentException(target + ": cannot write: directory " + directory + " does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw new DescentException(target + ": cannot write: it is a directory");
    }
    Path temporary = null;
    boolean moved = false;
    try {
      FileChannel channel = null;
      for (int attempt = 0; channel == null; attempt++) {
        temporary = directory.resolve(temporaryName(absolute.getFileName().toString()));
        try {
          channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          if (attempt == 10) {
            throw e;
          }
        }
      }
      try (FileChannel open = channel) {
        OutputStream out = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(open)), BUFFER);
        body.writeTo(out);
        out.flush();
        open.force(true);
      }
      move(temporary, absolute);
      moved = true;
      forceDirectory(directory);
    } catch (IOException e) {
      throw new DescentException(target + ": cannot write: " + IoErrors.describe(e), e);
    } finally {
      if (!moved && temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // The original error matters more; the stray file is harmless and deleteStaleTemporaries removes it.
        }
      }
    }
  }

  /**
   * Deletes the temporary files that killed writers of {@code target} left behind, and returns how
   * many. Call it only when no other process is writing {@code target}: their temporary files
   * look the same.
   */
  public static int deleteStaleTemporaries(Path target) {
    Path absolute = target.toAbsolutePath();
    Pattern pattern = Pattern.compile(Pattern.quote("." + absolute.getFileName() + ".") + "[0-9a-f]{16}\\.tmp");
    int deleted = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(absolute.getParent())) {
      for (Path entry : entries) {
        if (pattern.matcher(entry.getFileName().toString()).matches() && Files.deleteIfExists(entry)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new DescentException(target + ": cannot delete stale temporary files: " + IoErrors.describe(e), e);
    }
    return deleted;
  }

  /** The temporary name for a target called {@code name}: {@code .<name>.<16 hex digits>.tmp}. */
  static String temporaryName(String name) {
    return "." + name + "." + String.format("%016x", ThreadLocalRandom.current().nextLong()) + ".tmp";
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can open or force a directory (Windows cannot); the rename is done.
    }
  }

  /** Passes writes through and ignores close, so the body cannot close the channel before it is forced. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
