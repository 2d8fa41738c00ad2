package workbook.charts.mnist.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    /** Three 2 x 3 images with pixel values 0..17 and labels 7, 0, 9: small enough to check by hand. */
    private static final byte[] PIXELS = new byte[18];
    private static final byte[] LABELS = {7, 0, 9};

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = (byte) (i * 15); // up to 255: the top value must come back as 255, not -1
        }
    }

    /** Writes an IDX file by hand (the test's own writer, independent of the reader). */
    static byte[] idx(int magic, int[] dims, byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + body.length); // big-endian by default
        buffer.putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(body).array();
    }

    static byte[] images(int count, int rows, int cols, byte[] body) {
        return idx(Idx.IMAGES_MAGIC, new int[] {count, rows, cols}, body);
    }

    static byte[] labels(int count, byte[] body) {
        return idx(Idx.LABELS_MAGIC, new int[] {count}, body);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static InputStream stream(byte[] bytes) throws IOException {
        return Idx.decompressIfGzipped(new ByteArrayInputStream(bytes));
    }

    @Test
    void roundTripsATinyPlainAndGzippedFile(@TempDir Path dir) throws IOException {
        Path plain = Files.write(dir.resolve("tiny-images"), images(3, 2, 3, PIXELS));
        Path zipped = Files.write(dir.resolve("tiny-images.gz"), gzip(images(3, 2, 3, PIXELS)));
        for (Path file : new Path[] {plain, zipped}) {
            try (InputStream in = Idx.open(file)) {
                Idx.Images read = Idx.readImages(in, file.toString());
                assertThat(read.count()).as("count from %s", file).isEqualTo(3);
                assertThat(read.rows()).isEqualTo(2);
                assertThat(read.cols()).isEqualTo(3);
                assertThat(read.pixels()).as("pixels from %s", file).containsExactly(PIXELS);
                assertThat(read.pixel(2, 1, 2)).as("last pixel, read unsigned").isEqualTo(255);
            }
        }
        assertThat(Idx.readLabels(stream(gzip(labels(3, LABELS))), "tiny-labels.gz")).containsExactly(LABELS);
    }

    @Test
    void convertsToADatasetScaledBy255() throws IOException {
        ImageSet set = ImageSet.of("tiny", Idx.readImages(stream(images(3, 2, 3, PIXELS)), "tiny-images"),
                Idx.readLabels(stream(labels(3, LABELS)), "tiny-labels"));
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.features()).isEqualTo(6);
        assertThat(set.labels()).containsExactly(7, 0, 9);
        assertThat(set.pixel(1, 0)).as("pixel 6 is 90 / 255").isEqualTo(90 / 255f);
        assertThat(set.pixel(2, 5)).as("the top byte 255 becomes exactly 1").isEqualTo(1f);
    }

    @Test
    void rejectsAWrongMagicNumberAndSaysWhichFileItIs() {
        assertThatThrownBy(() -> Idx.readImages(stream(labels(3, LABELS)), "swapped.idx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swapped.idx").hasMessageContaining("wrong magic number 0x00000801")
                .hasMessageContaining("expected 0x00000803").hasMessageContaining("this is a labels file");
        assertThatThrownBy(() -> Idx.readLabels(stream(idx(0x12345678, new int[] {3}, LABELS)), "junk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("junk: wrong magic number 0x12345678, expected 0x00000801");
    }

    @Test
    void rejectsATruncatedHeaderAndATruncatedBody() {
        byte[] whole = images(3, 2, 3, PIXELS);
        assertThatThrownBy(() -> Idx.readImages(stream(Arrays.copyOf(whole, 10)), "cut-header"))
                .isInstanceOf(EOFException.class).hasMessageContaining("cut-header is truncated")
                .hasMessageContaining("a header of 3 sizes after the magic number (12 bytes) but only 6 of them are there");
        assertThatThrownBy(() -> Idx.readImages(stream(gzip(Arrays.copyOf(whole, whole.length - 1))), "cut.gz"))
                .isInstanceOf(EOFException.class).hasMessageContaining("cut.gz is truncated")
                .hasMessageContaining("3 images of 2 x 3 (18 bytes) but only 17 of them are there");
    }

    @Test
    void rejectsBytesBeyondWhatTheHeaderAnnounces() {
        assertThatThrownBy(() -> Idx.readLabels(stream(labels(2, LABELS)), "long-labels"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("long-labels: 1 bytes after the 2 labels");
    }

    @Test
    void rejectsImageAndLabelCountsThatDisagree() throws IOException {
        Idx.Images three = Idx.readImages(stream(images(3, 2, 3, PIXELS)), "three-images");
        byte[] two = Idx.readLabels(stream(labels(2, new byte[] {1, 2})), "two-labels");
        assertThatThrownBy(() -> ImageSet.of("mismatch", three, two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 images but the labels file 2 labels");
    }

    @Test
    void folderMustHoldTheFourOriginals(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(3, 2, 3, PIXELS)));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(3, LABELS));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(3, 2, 3, PIXELS));
        assertThatThrownBy(() -> Mnist.fromFolder(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must contain t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz, or the "
                        + "bundle's t10k-labels-idx1-ubyte.gz)");
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(3, LABELS)));
        Mnist read = Mnist.fromFolder(dir);
        assertThat(read.train().size()).isEqualTo(3);
        assertThat(read.test().labels()).containsExactly(7, 0, 9);
    }
}
