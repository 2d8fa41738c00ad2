package workbook.charts;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;

/**
 * The building blocks of the initialization figures (7 to 12): activations with their derivatives,
 * initializers, seeded Gaussian batches and a plain matrix product.
 *
 * <p>Activations and initializers point at the exercise code on the class path (the reference solutions,
 * or your own with {@code -Plearner}); nothing is called until a figure runs, so a stub only skips the
 * figures that need it.
 */
final class Experiments {
    /** The one seed of the initialization figures: every batch and every weight matrix follows from it. */
    static final long SEED = 20240607L;

    static final Activation RELU = new Activation("ReLU", Ex03ReluFamily::relu, Ex03ReluFamily::reluDerivative);
    static final Activation TANH = new Activation("tanh", Ex02Tanh::tanh, Ex02Tanh::tanhDerivative);
    static final Activation SIGMOID =
            new Activation("sigmoid", Ex01Sigmoid::sigmoid, Ex01Sigmoid::sigmoidDerivative);
    static final Activation GELU =
            new Activation("GELU", Ex07SmoothActivations::gelu, Ex07SmoothActivations::geluDerivative);

    static final Initializer NAIVE = Ex09Initialization::naiveNormal;
    static final Initializer XAVIER = Ex09Initialization::xavierNormal;
    static final Initializer HE = Ex09Initialization::heNormal;
    /** Glorot and Bengio's "standard" initialization: U(-1/sqrt(fanIn), 1/sqrt(fanIn)), variance 1/(3 fanIn). */
    static final Initializer STANDARD_UNIFORM = (fanIn, fanOut, rng) -> {
        double bound = 1 / Math.sqrt(fanIn);
        return fill(fanIn, fanOut, () -> rng.nextDouble(-bound, bound));
    };

    /** An initializer with the name its curves carry in a legend. */
    record NamedInit(String name, Initializer init) {}

    /** The lab's three initializers, in the order every legend lists them. */
    static final List<NamedInit> LAB_INITS = List.of(new NamedInit("naive N(0, 1)", NAIVE),
            new NamedInit("Xavier", XAVIER), new NamedInit("He", HE));

    private Experiments() {}

    /** A fresh generator for {@code SEED + stream}, so that independent experiments do not share draws. */
    static RandomGenerator rng(long stream) {
        return new SplittableRandom(SEED + stream);
    }

    /** A {@code rows x columns} batch of N(mean, std^2) entries, filled row by row. */
    static double[][] gaussian(int rows, int columns, double mean, double std, RandomGenerator rng) {
        return fill(rows, columns, () -> mean + std * rng.nextGaussian());
    }

    /** The product {@code a b} (loops in i-k-j order, so the inner loop runs along rows). */
    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                double[] ci = c[i];
                for (int j = 0; j < ci.length; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /** {@code f} applied to every entry of {@code m}, in a new matrix. */
    static double[][] apply(double[][] m, DoubleUnaryOperator f) {
        double[][] out = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = f.applyAsDouble(m[i][j]);
            }
        }
        return out;
    }

    /** The population variance of all entries of {@code m} (two passes: no cancellation). */
    static double variance(double[][] m) {
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

    /** A {@code rows x columns} matrix filled row by row with successive values of {@code draw}. */
    private static double[][] fill(int rows, int columns, DoubleSupplier draw) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = draw.getAsDouble();
            }
        }
        return m;
    }
}
