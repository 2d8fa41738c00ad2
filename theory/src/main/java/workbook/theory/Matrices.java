package workbook.theory;

import java.util.function.DoubleUnaryOperator;

/** The few dense-matrix operations the write-ups need, written out so that they are evidence of their own. */
public final class Matrices {
    private Matrices() {}

    /** Returns {@code a b} for an n-by-k and a k-by-m matrix. */
    public static double[][] multiply(double[][] a, double[][] b) {
        if (a[0].length != b.length) {
            throw new IllegalArgumentException("shapes do not chain: [" + a.length + "][" + a[0].length + "] times ["
                    + b.length + "][" + b[0].length + "]");
        }
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                for (int j = 0; j < c[i].length; j++) {
                    c[i][j] += aik * b[k][j];
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
            for (double v : row) {
                sum += v * v;
            }
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
}
