package workbook.theory.engine;

/** The engine's argument checks: each throws an {@link IllegalArgumentException} that names the argument and the rule. */
final class Require {
    private Require() {}

    /** A non-empty rectangular matrix of finite numbers; returns its column count. */
    static int matrix(String name, double[][] m) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row (an empty batch has no loss)");
        }
        if (m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException(name + " must have at least one column");
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != m[0].length) {
                throw new IllegalArgumentException(name + " must be rectangular: row " + i + " has "
                        + (m[i] == null ? "no" : m[i].length) + " entries, row 0 has " + m[0].length);
            }
            for (double v : m[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " must hold finite numbers, row " + i + " has " + v);
                }
            }
        }
        return m[0].length;
    }

    /** A learning rate: positive and finite. */
    static double learningRate(double rate) {
        if (!(rate > 0 && rate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + rate);
        }
        return rate;
    }

    /** One label per row, each in {@code [0, classes)}. */
    static void labels(int[] labels, int rows, int classes) {
        if (labels == null || labels.length != rows) {
            throw new IllegalArgumentException("labels must have one entry per row: " + rows + " rows, "
                    + (labels == null ? "no" : labels.length) + " labels");
        }
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels must lie in [0, " + classes + "), labels[" + i + "] is "
                        + labels[i]);
            }
        }
    }

    /** A layer width list: at least an input and an output, every width positive. */
    static int[] widths(int[] widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("widths must list at least the input and the output width");
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("widths must be positive, got " + w);
            }
        }
        return widths.clone();
    }
}
