package workbook.theory.engine;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The dense {@code double} matrix operations of the engine's exact path, written out so that they are evidence
 * of their own. Matrices are {@code double[rows][columns]}; rows are samples.
 */
public final class Matrices {
    private Matrices() {}

    /** Returns {@code a b} for an n-by-k and a k-by-m matrix (loops in i-k-j order: the inner loop runs along rows). */
    public static double[][] multiply(double[][] a, double[][] b) {
        Require.matrix("a", a);
        Require.matrix("b", b);
        if (a[0].length != b.length) {
            throw new IllegalArgumentException("shapes do not chain: [" + a.length + "][" + a[0].length + "] times ["
                    + b.length + "][" + b[0].length + "]");
        }
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            double[] ci = c[i];
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < ci.length; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /** Returns the row vector {@code x W} for x of length k and W of shape k-by-m. */
    public static double[] multiply(double[] x, double[][] w) {
        if (x.length != w.length) {
            throw new IllegalArgumentException("x has " + x.length + " entries but W has " + w.length + " rows");
        }
        double[] y = new double[w[0].length];
        for (int k = 0; k < x.length; k++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += x[k] * w[k][j];
            }
        }
        return y;
    }

    /** Returns the transpose. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Returns a new matrix with {@code f} applied to every entry. */
    public static double[][] apply(double[][] a, DoubleUnaryOperator f) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = f.applyAsDouble(a[i][j]);
            }
        }
        return out;
    }

    /** Returns the Frobenius norm, the square root of the sum of squared entries. */
    public static double frobenius(double[][] a) {
        double sum = 0;
        for (double[] row : a) {
            sum += squaredNorm(row);
        }
        return Math.sqrt(sum);
    }

    /** Returns the squared Euclidean norm of a vector. */
    public static double squaredNorm(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum;
    }

    /** Returns the mean of the squared entries. */
    public static double meanSquare(double[][] x) {
        double sum = 0;
        for (double[] row : x) {
            sum += squaredNorm(row);
        }
        return sum / ((double) x.length * x[0].length);
    }

    /** Returns a {@code rows x columns} batch of independent N(0, 1) entries, filled row by row. */
    public static double[][] gaussian(int rows, int columns, RandomGenerator rng) {
        return gaussian(rows, columns, 0, 1, rng);
    }

    /** Returns a {@code rows x columns} batch of independent N(mean, std^2) entries, filled row by row. */
    public static double[][] gaussian(int rows, int columns, double mean, double std, RandomGenerator rng) {
        double[][] x = new double[rows][columns];
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                row[j] = mean + std * rng.nextGaussian();
            }
        }
        return x;
    }

    /** Returns the population variance of all entries (two passes: no cancellation). */
    public static double variance(double[][] m) {
        double sum = 0;
        for (double[] row : m) {
            for (double v : row) {
                sum += v;
            }
        }
        double mean = sum / ((double) m.length * m[0].length);
        double squares = 0;
        for (double[] row : m) {
            for (double v : row) {
                squares += (v - mean) * (v - mean);
            }
        }
        return squares / ((double) m.length * m[0].length);
    }
}
