package workbook.charts.mnist.data;

import java.util.Arrays;

/**
 * Labelled images as a trainer reads them: pixel values in [0, 1] (the stored byte / 255) as one flat
 * {@code float} array, image after image (row-major {@code size() x features()}), and one label per image.
 *
 * @param name   what the set is, for messages and run records (e.g. {@code "train 9600"})
 * @param pixels {@code size() * rows * cols} values in [0, 1]
 * @param labels the class of each image, 0 to 9
 * @param rows   image height (28 for MNIST)
 * @param cols   image width (28 for MNIST)
 */
public record ImageSet(String name, float[] pixels, int[] labels, int rows, int cols) {
    /** Number of classes of MNIST. */
    public static final int CLASSES = 10;

    public ImageSet {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("rows and cols must be positive, got " + rows + " x " + cols);
        }
        if (pixels.length != (long) labels.length * rows * cols) {
            throw new IllegalArgumentException("pixels must hold labels.length * rows * cols = " + labels.length
                    + " * " + rows + " * " + cols + " values, got " + pixels.length);
        }
        for (int label : labels) {
            if (label < 0 || label >= CLASSES) {
                throw new IllegalArgumentException("labels must be in 0.." + (CLASSES - 1) + ", got " + label);
            }
        }
    }

    /** Converts stored images and labels; their counts must agree. */
    static ImageSet of(String name, Idx.Images images, byte[] labels) {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(name + ": the images file holds " + images.count()
                    + " images but the labels file " + labels.length + " labels; they must agree");
        }
        float[] pixels = new float[images.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (images.pixels()[i] & 0xff) / 255f;
        }
        int[] classes = new int[labels.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = labels[i] & 0xff;
        }
        return new ImageSet(name, pixels, classes, images.rows(), images.cols());
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Values per image, {@code rows * cols} (784 for MNIST). */
    public int features() {
        return rows * cols;
    }

    /** Pixel {@code k} (row-major within the image) of image {@code i}. */
    public float pixel(int i, int k) {
        return pixels[i * features() + k];
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), copied, in their order. */
    public ImageSet slice(String sliceName, int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("slice must satisfy 0 <= from <= to <= " + size() + ", got from "
                    + from + ", to " + to);
        }
        return new ImageSet(sliceName, Arrays.copyOfRange(pixels, from * features(), to * features()),
                Arrays.copyOfRange(labels, from, to), rows, cols);
    }

    /** The first {@code n} images (all of them if {@code n >= size()}). */
    public ImageSet first(int n) {
        int m = Math.min(n, size());
        return m == size() ? this : slice(name + " (first " + m + ")", 0, m);
    }
}
