package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * The pieces the depth experiments of write-ups 11 to 13 share: the activations and initializers of the lab
 * (built on the reference solutions), a Gaussian input batch, an initializer that remembers the weights it
 * drew, and the small linear algebra needed to recompute a network from those weights.
 */
final class DeepNets {
    static final Activation RELU = new Activation("relu", Ex03ReluFamily::relu, Ex03ReluFamily::reluDerivative);
    static final Activation TANH = new Activation("tanh", Ex02Tanh::tanh, Ex02Tanh::tanhDerivative);
    static final Activation SIGMOID = new Activation("sigmoid", Ex01Sigmoid::sigmoid, Ex01Sigmoid::sigmoidDerivative);
    static final Activation GELU = new Activation("gelu", Ex07SmoothActivations::gelu,
            Ex07SmoothActivations::geluDerivative);
    static final Activation SELU = new Activation("selu", Ex03ReluFamily::selu, Ex03ReluFamily::seluDerivative);

    private DeepNets() {}

    /** The lab's three initializers, each with the weight variance its derivation prescribes. */
    enum Scheme {
        /** N(0, 1) weights: the lab's bad baseline. */
        NAIVE("naive", Ex09Initialization::naiveNormal) {
            @Override
            double variance(int fanIn, int fanOut) {
                return 1;
            }
        },
        /** Xavier (Glorot) normal: Var[W] = 2 / (fanIn + fanOut). */
        XAVIER("xavier", Ex09Initialization::xavierNormal) {
            @Override
            double variance(int fanIn, int fanOut) {
                return 2.0 / (fanIn + fanOut);
            }
        },
        /** He (Kaiming) normal: Var[W] = 2 / fanIn. */
        HE("he", Ex09Initialization::heNormal) {
            @Override
            double variance(int fanIn, int fanOut) {
                return 2.0 / fanIn;
            }
        };

        final String label;
        final Initializer initializer;

        Scheme(String label, Initializer initializer) {
            this.label = label;
            this.initializer = initializer;
        }

        /** The variance of one weight, from the derivation (not from the code that draws the weights). */
        abstract double variance(int fanIn, int fanOut);
    }

    /** An initializer that hands out what another one draws and keeps every matrix, layer by layer. */
    static final class Recorder implements Initializer {
        private final Initializer initializer;
        final List<double[][]> weights = new ArrayList<>();

        Recorder(Initializer initializer) {
            this.initializer = initializer;
        }

        @Override
        public double[][] init(int fanIn, int fanOut, RandomGenerator rng) {
            double[][] w = initializer.init(fanIn, fanOut, rng);
            weights.add(w);
            return w;
        }
    }

    /** Returns a {@code rows x width} batch of independent N(0, 1) entries, filled row by row. */
    static double[][] gaussianInput(int rows, int width, SplittableRandom random) {
        double[][] x = new double[rows][width];
        for (double[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    /** Returns {@code f(x w)} entrywise: one layer, recomputed independently of the exercise's code. */
    static double[][] layer(double[][] x, double[][] w, DoubleUnaryOperator f) {
        int width = w[0].length;
        double[][] out = new double[x.length][width];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < width; j++) {
                double z = 0;
                for (int i = 0; i < w.length; i++) {
                    z += x[r][i] * w[i][j];
                }
                out[r][j] = f.applyAsDouble(z);
            }
        }
        return out;
    }

    /** Returns the squared Euclidean norm of every row. */
    static double[] rowSquaredNorms(double[][] x) {
        double[] norms = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            for (double v : x[r]) {
                norms[r] += v * v;
            }
        }
        return norms;
    }

    /** Returns the mean of the squared entries. */
    static double meanSquare(double[][] x) {
        double sum = 0;
        for (double norm : rowSquaredNorms(x)) {
            sum += norm;
        }
        return sum / ((double) x.length * x[0].length);
    }

    /** Returns the least-squares slope of {@code y[i]} against {@code i} over {@code from <= i < to}. */
    static double slope(double[] y, int from, int to) {
        double n = to - from;
        double meanX = (from + to - 1) / 2.0;
        double meanY = 0;
        for (int i = from; i < to; i++) {
            meanY += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < to; i++) {
            sxy += (i - meanX) * (y[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxy / sxx;
    }
}
