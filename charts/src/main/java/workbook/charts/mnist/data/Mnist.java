package workbook.charts.mnist.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The MNIST images of the lab: the bundled subset (the first 12,000 training images and all 10,000 test
 * images, see {@code README.md} next to the files), or the four original files from a folder.
 *
 * <p>Each bundled file's SHA-256 is checked when it is read, so a corrupted checkout fails with the file's
 * name instead of training on damaged data.
 *
 * @param train  the labelled training images (split further by {@link Split})
 * @param test   the test images
 * @param source where they came from, for run records
 */
public record Mnist(ImageSet train, ImageSet test, String source) {
    /** Classpath folder of the bundled files. */
    public static final String RESOURCE_FOLDER = "/workbook/charts/mnist/";
    /** The bundle's file names in the order of {@link #ORIGINALS}: a copy of the bundled folder is a data folder. */
    static final List<String> BUNDLED_NAMES = List.of("train-12000-images-idx3-ubyte.gz",
            "train-12000-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    /** The bundled files and their SHA-256 (as in the data README, computed with {@code sha256sum}). */
    public static final Map<String, String> BUNDLED = Map.of(
            BUNDLED_NAMES.get(0), "13e18fd3ef0a44316167b0ac0e45ffe55c7575dc2993fd5a9a268ef348c8edb5",
            BUNDLED_NAMES.get(1), "4c5d2b62218364aa5476c57f07f56ab5b6fa33b76a375b3fda78c90d9a63a8f1",
            BUNDLED_NAMES.get(2), "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be",
            BUNDLED_NAMES.get(3), "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b");
    /** The original file names (each may also end in {@code .gz}) that {@link #fromFolder} looks for. */
    public static final List<String> ORIGINALS = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private static Mnist bundled;

    /** The bundled subset: 12,000 training and 10,000 test images (read once, then shared; do not modify). */
    public static synchronized Mnist bundled() {
        if (bundled == null) {
            try {
                bundled = new Mnist(
                        ImageSet.of("MNIST train 12000", Idx.readImages(resource("train-12000-images-idx3-ubyte.gz"),
                                "train-12000-images-idx3-ubyte.gz"), Idx.readLabels(
                                        resource("train-12000-labels-idx1-ubyte.gz"), "train-12000-labels-idx1-ubyte.gz")),
                        ImageSet.of("MNIST test 10000", Idx.readImages(resource("t10k-images-idx3-ubyte.gz"),
                                "t10k-images-idx3-ubyte.gz"), Idx.readLabels(resource("t10k-labels-idx1-ubyte.gz"),
                                        "t10k-labels-idx1-ubyte.gz")),
                        "bundled subset");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }

    /**
     * The four IDX files from {@code folder}: the originals (plain or {@code .gz}, names as in {@link #ORIGINALS}:
     * all 60,000 training images and the 10,000 test images), or a copy of the bundled subset (names as in
     * {@link #BUNDLED}).
     */
    public static Mnist fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("data folder must be a folder holding " + ORIGINALS + ", got "
                    + folder.toAbsolutePath());
        }
        Path[] files = new Path[ORIGINALS.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = find(folder, ORIGINALS.get(i), BUNDLED_NAMES.get(i));
        }
        return new Mnist(load("MNIST train", files[0], files[1]), load("MNIST test", files[2], files[3]),
                folder.toAbsolutePath().toString());
    }

    private static ImageSet load(String name, Path images, Path labels) throws IOException {
        Idx.Images read;
        try (InputStream i = Idx.open(images)) {
            read = Idx.readImages(i, images.toString());
        } catch (IOException e) {
            throw named(images, e);
        }
        try (InputStream l = Idx.open(labels)) {
            return ImageSet.of(name + " " + read.count(), read, Idx.readLabels(l, labels.toString()));
        } catch (IOException e) {
            throw named(labels, e);
        }
    }

    /** An error reading {@code file} that names it (gzip's own, "Unexpected end of ZLIB input stream", does not). */
    private static IOException named(Path file, IOException e) {
        return e.getMessage() != null && e.getMessage().contains(file.toString()) ? e
                : new IOException(file + " cannot be read: " + e.getMessage() + " (a truncated or damaged copy?)", e);
    }

    private static Path find(Path folder, String name, String bundledName) {
        for (Path candidate : List.of(folder.resolve(name), folder.resolve(name + ".gz"), folder.resolve(bundledName))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("data folder " + folder.toAbsolutePath() + " must contain " + name
                + " (or " + name + ".gz, or the bundle's " + bundledName + ")");
    }

    /** The bytes of one bundled file, checked against its SHA-256, as an uncompressed stream. */
    static InputStream resource(String file) throws IOException {
        String expected = BUNDLED.get(file);
        if (expected == null) {
            throw new IllegalArgumentException("file must be one of the bundled " + BUNDLED.keySet() + ", got " + file);
        }
        byte[] bytes;
        try (InputStream in = Mnist.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) {
                throw new IOException("bundled MNIST file " + RESOURCE_FOLDER + file + " is missing from the class path");
            }
            bytes = in.readAllBytes();
        }
        verify(file, bytes, expected);
        return Idx.decompressIfGzipped(new ByteArrayInputStream(bytes));
    }

    /** Throws an IOException naming {@code file} if the SHA-256 of {@code bytes} is not {@code expected}. */
    static void verify(String file, byte[] bytes, String expected) throws IOException {
        String actual = sha256(bytes);
        if (!actual.equals(expected)) {
            throw new IOException("bundled MNIST file " + file + " is corrupted: its SHA-256 is " + actual
                    + ", expected " + expected + " (restore it from git, or rebuild it with charts/src/data/mnist-subset.sh)");
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
