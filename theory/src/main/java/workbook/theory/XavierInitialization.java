package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.engine.Network;
import workbook.theory.engine.Scheme;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;

/**
 * {@summary <span class="book-lede">Xavier (Glorot) initialization: the weight variance that keeps activations and
 * gradients at one scale.</span>}{@writeup}
 *
 * <p>The rule is due to {@citet glorot2010}; its forward half, \( \mathrm{Var}[W] = 1/n_{\text{in}} \), is older
 * {@cite lecun1998}.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>The random-matrix model: layer \( l \) computes \( z_l = a_{l-1} W_l \) (a sample is a row; \( W_l \)
 *       has \( n_{l-1} \) rows and \( n_l \) columns, as on the front page). The entries of \( W_l \) are
 *       independent draws from one distribution with mean 0 (not necessarily normal); the entries of
 *       \( a_{l-1} \) are independent draws from one distribution, independent of the weights.</li>
 *   <li>The activation is odd, \( \sigma(-x) = -\sigma(x) \), with \( \sigma'(0) = 1 \): near 0 it is the identity,
 *       \( \sigma(x) = x + O(x^3) \). tanh qualifies; the sigmoid does not (see {@writeup 9}).</li>
 *   <li>The rules of thumb: activations have mean 0, and the same variance in every hidden layer; likewise for
 *       the back-propagated gradients.</li>
 * </ul>
 *
 * {@figure 7}
 * <h2>Derivation</h2>
 * <p><b>Why random at all: breaking the symmetry.</b> Before the question of scale comes the question why the
 * weights are drawn at all. Give every weight of a layer the same value \( c \). Then every hidden unit \( j \)
 * computes the same \( z_j = c \sum_i a_i \) for every input, so every unit has the same activation; the units
 * after them see \( n \) equal inputs through equal weights, so the error sent back to each unit is the same;
 * and the gradient of unit \( j \)'s incoming weights, \( \partial \mathcal{L} / \partial W_{ij} = a_i\,\delta_j \),
 * is the same column for every \( j \). One step of gradient descent moves every column by the same amount, so
 * the units are equal again, and by induction after every step: a layer of \( n \) units trains as a layer of
 * one, whatever the data. (Identical units compute with identical floating-point operations, so even the rounding
 * keeps them equal.) Random weights make the units differ from the start, and the gradients then drive them apart;
 * the rest of this write-up chooses the scale of that randomness ({@cite goodfellow2016} section 8.4 and
 * {@cite zhang2023} section 5.4 tell the same story).
 *
 * <p><b>Forward.</b> A pre-activation
 * \[ z_j = \sum_{i=1}^{n_{l-1}} a_i W_{ij} \]
 * has mean \( \sum_i E[a_i]\,E[W_{ij}] = 0 \), and its \( n_{l-1} \) terms are uncorrelated products of independent
 * zero-mean factors, each of variance \( \mathrm{Var}[W]\,\mathrm{Var}[a] \):
 * {@eq forward \mathrm{Var}[z_l] = n_{l-1}\,\mathrm{Var}[W_l]\,\mathrm{Var}[a_{l-1}].}
 * Near 0 the activation is the identity, so \( \mathrm{Var}[a_l] \approx \mathrm{Var}[z_l] \), and asking for
 * \( \mathrm{Var}[a_l] = \mathrm{Var}[a_{l-1}] \) in {@eqref forward} gives
 * {@eq forward-rule n_{l-1}\,\mathrm{Var}[W_l] = 1.}
 * The rule binds hidden layers only: the input of the first layer is the data, whose variance is given rather
 * than produced by an activation, and the output of the last layer answers to the loss.
 *
 * <p><b>Backward.</b> The gradient flows back through \( W_l^T \):
 * \[ \frac{\partial \mathcal{L}}{\partial a_{l-1}} = \delta_l W_l^T, \qquad \delta_l = \frac{\partial
 *    \mathcal{L}}{\partial z_l}, \]
 * each entry a sum over \( n_l \) terms, and \( \sigma' \approx 1 \) near 0, so the same
 * argument gives
 * {@eq backward-rule n_l\,\mathrm{Var}[W_l] = 1.}
 *
 * <p><b>The compromise.</b> {@eqref forward-rule} and {@eqref backward-rule} both hold only when
 * \( n_{l-1} = n_l \). Xavier takes the harmonic mean of the two variances \( 1/n_{l-1} \) and \( 1/n_l \):
 * {@eq xavier \mathrm{Var}[W_l] = \frac{2}{n_{l-1} + n_l}.}
 * Then a layer multiplies the forward variance by \( 2n_{\text{in}}/(n_{\text{in}} + n_{\text{out}}) \) and the
 * backward variance by \( 2n_{\text{out}}/(n_{\text{in}} + n_{\text{out}}) \): 4/3 and 2/3 for a layer
 * from 64 to 32 units, both 1 for a square layer.
 *
 * <p><b>Normal and uniform.</b> For \( N(0, \gamma^2) \) the variance is \( \gamma^2 \); for \( U(-d, d) \) it is
 * \( \frac{1}{2d}\int_{-d}^{d} w^2\,dw = d^2/3 \). Setting each equal to \( 2/(n_{\text{in}} + n_{\text{out}}) \):
 * {@eq xavier-draws \gamma = \sqrt{\frac{2}{n_{\text{in}} + n_{\text{out}}}}, \qquad d = \sqrt{\frac{6}{n_{\text{in}} + n_{\text{out}}}}.}
 *
 * <p><b>How far "near 0" carries.</b> The argument is first order. tanh is odd with slope 1, but
 * \( \tanh^2 z \lt z^2 \), so with \( n\,\mathrm{Var}[W] = 1 \) the variance \( q_l \) of a wide tanh network
 * follows \( q_l = E[\tanh^2(\sqrt{q_{l-1}}\,Z)] \), \( Z \sim N(0, 1) \), and creeps down instead of staying
 * put: from \( \tanh^2 z = z^2 - \tfrac23 z^4 + \dots \) and \( E[Z^4] = 3 \), \( q_l = q_{l-1} - 2q_{l-1}^2 + \dots \),
 * so \( 1/q_l \) grows by about 2 per layer and \( q_l \approx 1/(2l) \) once small (0.39 after one layer, 0.05
 * after ten, from inputs of variance 1; in figure 7 (b), width 256: 0.39 after one layer, 0.10 after five). It
 * neither explodes nor saturates, which is what the initialization is for. A gain above 1 on the standard deviation of the weights, such as PyTorch's 5/3 for tanh, holds the
 * variance at a non-zero fixed point instead.
 *
 * <h2>Result</h2>
 * The variance {@eqref xavier}, drawn as {@eqref xavier-draws}:
 * \[ \mathrm{Var}[W] = \frac{2}{n_{\text{in}} + n_{\text{out}}}: \]
 * \[ W \sim N(0, \gamma^2), \quad \gamma = \sqrt{\frac{2}{n_{\text{in}} + n_{\text{out}}}}, \qquad \text{or} \qquad
 *    W \sim U(-d, d), \quad d = \sqrt{\frac{6}{n_{\text{in}} + n_{\text{out}}}}. \]
 * {@figure 10}
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>Symmetry, on the engine's network (2 inputs, 8 tanh units, 2 classes, 200 steps of gradient descent on a
 *       quadrant problem): with every weight 0.3 the 8 units' incoming and outgoing weights are still exactly
 *       equal after training, while the same network drawn with Xavier's rule ends with 8 different units.</li>
 *   <li>{@link Ex09Initialization#xavierStd Ex09Initialization.xavierStd} squared and {@link Ex09Initialization#xavierUniformBound Ex09Initialization.xavierUniformBound} squared over 3
 *       both equal \( 2/(n_{\text{in}} + n_{\text{out}}) \): the variance a formula implies, not the constant
 *       someone typed.</li>
 *   <li>Draws of {@link Ex09Initialization#xavierNormal Ex09Initialization.xavierNormal} and {@link Ex09Initialization#xavierUniform Ex09Initialization.xavierUniform} have mean 0 and
 *       that variance within 4 standard errors; uniform draws stay within the bound.</li>
 *   <li>Monte Carlo over 1 000 independent layers from 64 to 32 units: the forward variance gain is 4/3 and the
 *       backward gain 2/3, within 4 standard errors.</li>
 *   <li>{@link Ex10Propagation#forwardStats Ex10Propagation.forwardStats} with Xavier and tanh at width 256: the variance follows the mean-field
 *       recursion above, and only the first layer, fed with unit-variance data, saturates noticeably.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=xavier}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>Constant weights keep every unit of a layer identical through training; the weights are random to break
 *       that symmetry.</li>
 *   <li>A layer multiplies the forward variance by \( n_{\text{in}} \mathrm{Var}[W] \) {@eqref forward} and the
 *       backward one by \( n_{\text{out}} \mathrm{Var}[W] \); Xavier's \( 2/(n_{\text{in}} + n_{\text{out}}) \)
 *       {@eqref xavier} splits the difference and keeps both exactly for a square layer.</li>
 *   <li>Normal or uniform only changes the constant: \( \gamma^2 = d^2/3 \) {@eqref xavier-draws}.</li>
 *   <li>The argument is first order: it suits odd activations with slope 1 at 0 such as tanh, whose variance then
 *       shrinks slowly, about \( 1/(2l) \), instead of exploding or saturating.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class XavierInitialization {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_008L;
    private static final double K = 4;
    private static final int[][] FANS = {{1, 1}, {256, 128}, {784, 200}, {300, 100}};
    private static final int FAN_IN = 64;
    private static final int FAN_OUT = 32;
    private static final int LAYERS = 1_000;
    private static final int WIDTH = 256;
    private static final int BATCH = 128;
    private static final int DEPTH = 10;
    /** Gradient-descent steps of the symmetry demonstration. */
    private static final int STEPS = 200;
    /**
     * A network of width 256 is not the infinitely wide mean-field limit: each layer's variance, averaged over
     * 128 x 256 entries of one draw of the weights, fluctuates by about sqrt(2 / 256) = 9 % around the recursion,
     * and tanh damps the accumulation. 15 % leaves room for that and still fails a wrong variance (a factor 2 in
     * Var[W] moves layer 10 by more than 40 %).
     */
    private static final double FINITE_WIDTH = 0.15;

    private XavierInitialization() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        formulas(checks);
        draws(checks, random);
        gains(checks, random);
        tanhNetwork(checks, seed);
        symmetry(checks, seed);
        return checks;
    }

    /**
     * The largest difference between two hidden units of a 2-8-2 tanh classifier after {@link #STEPS} steps of
     * gradient descent from {@code init}: over the units' incoming weights, biases and outgoing weights.
     */
    static double unitSpread(Ex10Propagation.Initializer init, long seed) {
        SplittableRandom random = new SplittableRandom(seed + 2);
        double[][] x = new double[64][];
        int[] labels = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = gaussian(2, random);
            labels[i] = x[i][0] * x[i][1] > 0 ? 1 : 0; // the quadrants: no line separates them
        }
        Network net = Network.classifier(new int[] {2, 8, 2}, Activations.TANH, init, random);
        for (int step = 0; step < STEPS; step++) {
            net.step(net.gradient(x, labels), 0.5);
        }
        double spread = 0;
        for (int j = 1; j < 8; j++) {
            for (int i = 0; i < 2; i++) {
                spread = Math.max(spread, Math.abs(net.weights(0)[i][j] - net.weights(0)[i][0]));
            }
            spread = Math.max(spread, Math.abs(net.bias(0)[j] - net.bias(0)[0]));
            for (int k = 0; k < 2; k++) {
                spread = Math.max(spread, Math.abs(net.weights(1)[j][k] - net.weights(1)[0][k]));
            }
        }
        return spread;
    }

    private static void symmetry(List<Claim> checks, long seed) {
        checks.add(new Claim("every weight 0.3: after " + STEPS + " steps the 8 hidden units are still identical "
                + "(largest difference between two units' weights)", 0, unitSpread(Scheme.constant(0.3), seed), 0));
        checks.add(Claim.inRange("Xavier draws: the same training leaves 8 different units (largest difference "
                + "between two units' weights at least 0.1)", 0.1, 100, unitSpread(Ex09Initialization::xavierNormal, seed)));
    }

    private static double target(int fanIn, int fanOut) {
        return 2.0 / (fanIn + fanOut);
    }

    private static void formulas(List<Claim> checks) {
        double normal = 0;
        double uniform = 0;
        for (int[] fans : FANS) {
            double target = target(fans[0], fans[1]);
            double std = Ex09Initialization.xavierStd(fans[0], fans[1]);
            double bound = Ex09Initialization.xavierUniformBound(fans[0], fans[1]);
            normal = Math.max(normal, Math.abs(std * std / target - 1));
            uniform = Math.max(uniform, Math.abs(bound * bound / 3 / target - 1));
        }
        checks.add(new Claim("xavierStd^2 = 2/(n_in + n_out) (largest relative gap over 4 fan pairs)", 0, normal,
                1e-14));
        checks.add(new Claim("xavierUniformBound^2 / 3 = 2/(n_in + n_out): U(-d, d) has variance d^2/3", 0, uniform,
                1e-14));
    }

    private static void draws(List<Claim> checks, SplittableRandom random) {
        int fanIn = FANS[3][0];
        int fanOut = FANS[3][1];
        double target = target(fanIn, fanOut);
        for (boolean isUniform : new boolean[] {false, true}) {
            double[][] w = isUniform ? Ex09Initialization.xavierUniform(fanIn, fanOut, random)
                    : Ex09Initialization.xavierNormal(fanIn, fanOut, random);
            double[] entries = new double[fanIn * fanOut];
            double[] squares = new double[entries.length];
            double largest = 0;
            for (int i = 0; i < fanIn; i++) {
                for (int j = 0; j < fanOut; j++) {
                    entries[i * fanOut + j] = w[i][j];
                    squares[i * fanOut + j] = w[i][j] * w[i][j];
                    largest = Math.max(largest, Math.abs(w[i][j]));
                }
            }
            String name = isUniform ? "xavierUniform(300, 100)" : "xavierNormal(300, 100)";
            MonteCarlo.Estimate mean = MonteCarlo.estimate(entries);
            // with mean 0 the mean square estimates the variance; its SE is sd(w^2) / sqrt(30 000)
            MonteCarlo.Estimate variance = MonteCarlo.estimate(squares);
            checks.add(Claim.withinStandardErrors(name + ": the mean of the 30 000 entries is 0", 0, mean.mean(),
                    mean.standardError(), K));
            checks.add(Claim.withinStandardErrors(name + ": their variance is 2/400 = 0.005", target, variance.mean(),
                    variance.standardError(), K));
            if (isUniform) {
                checks.add(Claim.inRange(name + ": no entry exceeds the bound sqrt(6/400) = 0.1225", 0,
                        Ex09Initialization.xavierUniformBound(fanIn, fanOut), largest));
            }
        }
    }

    private static void gains(List<Claim> checks, SplittableRandom random) {
        double[][] ratios = layerGains(random);
        MonteCarlo.Estimate forward = MonteCarlo.estimate(ratios[0]);
        MonteCarlo.Estimate backward = MonteCarlo.estimate(ratios[1]);
        double total = FAN_IN + FAN_OUT;
        checks.add(Claim.withinStandardErrors("64 -> 32 units: the forward variance gain is 2 n_in/(n_in + n_out) = 4/3",
                2 * FAN_IN / total, forward.mean(), forward.standardError(), K));
        checks.add(Claim.withinStandardErrors("... and the backward gain is 2 n_out/(n_in + n_out) = 2/3",
                2 * FAN_OUT / total, backward.mean(), backward.standardError(), K));
    }

    /**
     * Per independent layer: the per-entry variance of x W over that of x (forward), and of d W^T over that of d
     * (backward), for x and d with N(0, 1) entries. Given W, each output is N(0, Var[W] |x|^2), so the first
     * ratio is n_in Var[W] chi^2_(n_out) / n_out, with mean n_in Var[W], and the second has mean n_out Var[W].
     */
    private static double[][] layerGains(SplittableRandom random) {
        double[][] ratios = new double[2][LAYERS];
        for (int t = 0; t < LAYERS; t++) {
            double[][] w = Ex09Initialization.xavierNormal(FAN_IN, FAN_OUT, random);
            double[] x = gaussian(FAN_IN, random);
            double[] d = gaussian(FAN_OUT, random);
            double[] forward = Matrices.multiply(x, w);
            double[] backward = Matrices.multiply(d, Matrices.transpose(w));
            ratios[0][t] = (Matrices.squaredNorm(forward) / FAN_OUT) / (Matrices.squaredNorm(x) / FAN_IN);
            ratios[1][t] = (Matrices.squaredNorm(backward) / FAN_IN) / (Matrices.squaredNorm(d) / FAN_OUT);
        }
        return ratios;
    }

    private static void tanhNetwork(List<Claim> checks, long seed) {
        List<Ex10Propagation.LayerStats> stats = tanhStats(seed);
        double[] meanField = meanField();
        double worst = 0;
        double saturated = 0;
        for (int l = 0; l < DEPTH; l++) {
            double variance = stats.get(l).std() * stats.get(l).std();
            worst = Math.max(worst, Math.abs(variance / meanField[l] - 1));
            saturated = Math.max(saturated, l == 0 ? 0 : stats.get(l).saturatedFraction());
        }
        checks.add(Claim.inRange("Xavier + tanh, width 256: every layer's variance is within 15 % of the recursion "
                + "q_l = E[tanh^2(sqrt(q_(l-1)) Z)]", 0, FINITE_WIDTH, worst));
        // tanh^2 z = z^2 - (2/3) z^4 + ... gives q_(l+1) = q_l - 2 q_l^2 + O(q^3), so 1/q grows by about 2 a layer
        checks.add(new Claim("... which creeps down like 1/(2l): 1/q_10 - 1/q_9 is about 2", 2,
                1 / meanField[DEPTH - 1] - 1 / meanField[DEPTH - 2], 0.15));
        // layer 1 sees z ~ N(0, 1): P(|z| > artanh 0.95 = 1.83) = 6.7 %; 1 % allows for one draw of the weights
        double edge = 0.5 * Math.log(1.95 / 0.05);
        checks.add(new Claim("... layer 1 saturates as N(0, 1) input predicts: P(|z| > artanh 0.95) = 6.7 %",
                2 * (1 - new NormalDistribution().cumulativeProbability(edge)), stats.get(0).saturatedFraction(), 0.01));
        checks.add(Claim.inRange("... and no later layer saturates more than 1 % of its units", 0, 0.01, saturated));
    }

    private static List<Ex10Propagation.LayerStats> tanhStats(long seed) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[][] x0 = new double[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            x0[i] = gaussian(WIDTH, random);
        }
        Ex10Propagation.Activation tanh = Activations.TANH;
        return Ex10Propagation.forwardStats(x0, DEPTH, WIDTH, Ex09Initialization::xavierNormal, tanh, random);
    }

    /** q_1 .. q_DEPTH of the wide-network recursion, starting from inputs of variance 1. */
    private static double[] meanField() {
        double[] q = new double[DEPTH];
        double previous = 1;
        for (int l = 0; l < DEPTH; l++) {
            q[l] = MonteCarlo.normalExpectation(z -> {
                double t = Ex02Tanh.tanh(z);
                return t * t;
            }, Math.sqrt(previous));
            previous = q[l];
        }
        return q;
    }

    private static double[] gaussian(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /** Prints the lab report: Xavier scales for a few layer shapes, the tanh network per layer, every check. */
    public static void main(String[] args) {
        List<String> shapes = new ArrayList<>();
        double[][] scales = new double[FANS.length][];
        for (int i = 0; i < FANS.length; i++) {
            int in = FANS[i][0];
            int out = FANS[i][1];
            shapes.add(in + " -> " + out);
            scales[i] = new double[] {target(in, out), Ex09Initialization.xavierStd(in, out),
                    Ex09Initialization.xavierUniformBound(in, out)};
        }
        List<Ex10Propagation.LayerStats> stats = tanhStats(SEED);
        double[] meanField = meanField();
        double[][] layers = new double[DEPTH][];
        for (int l = 0; l < DEPTH; l++) {
            Ex10Propagation.LayerStats s = stats.get(l);
            layers[l] = new double[] {l + 1, meanField[l], s.std() * s.std(), s.saturatedFraction(), s.meanLocalDerivative()};
        }
        WriteUps.of(XavierInitialization.class).report()
                .table("Xavier scales", List.of("n_in -> n_out", "Var[W]", "normal std", "uniform bound"), shapes, scales)
                .table("Xavier + tanh, width 256, batch 128 (Ex10.forwardStats) against the mean-field recursion",
                        List.of("layer", "q_l (recursion)", "Var[a_l]", "saturated", "mean tanh'"), layers)
                .checks(checks())
                .print();
    }
}
