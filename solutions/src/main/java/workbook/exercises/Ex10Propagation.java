package workbook.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The lab's experiment: push a batch through a deep stack of bias-free layers and watch whether the signal
 * and the gradients keep their scale, explode, vanish or saturate, depending on the initializer and the
 * activation.
 *
 * <h2>Task</h2>
 * The network is {@code X_l = act(Z_l)} with {@code Z_l = X_(l-1) W_l} for {@code l = 1 .. depth}, where
 * {@code X_0 = x0} (rows are samples) and {@code W_l = init.init(columns of X_(l-1), width, rng)} is drawn
 * afresh for each layer, in the order 1, 2, ..., depth, so that a seed fixes the whole network.
 * <ul>
 *   <li>{@code forwardStats} returns one {@link LayerStats} per layer (numbered from 1), taken over all
 *       {@code rows * width} entries of {@code X_l}: the mean; the population std
 *       {@code sqrt(mean((a - mean)^2))}; the fraction of entries {@code a == 0} (dead ReLU outputs); the
 *       fraction with {@code |a| > 0.95} (saturated tanh outputs); and the mean of {@code act'(Z_l)}, the
 *       local derivative at the pre-activations.</li>
 *   <li>{@code gradientNorms} builds the same network (the same {@code init} calls in the same order) for the
 *       loss {@code L = mean of all entries of X_depth} and returns the Frobenius norm
 *       {@code ||dL/dW_l|| = sqrt(sum of squares)} of every layer's weight gradient (index {@code l - 1}).
 *       Back-propagation is yours to derive: the gradient of the loss in {@code X_depth}, then, layer by layer
 *       from the top, the gradients in {@code Z_l}, in {@code W_l} and in {@code X_(l-1)}.</li>
 *   <li>{@code activeFraction(z)}: for each unit (column) of a pre-activation matrix, the fraction of rows with
 *       {@code z > 0}. {@code deadUnits(z, minActiveFraction)}: a unit is dead when its active fraction is
 *       below {@code minActiveFraction} (the lab uses 0.01): a ReLU unit that never fires gets no gradient and
 *       never recovers.</li>
 * </ul>
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>The local derivative is taken at the pre-activation: {@code act'(Z)}, not {@code act'(act(Z))}.
 *       For tanh they differ.</li>
 *   <li>Your gradient norms are all off by the same large factor: what is the derivative of a mean with
 *       respect to one of its entries?</li>
 *   <li>Your gradients look right for the top layer and wrong below it: are you using the same weights in the
 *       backward pass as in the forward pass, or drawing new ones?</li>
 *   <li>The std is the population one (divide by the count, not count - 1).</li>
 *   <li>Explosion is a result, not a bug: with \( N(0, 1) \) weights and ReLU the entries reach 1e50 by layer 50.</li>
 *   <li>Speed: depth 50 at width 256 is a few hundred million multiply-adds. The given {@code multiply} runs
 *       its loops in i-k-j order so that the innermost loop walks along rows in memory.</li>
 *   <li>Bad input is an {@code IllegalArgumentException} naming the argument: an empty or ragged matrix, a
 *       non-positive depth or width, a null initializer, activation or generator, an initializer that returns
 *       the wrong shape, a {@code minActiveFraction} outside [0, 1]. The given {@code requireNetwork},
 *       {@code requireMatrix} and {@code drawWeights} do the checking; {@code multiply}, {@code transpose} and
 *       {@code apply} are given too.</li>
 * </ul>
 *
 * <h2>Where to look</h2>
 * The forward experiment: {@writeup signal-depth}; the backward pass: {@writeup weight-gradient} and
 * {@writeup gradient-depth}; active fractions: {@writeup dead-relus}. Stuck?
 * {@code java exercises/hints/Hint.java ex10} shows the next hint.
 */
public final class Ex10Propagation {
    private Ex10Propagation() {}

    /** Entries with an absolute value above this count as saturated (tanh is flat out there). */
    private static final double SATURATION_THRESHOLD = 0.95;

    /**
     * An activation and its derivative.
     *
     * @param name       a label for reports, e.g. {@code "relu"}
     * @param f          the activation, applied entrywise
     * @param derivative its derivative, evaluated at the pre-activation
     */
    public record Activation(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {}

    /** Draws a layer's weights: a {@code double[fanIn][fanOut]} matrix, used as {@code Z = X W}. */
    @FunctionalInterface
    public interface Initializer {
        /** Returns a new {@code [fanIn][fanOut]} weight matrix drawn from {@code rng}. */
        double[][] init(int fanIn, int fanOut, RandomGenerator rng);
    }

    /**
     * Statistics of one layer's activations {@code X_l} over all its entries.
     *
     * @param layer               the layer number, from 1
     * @param mean                the mean of the entries
     * @param std                 their population standard deviation
     * @param zeroFraction        the fraction of entries that are exactly 0
     * @param saturatedFraction   the fraction of entries with an absolute value above 0.95
     * @param meanLocalDerivative the mean of {@code act'(Z_l)} over the pre-activations
     */
    public record LayerStats(int layer, double mean, double std, double zeroFraction, double saturatedFraction,
                             double meanLocalDerivative) {}

    /** Runs {@code X_l = act(X_(l-1) W_l)} for {@code depth} layers and returns each layer's statistics. */
    public static List<LayerStats> forwardStats(double[][] x0, int depth, int width, Initializer init,
                                                Activation act, RandomGenerator rng) {
        requireNetwork(x0, depth, width, init, act, rng);
        List<LayerStats> stats = new ArrayList<>(depth);
        double[][] x = x0;
        for (int layer = 1; layer <= depth; layer++) {
            double[][] z = multiply(x, drawWeights(init, layer, x[0].length, width, rng));
            x = apply(z, act.f());
            double count = (double) z.length * width;
            double sum = 0;
            double derivativeSum = 0;
            int zeros = 0;
            int saturated = 0;
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < width; j++) {
                    double a = x[i][j];
                    sum += a;
                    zeros += a == 0 ? 1 : 0;
                    saturated += Math.abs(a) > SATURATION_THRESHOLD ? 1 : 0;
                    derivativeSum += act.derivative().applyAsDouble(z[i][j]);
                }
            }
            double mean = sum / count;
            double squares = 0;
            for (double[] row : x) {
                for (double a : row) {
                    squares += (a - mean) * (a - mean);
                }
            }
            stats.add(new LayerStats(layer, mean, Math.sqrt(squares / count), zeros / count, saturated / count,
                    derivativeSum / count));
        }
        return List.copyOf(stats);
    }

    /**
     * Builds the same network as {@link #forwardStats} and returns {@code ||dL/dW_l||} (Frobenius) for
     * {@code l = 1 .. depth} at index {@code l - 1}, for the loss {@code L = mean of all entries of X_depth}.
     */
    public static double[] gradientNorms(double[][] x0, int depth, int width, Initializer init, Activation act,
                                         RandomGenerator rng) {
        requireNetwork(x0, depth, width, init, act, rng);
        double[][][] inputs = new double[depth][][];
        double[][][] weights = new double[depth][][];
        double[][][] slopes = new double[depth][][];
        double[][] x = x0;
        for (int l = 0; l < depth; l++) {
            inputs[l] = x;
            weights[l] = drawWeights(init, l + 1, x[0].length, width, rng);
            double[][] z = multiply(x, weights[l]);
            slopes[l] = apply(z, act.derivative());
            x = apply(z, act.f());
        }
        double share = 1.0 / ((double) x0.length * width);
        double[][] upstream = apply(x, a -> share);
        double[] norms = new double[depth];
        for (int l = depth - 1; l >= 0; l--) {
            double[][] dz = new double[upstream.length][width];
            for (int i = 0; i < dz.length; i++) {
                for (int j = 0; j < width; j++) {
                    dz[i][j] = upstream[i][j] * slopes[l][i][j];
                }
            }
            double squares = 0;
            for (double[] row : multiply(transpose(inputs[l]), dz)) {
                for (double g : row) {
                    squares += g * g;
                }
            }
            norms[l] = Math.sqrt(squares);
            upstream = multiply(dz, transpose(weights[l]));
        }
        return norms;
    }

    /** Returns, for each unit (column) of {@code preactivations}, the fraction of rows where it is {@code > 0}. */
    public static double[] activeFraction(double[][] preactivations) {
        int units = requireMatrix("preactivations", preactivations);
        double[] fraction = new double[units];
        for (double[] row : preactivations) {
            for (int j = 0; j < units; j++) {
                fraction[j] += row[j] > 0 ? 1 : 0;
            }
        }
        for (int j = 0; j < units; j++) {
            fraction[j] /= preactivations.length;
        }
        return fraction;
    }

    /** Flags the units whose active fraction is below {@code minActiveFraction} (a number in [0, 1]). */
    public static boolean[] deadUnits(double[][] preactivations, double minActiveFraction) {
        if (!(minActiveFraction >= 0 && minActiveFraction <= 1)) {
            throw new IllegalArgumentException("minActiveFraction must lie in [0, 1], got " + minActiveFraction);
        }
        double[] active = activeFraction(preactivations);
        boolean[] dead = new boolean[active.length];
        for (int j = 0; j < active.length; j++) {
            dead[j] = active[j] < minActiveFraction;
        }
        return dead;
    }

    /** Given: the product {@code a b} of an n x k and a k x m matrix, with the loops in cache-friendly i-k-j order. */
    private static double[][] multiply(double[][] a, double[][] b) {
        int m = b[0].length;
        double[][] c = new double[a.length][m];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = c[i];
            for (int k = 0; k < b.length; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /** Given: the transpose of a rectangular matrix. */
    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Given: a new matrix holding {@code f} applied to every entry of {@code m}. */
    private static double[][] apply(double[][] m, DoubleUnaryOperator f) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = f.applyAsDouble(m[i][j]);
            }
        }
        return out;
    }

    /** Given: checks that {@code m} has at least one row and one column, all rows equally long; returns the columns. */
    private static int requireMatrix(String name, double[][] m) {
        if (m == null || m.length == 0 || m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row and one column");
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != m[0].length) {
                throw new IllegalArgumentException(name + " must be rectangular: row " + i + " has "
                        + (m[i] == null ? "no entries" : m[i].length + " entries") + ", row 0 has " + m[0].length);
            }
        }
        return m[0].length;
    }

    /** Given: checks the arguments shared by {@code forwardStats} and {@code gradientNorms}. */
    private static void requireNetwork(double[][] x0, int depth, int width, Initializer init, Activation act,
                                       RandomGenerator rng) {
        requireMatrix("x0", x0);
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive, got " + depth);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive, got " + width);
        }
        if (init == null) {
            throw new IllegalArgumentException("init must not be null");
        }
        if (act == null || act.f() == null || act.derivative() == null) {
            throw new IllegalArgumentException("act must not be null and must have a function and a derivative");
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null: pass a seeded generator");
        }
    }

    /** Given: calls {@code init} for one layer and checks that it returned a {@code [fanIn][fanOut]} matrix. */
    private static double[][] drawWeights(Initializer init, int layer, int fanIn, int fanOut, RandomGenerator rng) {
        double[][] w = init.init(fanIn, fanOut, rng);
        boolean ok = w != null && w.length == fanIn;
        for (int i = 0; ok && i < fanIn; i++) {
            ok = w[i] != null && w[i].length == fanOut;
        }
        if (!ok) {
            throw new IllegalArgumentException("init must return a [" + fanIn + "][" + fanOut + "] matrix for layer "
                    + layer + " (fanIn = columns of the layer's input, fanOut = width)");
        }
        return w;
    }
}
