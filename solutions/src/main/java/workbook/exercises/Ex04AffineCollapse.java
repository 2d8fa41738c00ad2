package workbook.exercises;

import java.util.Arrays;

/**
 * Without a nonlinear activation, depth buys nothing: two affine layers collapse into one. With a single hidden
 * layer of ReLUs, a network can follow a curve such as {@code x^2} as closely as you like.
 *
 * <p>This exercise uses the column convention of most textbooks: a layer maps a column vector {@code x} to
 * {@code W x + b}, so {@code w1} is {@code [hidden][in]} and {@code w2} is {@code [out][hidden]}. (The rest of
 * the workbook stores weights as {@code [fanIn][fanOut]} and multiplies rows, {@code Y = X W}; here the matrices
 * are the transposes of those.)
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code collapse(w1, b1, w2, b2)}: the single affine map {@code A x + c} equal to
 *       {@code W2 (W1 x + b1) + b2} for every x, with {@code A} of shape {@code [out][in]} and {@code c} of
 *       length out. Find A and c by expanding the expression.</li>
 *   <li>{@code reluApproximationOfSquare(tolerance)}: a one-hidden-layer ReLU net
 *       {@code net(x) = sum_j w2[j] * relu(w1[j] * x + b1[j]) + b2} with
 *       {@code max over x in [0, 1] of |net(x) - x^2| <= tolerance}, using at least one and at most
 *       {@code ceil(1 / (2 * sqrt(tolerance)))} hidden units.</li>
 *   <li>{@code minimaxLineForSquare()}: the line {@code slope * x + intercept} with the smallest possible
 *       {@code max over x in [0, 1] of |x^2 - line(x)|}. No choice of weights in a net with identity
 *       activations does better, since such a net is one affine map: this is why it cannot reach 0.04.</li>
 * </ul>
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>Which order of the two weight matrices has shape {@code [out][in]}? When every size is equal, the wrong
 *       order still has the right shape, and only the values tell.</li>
 *   <li>An empty or ragged matrix, {@code b1} not of length hidden, {@code w2} without {@code hidden} columns,
 *       or {@code b2} not of length out must be rejected with an {@code IllegalArgumentException} that names the
 *       argument and the shapes, not an {@code ArrayIndexOutOfBoundsException} from deep inside a loop. The
 *       helpers {@code requireMatrix} and {@code requireLength} at the end of this file are given complete.</li>
 *   <li>{@code tolerance} must be positive and finite; a tolerance below {@link #MIN_TOLERANCE} would need
 *       hundreds of thousands of units and is rejected too. A tolerance of 1/8 or more still gets one unit.</li>
 *   <li>A net that is exact at a few points of {@code x^2} can still miss badly between them: where is the
 *       error of your net largest, and did you measure it there?</li>
 * </ul>
 *
 * <h2>Where to look</h2>
 * The collapse, the ReLU construction and its error bound, and the best line are in
 * {@writeup collapse}. Stuck? {@code java exercises/hints/Hint.java ex04} shows the next hint.
 */
public final class Ex04AffineCollapse {
    /** The smallest tolerance {@link #reluApproximationOfSquare(double)} accepts. */
    public static final double MIN_TOLERANCE = 1e-12;

    private Ex04AffineCollapse() {}

    /**
     * The affine map {@code x -> A x + c}, with {@code a} of shape {@code [out][in]} and {@code c} of length out.
     *
     * @param a the matrix, non-empty and rectangular
     * @param c the offset, one entry per row of {@code a}
     */
    public record Affine(double[][] a, double[] c) {
        /** Checks that {@code a} is a non-empty rectangular matrix with one row per entry of {@code c}. */
        public Affine {
            if (a == null || c == null || a.length == 0 || a[0] == null) {
                throw new IllegalArgumentException("an Affine needs a non-empty matrix a and an offset c");
            }
            for (double[] row : a) {
                if (row == null || row.length != a[0].length) {
                    throw new IllegalArgumentException("the matrix a of an Affine must be rectangular");
                }
            }
            if (c.length != a.length) {
                throw new IllegalArgumentException(
                        "c must have one entry per row of a: a has " + a.length + " rows, c has length " + c.length);
            }
        }

