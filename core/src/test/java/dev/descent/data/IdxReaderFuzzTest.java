package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.testing.FuzzTries;
import dev.descent.spec.Messages;
import dev.descent.spec.Mutation;
import dev.descent.tensor.DType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of {@link IdxReader} and {@link IdxDatasets}: random bytes, and valid IDX
 * files (plain or gzipped) after random edits of their bytes or of their compressed bytes. The only
 * allowed outcomes are an array whose dimensions, type and size agree and whose every value can be
 * read, or a one-line {@link DescentException} naming the file; never another exception, an
 * out-of-memory error or a hang. Valid files, unedited, read back to the values written.
 *
 * <p>The default suite tries each property a few hundred times from a fixed seed; set
 * {@code -Ddescent.fuzz.tries=N} (and optionally {@code -Ddescent.fuzz.seed=S}) for longer runs,
 * see {@link FuzzTries}.
 */
@AddLifecycleHook(FuzzTries.class)
class IdxReaderFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static Path dir;

  /** Bytes that matter to IDX (as chars 0..255): zeros, type codes, ranks, big and negative sizes, gzip's magic. */
  static final List<String> INTERESTING = List.of("\u0000", "\u00FF", "\u0008", "\u000E", "\n", "\t",
      "\u0000\u0000\u0000\u0000", "\u00FF\u00FF\u00FF\u00FF", "\u007F\u00FF\u00FF\u00FF", "\u0080\u0000\u0000\u0000",
      "\u0000\u0001\u0000\u0000", "\u0000\u0000\u0008\u0003", "\u001F\u008B", "\u001F\u008B\u0008\u0000");

  @BeforeContainer
  static void createDirectory() throws IOException {
    dir = Files.createTempDirectory("idx-fuzz");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A valid file: its type, dimensions and value bytes, and whether it is stored gzipped. */
  record Written(IdxType type, int[] dims, byte[] values, boolean gzip) {
    byte[] bytes() {
      byte[] plain = IdxReaderMalformedInputTest.concat(IdxReaderMalformedInputTest.header(type.code(), dims), values);
      return gzip ? IdxReaderMalformedInputTest.gzip(plain) : plain;
    }
  }

  @Provide
  Arbitrary<Written> validFiles() {
    Arbitrary<IdxType> types = Arbitraries.of(IdxType.class);
    Arbitrary<int[]> dims = Arbitraries.integers().between(1, 5).list().ofMinSize(1).ofMaxSize(4)
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
    return Combinators.combine(types, dims, Arbitraries.randomValue(r -> r.nextLong()), Arbitraries.of(false, true))
        .as((type, d, seed, gzip) -> {
          int count = 1;
          for (int x : d) {
            count *= x;
          }
          byte[] values = new byte[count * type.width()];
          new java.util.SplittableRandom(seed).nextBytes(values);
          return new Written(type, d, values, gzip);
        });
  }

  @Property(tries = 200)
  void validFilesReadBackToTheValuesWritten(@ForAll("validFiles") Written file) throws IOException {
    Path path = dir.resolve(file.gzip() ? "valid.gz" : "valid");
    Files.write(path, file.bytes());
    IdxArray a = IdxReader.read(path);
    assertEquals(file.type(), a.type());
    assertArrayEquals(file.dims(), a.dims());
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(file.values()));
    for (int i = 0; i < a.size(); i++) {
      double expected = switch (file.type()) {
        case UNSIGNED_BYTE -> in.readUnsignedByte();
        case SIGNED_BYTE -> in.readByte();
        case SHORT -> in.readShort();
        case INT -> in.readInt();
        case FLOAT -> in.readFloat();
        case DOUBLE -> in.readDouble();
      };
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(a.get(i)), "value " + i);
    }
  }

  @Property(tries = 200)
  void editedFilesReadOrFailWithAOneLineError(@ForAll("validFiles") Written file, @ForAll("edits") List<Mutation> edits,
      @ForAll boolean editBeforeCompressing) {
    byte[] bytes;
    if (file.gzip() && editBeforeCompressing) {
      Written plain = new Written(file.type(), file.dims(), file.values(), false);
      bytes = IdxReaderMalformedInputTest.gzip(Mutation.apply(plain.bytes(), edits));
    } else {
      bytes = Mutation.apply(file.bytes(), edits);
    }
    check(bytes);
  }

  @Property(tries = 200)
  void randomBytesReadOrFailWithAOneLineError(@ForAll("randomBytes") byte[] bytes, @ForAll boolean gzip) {
    check(gzip ? IdxReaderMalformedInputTest.gzip(bytes) : bytes);
  }

  @Property(tries = 200)
  void editedImageSetsLoadOrFailWithAOneLineError(@ForAll("validFiles") Written images,
      @ForAll("edits") List<Mutation> imageEdits, @ForAll("validFiles") Written labels,
      @ForAll("edits") List<Mutation> labelEdits) {
    Path x = dir.resolve("images");
    Path y = dir.resolve("labels");
    assertTimeoutPreemptively(LIMIT, () -> {
      Files.write(x, Mutation.apply(images.bytes(), imageEdits.subList(0, imageEdits.size() / 2)));
      Files.write(y, Mutation.apply(labels.bytes(), labelEdits.subList(0, labelEdits.size() / 2)));
      Dataset d;
      try {
        d = IdxDatasets.load(x, y, DType.FLOAT32);
      } catch (DescentException e) {
        Messages.assertOneLine(e.getMessage(), 600);
        assertTrue(e.getMessage().startsWith(x.toString()) || e.getMessage().startsWith(y.toString()), e.getMessage());
        return;
      }
      assertTrue(d.size() >= 1);
      assertTrue(d.features().allFinite() && d.targets().allFinite());
      for (int i = 0; i < d.size(); i++) {
        double label = d.targets().get(i);
        assertTrue(label >= 0 && label <= 255 && label == Math.rint(label), "label " + label);
      }
      for (int i = 0; i < d.features().size(); i++) {
        double pixel = d.features().get(i);
        assertTrue(pixel >= 0 && pixel <= 1, "pixel " + pixel);
      }
    }, () -> "loading took longer than " + LIMIT);
  }

  @Provide
  Arbitrary<List<Mutation>> edits() {
    return Mutation.list(3, INTERESTING);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    Arbitrary<byte[]> anything = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> idxLike = anything.map(b -> {
      byte[] out = b.clone();
      if (out.length > 1) {
        out[0] = 0;
        out[1] = 0;
      }
      return out;
    });
    return Arbitraries.oneOf(anything, idxLike);
  }

  /**
   * Reads {@code bytes} as a file: a consistent array, or a one-line error naming the file; counts
   * the outcomes by the shape of their message, for the report.
   */
  private static void check(byte[] bytes) {
    Path path = dir.resolve("fuzz-idx");
    String outcome = assertTimeoutPreemptively(LIMIT, () -> {
      Files.write(path, bytes);
      IdxArray a;
      try {
        a = IdxReader.read(path);
      } catch (DescentException e) {
        Messages.assertOneLine(e.getMessage(), 600);
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        return "error: " + Messages.shape(e.getMessage(), path + ": not a valid IDX file: ");
      }
      int[] dims = a.dims();
      assertTrue(dims.length >= 1 && dims.length <= IdxReader.MAX_RANK, a.toString());
      long product = 1;
      for (int d : dims) {
        assertTrue(d >= 1, a.toString());
        product *= d;
      }
      assertEquals(product, a.size(), a.toString());
      assertEquals(product, (long) a.items() * a.itemSize(), a.toString());
      assertTrue(product * a.type().width() <= IdxReader.MAX_BYTES);
      for (int i = 0; i < a.size(); i++) {
        a.get(i);
      }
      assertEquals(a.size(), a.toMatrix(DType.FLOAT64, 1).size());
      return "read";
    }, () -> "reading took longer than " + LIMIT);
    Statistics.label("outcome").collect(outcome);
  }
}
