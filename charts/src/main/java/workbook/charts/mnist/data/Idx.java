package workbook.charts.mnist.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of the MNIST files, plain or gzip-compressed.
 *
 * <p>An IDX file is a big-endian header, then one unsigned byte per pixel or label: images start with the
 * magic number {@code 0x00000803}, the count, the number of rows and of columns; labels with
 * {@code 0x00000801} and the count. A wrong magic number, a zero dimension or a file longer than its header
 * says is an {@link IllegalArgumentException}; a file that ends before its header's promise is an
 * {@link EOFException}. Every message names the file.
 */
final class Idx {
    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    static final int LABELS_MAGIC = 0x00000801;
    private static final int GZIP_MAGIC = 0x1f8b;

    private Idx() {}

    /**
     * Images as stored: {@code count} images of {@code rows x cols} unsigned bytes, image after image, row
     * after row.
     */
    record Images(int count, int rows, int cols, byte[] pixels) {
        /** The pixel at row {@code r}, column {@code c} of image {@code i}, 0 to 255. */
        public int pixel(int i, int r, int c) {
            return pixels[(i * rows + r) * cols + c] & 0xff;
        }
    }

    /** Opens a file for reading, gunzipping it if it starts with the gzip magic bytes. */
    static InputStream open(Path file) throws IOException {
        return decompressIfGzipped(Files.newInputStream(file));
    }

    /** Wraps {@code in} in a {@link GZIPInputStream} if its first two bytes are gzip's magic. */
    static InputStream decompressIfGzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return (first << 8 | second) == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16))
                : buffered;
    }

    /** Reads an images file; {@code name} is only for the messages. */
    static Images readImages(InputStream in, String name) throws IOException {
        int[] header = header(in, name, IMAGES_MAGIC, "images", 3);
        int count = header[0], rows = header[1], cols = header[2];
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": image size must be positive, header says " + rows + " x " + cols);
        }
        long bytes = (long) count * rows * cols;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(name + ": " + count + " images of " + rows + " x " + cols
                    + " do not fit in one array (more than 2 GB)");
        }
        byte[] pixels = body(in, name, (int) bytes, count + " images of " + rows + " x " + cols);
        return new Images(count, rows, cols, pixels);
    }

    /** Reads a labels file; {@code name} is only for the messages. */
    static byte[] readLabels(InputStream in, String name) throws IOException {
        int count = header(in, name, LABELS_MAGIC, "labels", 1)[0];
        return body(in, name, count, count + " labels");
    }

    private static int[] header(InputStream in, String name, int magic, String kind, int dims) throws IOException {
        int found = readInts(in, name, 1, "a magic number")[0]; // first, so a wrong file is named as such
        if (found != magic) {
            throw new IllegalArgumentException(String.format("%s: wrong magic number 0x%08x, expected 0x%08x"
                    + " (IDX %s)%s", name, found, magic, kind, hintFor(found)));
        }
        int[] dimensions = readInts(in, name, dims, "a header of " + dims + " sizes after the magic number");
        if (dimensions[0] < 0) {
            throw new IllegalArgumentException(name + ": negative count " + (dimensions[0] & 0xffffffffL));
        }
        return dimensions;
    }

    private static int[] readInts(InputStream in, String name, int n, String promise) throws IOException {
        byte[] raw = new byte[4 * n];
        readFully(in, raw, name, promise);
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = (raw[4 * i] & 0xff) << 24 | (raw[4 * i + 1] & 0xff) << 16 | (raw[4 * i + 2] & 0xff) << 8
                    | raw[4 * i + 3] & 0xff;
        }
        return values;
    }

    private static String hintFor(int found) {
        if (found == IMAGES_MAGIC) {
            return ": this is an images file";
        }
        if (found == LABELS_MAGIC) {
            return ": this is a labels file";
        }
        return (found >>> 16) == GZIP_MAGIC ? ": a gzip file inside a gzip file?" : "";
    }

    private static byte[] body(InputStream in, String name, int length, String promise) throws IOException {
        byte[] data = new byte[length];
        readFully(in, data, name, promise);
        long extra = 0;
        while (in.read() >= 0) {
            extra++;
        }
        if (extra > 0) {
            throw new IllegalArgumentException(name + ": " + extra + " bytes after the " + promise
                    + " its header announces (a wrong count in the header?)");
        }
        return data;
    }

    private static void readFully(InputStream in, byte[] into, String name, String promise) throws IOException {
        int done = 0;
        while (done < into.length) {
            int n = in.read(into, done, into.length - done);
            if (n < 0) {
                throw new EOFException(name + " is truncated: expected " + promise + " (" + into.length
                        + " bytes) but only " + done + " of them are there");
            }
            done += n;
        }
    }
}
