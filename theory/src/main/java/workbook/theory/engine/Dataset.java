package workbook.theory.engine;

/**
 * A labelled set for training: {@code rows} samples of {@code features} floats, flat and row-major, and one
 * class label per row in {@code [0, classes)}. Checked once here, so training loops need not check again.
 *
 * @param x        the samples, {@code x[i * features + j]} is feature j of row i
 * @param labels   one label per row
 * @param features the number of features per row
 * @param classes  the number of classes
 */
public record Dataset(float[] x, int[] labels, int features, int classes) {
    public Dataset {
        if (features <= 0 || classes <= 0) {
            throw new IllegalArgumentException("features and classes must be positive, got " + features + " and "
                    + classes);
        }
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must not be empty (an empty dataset has no loss)");
        }
        if (x == null || x.length != (long) labels.length * features) {
            throw new IllegalArgumentException("x must hold labels.length x features = " + labels.length + " x "
                    + features + " floats, has " + (x == null ? "none" : x.length));
        }
        for (int k = 0; k < x.length; k++) {
            if (!Float.isFinite(x[k])) {
                throw new IllegalArgumentException("x must hold finite numbers, row " + k / features + " has " + x[k]);
            }
        }
        Require.labels(labels, labels.length, classes);
    }

    /** A dataset from {@code double[rows][features]} rows. */
    public static Dataset of(double[][] rows, int[] labels, int classes) {
        int features = Require.matrix("rows", rows);
        float[] x = new float[rows.length * features];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < features; j++) {
                x[i * features + j] = (float) rows[i][j];
            }
        }
        return new Dataset(x, labels, features, classes);
    }

    /** The number of rows. */
    public int rows() {
        return labels.length;
    }

    /** Copies the rows {@code order[from .. to)} into {@code xOut} and {@code labelsOut} (a minibatch). */
    void gather(int[] order, int from, int to, float[] xOut, int[] labelsOut) {
        for (int r = from; r < to; r++) {
            System.arraycopy(x, order[r] * features, xOut, (r - from) * features, features);
            labelsOut[r - from] = labels[order[r]];
        }
    }
}