        /** Returns {@code A x + c}; {@code x} must have one entry per column of {@code a}. */
        public double[] apply(double[] x) {
            if (x == null || x.length != a[0].length) {
                throw new IllegalArgumentException("x must have length " + a[0].length + " (the columns of a), got "
                        + (x == null ? "null" : "length " + x.length));
            }
            double[] y = c.clone();
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    y[i] += a[i][j] * x[j];
                }
            }
            return y;
        }
    }

    /**
     * A network with one hidden ReLU layer, one input and one output.
     *
     * @param w1 input weight of each hidden unit
     * @param b1 bias of each hidden unit
     * @param w2 output weight of each hidden unit
     * @param b2 output bias
     */
    public record ReluNet(double[] w1, double[] b1, double[] w2, double b2) {
        /** Checks that the three arrays have one entry per hidden unit. */
        public ReluNet {
            if (w1 == null || b1 == null || w2 == null || b1.length != w1.length || w2.length != w1.length) {
                throw new IllegalArgumentException("w1, b1 and w2 need one entry per hidden unit, got lengths "
                        + (w1 == null ? "null" : w1.length) + ", " + (b1 == null ? "null" : b1.length) + ", "
                        + (w2 == null ? "null" : w2.length));
            }
        }

        /** Returns {@code sum_j w2[j] * relu(w1[j] * x + b1[j]) + b2}. */
        public double evaluate(double x) {
            double sum = b2;
            for (int j = 0; j < w1.length; j++) {
                sum += w2[j] * Math.max(0, w1[j] * x + b1[j]);
            }
            return sum;
        }

        /** Returns the number of hidden units. */
        public int hiddenUnits() {
            return w1.length;
        }
    }

    /**
     * A straight line {@code x -> slope * x + intercept}.
     *
     * @param slope the slope
     * @param intercept the value at 0
     */
    public record Line(double slope, double intercept) {
        /** Returns {@code slope * x + intercept}. */
        public double evaluate(double x) {
            return slope * x + intercept;
        }
    }

    /**
     * Collapses the two affine layers {@code x -> W2 (W1 x + b1) + b2} into one map {@code x -> A x + c}.
     *
     * @param w1 first layer, {@code [hidden][in]}, non-empty and rectangular
     * @param b1 first bias, length hidden
     * @param w2 second layer, {@code [out][hidden]}, non-empty and rectangular
     * @param b2 second bias, length out
     * @return the single map {@code x -> A x + c}, {@code A} of shape {@code [out][in]}
     * @throws IllegalArgumentException if an argument is null, empty or ragged, or the shapes do not chain
     */
    public static Affine collapse(double[][] w1, double[] b1, double[][] w2, double[] b2) {
        int hidden = requireMatrix("w1", w1).length;
        int in = w1[0].length;
        int out = requireMatrix("w2", w2).length;
        requireLength("b1", b1, hidden, "the rows of w1");
        if (w2[0].length != hidden) {
            throw new IllegalArgumentException("w2 must be [out][hidden] with hidden = " + hidden
                    + " (the rows of w1), got w2 of shape [" + out + "][" + w2[0].length + "]");
        }
        requireLength("b2", b2, out, "the rows of w2");
        double[][] a = new double[out][in];
        double[] c = b2.clone();
        for (int i = 0; i < out; i++) {
            for (int h = 0; h < hidden; h++) {
                c[i] += w2[i][h] * b1[h];
                for (int j = 0; j < in; j++) {
                    a[i][j] += w2[i][h] * w1[h][j];
                }
            }
        }
        return new Affine(a, c);
    }

    /**
     * Builds a one-hidden-layer ReLU net that stays within {@code tolerance} of {@code x^2} on all of [0, 1].
     *
     * @param tolerance the largest allowed {@code |net(x) - x^2|} on [0, 1], positive, finite and at least
     *     {@link #MIN_TOLERANCE}
     * @return a net with at least one and at most {@code ceil(1 / (2 * sqrt(tolerance)))} hidden units
     * @throws IllegalArgumentException if {@code tolerance} is not finite or is below {@link #MIN_TOLERANCE}
     */
    public static ReluNet reluApproximationOfSquare(double tolerance) {
        if (!(tolerance >= MIN_TOLERANCE && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance must be finite and at least " + MIN_TOLERANCE
                    + " (a smaller one needs hundreds of thousands of hidden units), got " + tolerance);
        }
        // k equal pieces lowered by half the chord error give +-1/(8k^2), the best any k-piece polyline can do
        int k = (int) Math.ceil(1 / Math.sqrt(8 * tolerance));
        double[] w1 = new double[k];
        double[] b1 = new double[k];
        double[] w2 = new double[k];
        for (int i = 0; i < k; i++) {
            w1[i] = 1;
            b1[i] = -(double) i / k;
            w2[i] = i == 0 ? 1.0 / k : 2.0 / k;
        }
        return new ReluNet(w1, b1, w2, -1 / (8.0 * k * k));
    }

    /**
     * Returns the best uniform straight-line fit of {@code x^2} on [0, 1].
     *
     * @return the line minimising {@code max over x in [0, 1] of |x^2 - line(x)|}
     */
    public static Line minimaxLineForSquare() {
        // the error x^2 - (x - 1/8) is +1/8, -1/8, +1/8 at 0, 1/2, 1: by equioscillation no line does better
        return new Line(1, -0.125);
    }

    /** Given: checks that {@code m} is a non-empty rectangular matrix with at least one column. */
    private static double[][] requireMatrix(String name, double[][] m) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty matrix, got " + Arrays.deepToString(m));
        }
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null) {
                throw new IllegalArgumentException(name + " must not have a null row, but row " + r + " is null");
            }
            if (m[r].length == 0 || m[r].length != m[0].length) {
                throw new IllegalArgumentException(name + " must be rectangular with at least one column, but row "
                        + r + " has length " + m[r].length + " and row 0 has length " + m[0].length);
            }
        }
        return m;
    }

    /** Given: checks that {@code v} has the {@code expected} length, explaining {@code why} if not. */
    private static void requireLength(String name, double[] v, int expected, String why) {
        if (v == null || v.length != expected) {
            throw new IllegalArgumentException(name + " must have length " + expected + " (" + why + "), got "
                    + (v == null ? "null" : "length " + v.length));
        }
    }
}
