package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.engine.Network;
import workbook.theory.engine.Recorder;
import workbook.theory.engine.Scheme;
import workbook.theory.tools.Claim;
import workbook.theory.tools.NormalIntegrals;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">Gradient propagation across depth: how the norm of each layer's weight gradient
 * changes from the output to the input, for 50-layer networks and for 10-layer sigmoid, ReLU and GELU
 * networks.</span>}{@writeup}
 *
 * <p>The factor \( \chi \) is the one {@citet poole2016} use to separate ordered from chaotic networks;
 * {@citet glorot2010} and {@citet he2015} measured the same gradient profiles.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>The networks of {@writeup 11}: \( A_l = f(Z_l) \), \( Z_l = A_{l-1} W_l \), width \( n = 64 \), 64 input rows
 *       with \( N(0, 1) \) entries, weights \( N(0, v) \) with \( nv = 64 \) (naive), 1 (Xavier) or 2 (He). The loss
 *       is the mean of the last layer's entries, \( \mathcal{L} = \frac{1}{Rn}\sum A_L \).</li>
 *   <li>Back-propagation: \( \delta_L = \frac{1}{Rn} f'(Z_L) \),
 *       \( \delta_{l-1} = (\delta_l W_l^{\top}) \odot f'(Z_{l-1}) \), and the weight gradient
 *       \( \partial\mathcal{L}/\partial W_l = A_{l-1}^{\top}\delta_l \), measured by its Frobenius norm
 *       \( g_l \).</li>
 *   <li>For the predictions, the usual mean-field approximation: a pre-activation of layer \( l \) is
 *       \( N(0, q_l) \), and the weights used on the way back are treated as independent of the slopes they multiply
 *       (exact for infinite width; at width 64 it is an approximation, tested below).</li>
 * </ul>
 *
 * {@figure 8}
 * <p>Figure 8's networks are 128 wide, the report's 64: the profiles are the same, the naive network's scale is not.
 *
 * <h2>Derivation</h2>
 * <p><b>Forward, then backward.</b> The forward pass sets the scale of every layer: \( q_1 = nv \cdot E[x^2] \),
 * \( m_l = E[f(z)^2] \) for \( z \sim N(0, q_l) \), and \( q_{l+1} = nv\, m_l \) ({@writeup 11}). One step back
 * multiplies the expected squared norm of a row of \( \delta \) by
 * {@eq chi \chi_l = nv\; E\left[f'(z)^2\right], \qquad z \sim N(0, q_l),}
 * because each entry of \( \delta_l W_l^{\top} \) sums \( n \) terms of variance \( v\,E[\delta^2] \) and is then
 * multiplied by a slope. The weight gradient pairs a layer's input with its \( \delta \), so
 * {@eq gradient-norm g_l^2 \propto m_{l-1}\; E\lVert\delta_l\rVert^2, \qquad
 *    \log_{10}\frac{g_l}{g_{l+1}} \approx \tfrac12\log_{10}\chi_l - \tfrac12\log_{10}\frac{m_l}{m_{l-1}}.}
 * Once the forward scale has settled (\( m_l = m_{l-1} \)), each layer towards the input multiplies the gradient
 * by \( \sqrt{\chi} \): it explodes when \( \chi > 1 \) and vanishes when \( \chi &lt; 1 \).
 *
 * <p><b>sigmoid.</b> \( \sigma' \le \tfrac14 \), so \( \chi \le nv/16 \): with Xavier or He weights every layer
 * divides the gradient by 3 to 5, and 10 layers lose about 4 to 6 decades. The sigmoid's outputs also carry a
 * mean of \( \tfrac12 \), which keeps \( m_l \) and hence \( q \) from shrinking, so the slopes stay at their
 * maximum and this is the best the sigmoid can do.
 *
 * <p><b>ReLU: flat, whatever the scale.</b> \( \chi = nv \cdot \tfrac12 \) and \( m_l/m_{l-1} = \tfrac12 nv \)
 * cancel exactly: the gradient profile is flat for every initializer. There is an exact reason behind it. A
 * bias-free ReLU network is positively homogeneous in each layer's weights, so scaling every weight by
 * \( c > 0 \) scales the loss by \( c^L \) and every layer's gradient by \( c^{L-1} \), the same factor at every
 * layer. The scale of the weights sets the size of all gradients together but cannot tilt the profile: at depth
 * 50 the naive network's gradients are \( (n/2)^{49/2} \) times He's, about \( 10^{36} \) at width 64 and
 * \( 10^{43} \) at width 128 (figure 8), and Xavier's \( 2^{-49/2} \) times He's, about \( 10^{-8} \) at either
 * width. Vanishing in ReLU networks
 * comes from dead units ({@writeup 15}), not from the slope.
 *
 * <p><b>tanh.</b> tanh saturates, so the forward scale settles and the backward factor decides. Naive weights:
 * \( q \approx 57 \), \( E[\tanh'(z)^2] \approx 0.07 \) and \( \chi \approx 4.5 \): although most units are
 * saturated, the large weights win and the gradient explodes towards the input, by about a factor 2 per layer.
 * Xavier: the network drifts towards linear (\( q \to 0 \), \( \chi \to 1 \)) and the profile is flat. He:
 * \( \chi \) slightly above 1, a mild growth towards the input.
 *
 * <p><b>GELU.</b> With He weights GELU settles at a moderate \( q \) where \( \chi \) is close to 1, and behaves
 * like ReLU: a nearly flat profile.
 *
 * <h2>Result</h2>
 * By {@eqref chi} and {@eqref gradient-norm}:
 * \[ \frac{g_l}{g_{l+1}} \approx \sqrt{\chi}, \quad \chi = nv\,E[f'(z)^2]:\qquad
 *    \text{sigmoid} \le \sqrt{nv}/4, \quad \text{ReLU} = 1 \text{ exactly (any } v), \quad
 *    \text{tanh naive} \approx 2.1, \quad \text{tanh Xavier} \approx 1. \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>{@link Ex10Propagation#gradientNorms Ex10Propagation.gradientNorms} is the norm of the gradient: on small
 *       networks (sigmoid, tanh, ReLU, GELU) it agrees with central differences of the loss, recomputed from the
 *       recorded weights, to \( 10^{-6} \) relative.</li>
 *   <li>ReLU at depth 50, same draws: at every layer the naive gradient is exactly \( 8^{49} \) and the He gradient
 *       exactly \( 2^{49/2} \) times the Xavier gradient (to rounding); the fitted slope of \( \log_{10} g_l \) over
 *       layers 6 to 45 is 0 within 0.05 decades per layer.</li>
 *   <li>tanh at depth 50, each initializer: the fitted slope over layers 6 to 45 matches the mean-field prediction
 *       (integrals of {@code tanh'} squared) within 0.05 decades per layer.</li>
 *   <li>The 10-layer networks with He weights: for sigmoid, ReLU and GELU the fitted slope over all layers
 *       matches the mean-field prediction within 0.12 decades per layer; the sigmoid loses more than 3 decades
 *       between layer 10 and layer 1, while ReLU and GELU stay within one decade.</li>
 * </ul>
 * The mean-field prediction is a large-width limit, so its tolerances are not standard errors: over seeds
 * 1 to 20 the largest gap between the fitted and the predicted slope was 0.037 decades per layer at depth 50
 * and 0.078 at depth 10 (sigmoid, where the shared mean of \( \tfrac12 \) correlates the rows); the tolerances
 * leave room above those.
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=gradient-depth}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>One step back multiplies the squared norm of \( \delta \) by \( \chi = nv\,E[f'(z)^2] \) {@eqref chi}; once the
 *       forward scale has settled, a weight gradient changes by \( \sqrt{\chi} \) per layer {@eqref gradient-norm}.</li>
 *   <li>Sigmoid: \( \chi \le nv/16 \), and the gradients vanish towards the input. ReLU: the forward and backward
 *       factors cancel, so the profile is flat at every weight scale.</li>
 *   <li>tanh: about 2.1 per layer with naive weights, about 1 with Xavier's.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class GradientPropagation {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_012L;
    private static final int ROWS = 64;
    private static final int WIDTH = 64;
    private static final int DEEP = 50;
    private static final int SHALLOW = 10;
    /** Decades per layer the fitted slope may differ from the mean-field one (see the class comment). */
    private static final double DEEP_SLOPE_TOLERANCE = 0.05;
    private static final double SHALLOW_SLOPE_TOLERANCE = 0.12;
    /** Central differences: error h^2 |L'''| / 6 + eps |L| / h, far below 1e-6 relative at h = 1e-5. */
    private static final double FD_STEP = 1e-5;
    private static final double FD_TOLERANCE = 1e-6;

    private GradientPropagation() {}

    /** One network's measured gradient norms (layer 1 first) and the mean-field prediction of their logs. */
    record Profile(Activation act, Scheme scheme, double[] norms, double[] predictedLog10) {

        /** Least-squares slope of log10 g_l per layer, over indices [from, to). */
        double measuredSlope(int from, int to) {
            double[] logs = new double[norms.length];
            for (int l = 0; l < norms.length; l++) {
                logs[l] = Math.log10(norms[l]);
            }
            return slope(logs, from, to);
        }

        double predictedSlope(int from, int to) {
            return slope(predictedLog10, from, to);
        }
    }

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        List<Claim> checks = new ArrayList<>();
        finiteDifferences(checks, seed);
        List<Profile> deep = deepGrid(seed);
        List<Profile> shallow = lectureNets(seed);
        reluScale(checks, deep);
        for (Profile p : deep) {
            if (p.act() == Activations.TANH) {
                checks.add(new Claim("tanh " + p.scheme().label() + ", depth 50: slope of log10 g_l over layers 6-45 = "
                        + "mean field", p.predictedSlope(5, 45), p.measuredSlope(5, 45), DEEP_SLOPE_TOLERANCE));
            }
        }
        for (Profile p : shallow) {
            checks.add(new Claim(p.act().name() + " He, depth 10: slope of log10 g_l = mean field",
                    p.predictedSlope(0, SHALLOW), p.measuredSlope(0, SHALLOW), SHALLOW_SLOPE_TOLERANCE));
        }
        double[] sigmoid = shallow.get(0).norms();
        checks.add(Claim.inRange("sigmoid He, depth 10: g_1 / g_10 is below 1e-3 (more than 3 decades lost)", 0, 1e-3,
                sigmoid[0] / sigmoid[SHALLOW - 1]));
        for (Profile p : shallow.subList(1, 3)) {
            checks.add(new Claim(p.act().name() + " He, depth 10: log10(g_1 / g_10) is within one decade of 0", 0,
                    Math.log10(p.norms()[0] / p.norms()[SHALLOW - 1]), 1));
        }
        return checks;
    }

    /** The 50-layer grid: ReLU and tanh, naive / Xavier / He, depth 50, all from one seed. */
    private static List<Profile> deepGrid(long seed) {
        List<Profile> profiles = new ArrayList<>();
        for (Activation act : List.of(Activations.RELU, Activations.TANH)) {
            for (Scheme scheme : Scheme.values()) {
                profiles.add(profile(act, scheme, DEEP, seed));
            }
        }
        return profiles;
    }

    /** Ten-layer networks: sigmoid, ReLU and GELU, 10 layers, He weights. */
    private static List<Profile> lectureNets(long seed) {
        List<Profile> profiles = new ArrayList<>();
        for (Activation act : List.of(Activations.SIGMOID, Activations.RELU, Activations.GELU)) {
            profiles.add(profile(act, Scheme.HE, SHALLOW, seed));
        }
        return profiles;
    }

    private static Profile profile(Activation act, Scheme scheme, int depth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x0 = Matrices.gaussian(ROWS, WIDTH, random);
        double[] norms = Ex10Propagation.gradientNorms(x0, depth, WIDTH, scheme, act, random);
        return new Profile(act, scheme, norms, meanField(act, WIDTH * scheme.variance(WIDTH, WIDTH), depth));
    }

    /**
     * Returns the mean-field log10 g_l (up to a constant) for l = 1 .. depth: half of log10 m_(l-1) plus half of
     * log10 E||delta_l||^2, with the forward recursion q_(l+1) = nv m_l and the backward factors chi_l.
     */
    static double[] meanField(Activation act, double nv, int depth) {
        DoubleUnaryOperator f = act.f();
        DoubleUnaryOperator slope = act.derivative();
        double[] q = new double[depth + 1];
        double[] m = new double[depth + 1];
        m[0] = 1; // E[x^2] of the N(0, 1) input
        for (int l = 1; l <= depth; l++) {
            q[l] = nv * m[l - 1];
            m[l] = NormalIntegrals.expectation(z -> Math.pow(f.applyAsDouble(z), 2), Math.sqrt(q[l]));
        }
        double[] logDelta = new double[depth + 1];
        logDelta[depth] = Math.log10(NormalIntegrals.expectation(z -> Math.pow(slope.applyAsDouble(z), 2),
                Math.sqrt(q[depth])));
        for (int l = depth - 1; l >= 1; l--) {
            double chi = nv * NormalIntegrals.expectation(z -> Math.pow(slope.applyAsDouble(z), 2), Math.sqrt(q[l]));
            logDelta[l] = logDelta[l + 1] + Math.log10(chi);
        }
        double[] predicted = new double[depth];
        for (int l = 1; l <= depth; l++) {
            predicted[l - 1] = 0.5 * (Math.log10(m[l - 1]) + logDelta[l]);
        }
        return predicted;
    }

    private static void reluScale(List<Claim> checks, List<Profile> deep) {
        Profile xavier = deep.get(Scheme.XAVIER.ordinal());
        for (Scheme scheme : List.of(Scheme.NAIVE, Scheme.HE)) {
            Profile p = deep.get(scheme.ordinal());
            double c = Math.sqrt(scheme.variance(WIDTH, WIDTH) / Scheme.XAVIER.variance(WIDTH, WIDTH));
            double factor = Math.pow(c, DEEP - 1);
            double gap = 0;
            for (int l = 0; l < DEEP; l++) {
                gap = Math.max(gap, Math.abs(p.norms()[l] / (factor * xavier.norms()[l]) - 1));
            }
            // 50 layers forward and back, each rounding entries by about 1e-16 relative: far below 1e-11
            checks.add(new Claim("ReLU " + scheme.label() + ", depth 50: g_l = " + WriteUpReport.format(c) + "^49 x the "
                    + "Xavier g_l at every layer (largest relative gap)", 0, gap, 1e-11));
        }
        checks.add(new Claim("ReLU, depth 50: slope of log10 g_l over layers 6-45 is 0 (flat profile)", 0,
                xavier.measuredSlope(5, 45), DEEP_SLOPE_TOLERANCE));
    }

    private static void finiteDifferences(List<Claim> checks, long seed) {
        int rows = 4;
        int width = 5;
        int depth = 4;
        for (Activation act : List.of(Activations.SIGMOID, Activations.TANH, Activations.RELU, Activations.GELU)) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] x0 = Matrices.gaussian(rows, width, random);
            Recorder recorder = new Recorder(Ex09Initialization::xavierNormal);
            double[] norms = Ex10Propagation.gradientNorms(x0, depth, width, recorder, act, random);
            List<double[][]> w = recorder.weights();
            double worst = 0;
            for (int l = 0; l < depth; l++) {
                double squares = 0;
                for (int i = 0; i < width; i++) {
                    for (int j = 0; j < width; j++) {
                        double saved = w.get(l)[i][j];
                        w.get(l)[i][j] = saved + FD_STEP;
                        double up = loss(x0, w, act);
                        w.get(l)[i][j] = saved - FD_STEP;
                        double down = loss(x0, w, act);
                        w.get(l)[i][j] = saved;
                        double g = (up - down) / (2 * FD_STEP);
                        squares += g * g;
                    }
                }
                worst = Math.max(worst, Math.abs(norms[l] / Math.sqrt(squares) - 1));
            }
            checks.add(new Claim(act.name() + ": gradientNorms = central differences of the loss (4 x 5, depth 4; "
                    + "largest relative gap)", 0, worst, FD_TOLERANCE));
        }
    }

    /** The mean of the last layer's entries, recomputed by the engine from the weights. */
    private static double loss(double[][] x0, List<double[][]> weights, Activation act) {
        double[][] x = Network.fromWeights(weights, act).forward(x0).output();
        double sum = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / ((double) x.length * x[0].length);
    }

    /** Returns the least-squares slope of {@code y[i]} against {@code i} over {@code from <= i < to}. */
    private static double slope(double[] y, int from, int to) {
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

    /** Prints the lab report: gradient norms per layer, fitted and predicted slopes, then every check. */
    public static void main(String[] args) {
        List<Profile> deep = deepGrid(SEED);
        List<Profile> shallow = lectureNets(SEED);
        int[] shown = {1, 2, 5, 10, 20, 30, 40, 45, 50};
        double[][] deepRows = new double[shown.length][];
        for (int i = 0; i < shown.length; i++) {
            deepRows[i] = new double[deep.size() + 1];
            deepRows[i][0] = shown[i];
            for (int k = 0; k < deep.size(); k++) {
                deepRows[i][k + 1] = deep.get(k).norms()[shown[i] - 1];
            }
        }
        double[][] shallowRows = new double[SHALLOW][];
        for (int l = 0; l < SHALLOW; l++) {
            shallowRows[l] = new double[] {l + 1, shallow.get(0).norms()[l], shallow.get(1).norms()[l],
                    shallow.get(2).norms()[l]};
        }
        List<double[]> slopes = new ArrayList<>();
        for (Profile p : deep) {
            slopes.add(new double[] {slopes.size() + 1, -p.measuredSlope(5, 45), 0.0 - p.predictedSlope(5, 45)});
        }
        for (Profile p : shallow) {
            slopes.add(new double[] {slopes.size() + 1, -p.measuredSlope(0, SHALLOW),
                0.0 - p.predictedSlope(0, SHALLOW)});
        }
        WriteUps.of(GradientPropagation.class).report()
                .note("Gradient norms ||dL/dW_l|| for L = mean of the last layer; 64 rows x width 64; one seed.")
                .table("Depth 50: ReLU and tanh, three initializers",
                        List.of("layer", "relu naive", "relu xavier", "relu he", "tanh naive", "tanh xavier",
                                "tanh he"), deepRows)
                .table("Depth 10, He weights: sigmoid, ReLU and GELU",
                        List.of("layer", "sigmoid", "relu", "gelu"), shallowRows)
                .table("Decades gained per layer towards the input (1-6: the rows of the first table, 7-9: the "
                                + "second; fitted over layers 6-45 and 1-10)",
                        List.of("network", "measured", "mean field"), slopes.toArray(double[][]::new))
                .checks(checks())
                .print();
    }
}
