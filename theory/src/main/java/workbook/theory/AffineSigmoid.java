package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex09Initialization;
import workbook.theory.engine.Matrices;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.NormalIntegrals;

/**
 * {@summary <span class="book-lede">Making the sigmoid Xavier-ready: an affine map of its output turns it into an
 * odd unit with slope 1 at 0, and the map moves into the next layer's weights and biases.</span>}{@writeup}
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>Xavier initialization ({@writeup 8}, {@cite glorot2010}) assumes two things of the activation \( f \): it is odd,
 *       \( f(-x) = -f(x) \), so that zero-mean pre-activations give zero-mean outputs; and \( f'(0) = 1 \), so that
 *       near 0 the unit passes its input on unchanged, \( f(x) \approx x \).</li>
 *   <li>The sigmoid \( \sigma(x) = 1/(1 + e^{-x}) \) has neither property: \( \sigma(0) = \tfrac12 \) and
 *       \( \sigma'(0) = \tfrac14 \).</li>
 *   <li>A layer computes \( z' = a W + b \) from the previous layer's outputs \( a \) (a row; the weights are
 *       \( W \in \mathbb{R}^{n_{\text{in}} \times n_{\text{out}}} \), as everywhere in the workbook).</li>
 * </ul>
 *
 * <h2>Derivation</h2>
 * <p><b>Which affine map.</b> Look for \( g(x) = c_1 \sigma(x) + c_0 \). Oddness at 0 needs \( g(0) = 0 \), that
 * is \( c_0 = -c_1/2 \); slope 1 at 0 needs \( c_1 \sigma'(0) = 1 \), that is \( c_1 = 4 \). So there is exactly
 * one candidate, \( g(x) = 4\sigma(x) - 2 \), and it is indeed odd everywhere: from
 * \( \sigma(-x) = 1 - \sigma(x) \),
 * \[ g(-x) = 4(1 - \sigma(x)) - 2 = -(4\sigma(x) - 2) = -g(x). \]
 *
 * <p><b>It is a stretched tanh.</b> Since \( \sigma(x) = \tfrac12\left(1 + \tanh\tfrac{x}{2}\right) \),
 * {@eq xavier-ready g(x) = 4\sigma(x) - 2 = 2\tanh\frac{x}{2}, \qquad g'(x) = 4\sigma'(x) = \operatorname{sech}^2\frac{x}{2} \le 1,}
 * with range \( (-2, 2) \). Near 0, \( \tanh t = t - t^3/3 + \dots \) gives \( g(x) = x - x^3/12 + \dots \): the
 * unit is the identity to first order, which is all the linear variance argument of Xavier uses.
 *
 * <p><b>Where the map goes.</b> A network does not need a new activation to use \( g \): the affine map can be
 * absorbed by the next layer. Write \( \sigma(z) = \tfrac14 g(z) + \tfrac12 \) in the next layer:
 * \[ z'_j = \sum_i \sigma(z_i) W_{ij} + b_j
 *        = \sum_i g(z_i) \frac{W_{ij}}{4} + \Big(b_j + \frac12 \sum_i W_{ij}\Big). \]
 * So a sigmoid layer followed by \( (W, b) \) computes exactly what a \( g \) layer followed by
 * \( (\tilde W, \tilde b) = (W/4,\ b + \tfrac12 \mathbf{1}^{\top} W) \) computes. Run backwards: to give the
 * \( g \) network Xavier weights \( \tilde W \) and zero biases, the sigmoid network takes
 * {@eq absorbed W = 4\tilde W \quad (\text{standard deviation } 4\sqrt{2/(n_{\text{in}} + n_{\text{out}})}), \qquad
 *    b_j = -\frac12 \sum_i W_{ij} = -2 \sum_i \tilde W_{ij}.}
 * The factor 4 undoes the sigmoid's flat slope of \( \tfrac14 \); the bias subtracts the mean \( \tfrac12 \)
 * that every sigmoid output carries, which would otherwise enter every pre-activation of the next layer as a
 * common offset. Only layers that receive sigmoid outputs change: the first layer sees the data, not a
 * sigmoid.
 *
 * <p><b>What the map cannot fix.</b> \( g \) saturates at \( \pm 2 \) and its slope is below 1 away from 0, so
 * the variance of \( g(Z) \) is smaller than that of \( Z \): for \( Z \sim N(0, 1) \),
 * \( E[g(Z)^2] \approx 0.694 \). Like tanh, the centred sigmoid keeps the signal's scale only approximately,
 * slowly shrinking it layer after layer ({@writeup 11} measures this for tanh).
 *
 * <h2>Result</h2>
 * \[ g(x) = 4\sigma(x) - 2 = 2\tanh\frac{x}{2}, \qquad g(-x) = -g(x), \qquad g'(0) = 1, \qquad
 *    (W, b)_{\text{sigmoid}} = \Big(4\tilde W,\ -2\,\mathbf{1}^{\top}\tilde W\Big)
 *    \text{ for Xavier weights } \tilde W \text{ of the centred unit.} \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>{@link Ex02Tanh#centeredSigmoid Ex02Tanh.centeredSigmoid} equals \( 4\sigma(x) - 2 \) computed with
 *       {@link Ex01Sigmoid#sigmoid Ex01Sigmoid.sigmoid} and \( 2\tanh(x/2) \) computed with {@code Math.tanh}, on a
 *       grid from -30 to 30.</li>
 *   <li>It is exactly odd on that grid (while \( \sigma(x) + \sigma(-x) = 1 \)); its central-difference slope at 0 is
 *       1; \( (g(x) - x)/x^3 \) at \( x = 0.01 \) is \( -1/12 \).</li>
 *   <li>The coefficients forced by oddness and slope, \( c_1 = 1/\sigma'(0) \) and \( c_0 = -c_1\sigma(0) \) from
 *       Ex01, are 4 and -2.</li>
 *   <li>A sigmoid layer followed by \( (4\tilde W, -2\,\mathbf{1}^{\top}\tilde W) \) and a centred layer followed by
 *       \( \tilde W \) (drawn by {@link Ex09Initialization#xavierNormal Ex09Initialization.xavierNormal}) give the
 *       same pre-activations on a random batch, to rounding.</li>
 *   <li>Monte Carlo with \( Z \sim N(0, 1) \): the mean of \( \sigma(Z) \) is \( \tfrac12 \), the mean of \( g(Z) \)
 *       is 0, and the mean of \( g(Z)^2 \) agrees with its numerical integral (below 1), each within 4 standard
 *       errors.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=affine-sigmoid}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>\( g(x) = 4\sigma(x) - 2 = 2\tanh(x/2) \) {@eqref xavier-ready} is the one affine map of the sigmoid that is
 *       odd with slope 1 at 0, the two properties Xavier's argument asks of an activation.</li>
 *   <li>No new activation is needed: the next layer absorbs the map, with weights 4 times Xavier's and biases
 *       that cancel the sigmoid's mean of \( \tfrac12 \) {@eqref absorbed}.</li>
 *   <li>The map fixes the first-order picture only: like tanh, the centred sigmoid slowly shrinks the signal's
 *       variance.</li>
 * </ul>
 * <p>{@cite lecun1998} recommends the same cure: a symmetric sigmoid, scaled to slope about 1 at 0.
 *
 * {@references}
 * {@writeup end}
 */
public final class AffineSigmoid {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_009L;
    /** Monte Carlo tolerance in standard errors: a chance failure has probability about 6e-5 per check. */
    private static final double K = 4;
    private static final double[] GRID = {-30, -5, -1, -0.1, 1e-8, 0.5, 3, 30};
    private static final int SAMPLES = 100_000;
    private static final int ROWS = 32;
    private static final int FAN_IN = 64;
    private static final int FAN_OUT = 32;

    private AffineSigmoid() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        identities(checks);
        shape(checks);
        nextLayer(checks, random);
        moments(checks, random);
        return checks;
    }

    private static void identities(List<Claim> checks) {
        double viaSigmoid = 0;
        double viaTanh = 0;
        for (double x : GRID) {
            double g = Ex02Tanh.centeredSigmoid(x);
            viaSigmoid = Math.max(viaSigmoid, Math.abs(g - (4 * Ex01Sigmoid.sigmoid(x) - 2)));
            viaTanh = Math.max(viaTanh, Math.abs(g - 2 * Math.tanh(x / 2)) / Math.abs(g));
        }
        // 4 sigmoid(x) - 2 is off by a few ulps of 2 (about 4e-16 each); 1e-15 allows for two roundings
        checks.add(new Claim("centeredSigmoid(x) = 4 sigmoid(x) - 2 on [-30, 30] (largest absolute gap)", 0,
                viaSigmoid, 1e-15));
        // both sides are accurate to a few ulps relative to their size, also at x = 1e-8
        checks.add(new Claim("centeredSigmoid(x) = 2 tanh(x/2) on [-30, 30] (largest relative gap)", 0, viaTanh,
                1e-15));
    }

    private static void shape(List<Claim> checks) {
        double oddness = 0;
        double sigmoidSymmetry = 0;
        for (double x : GRID) {
            oddness = Math.max(oddness, Math.abs(Ex02Tanh.centeredSigmoid(x) + Ex02Tanh.centeredSigmoid(-x)));
            sigmoidSymmetry = Math.max(sigmoidSymmetry,
                    Math.abs(Ex01Sigmoid.sigmoid(x) + Ex01Sigmoid.sigmoid(-x) - 1));
        }
        checks.add(new Claim("g(-x) = -g(x) exactly on the grid (g is odd)", 0, oddness, 0));
        // sigma(x), sigma(-x) and their sum are each rounded once, by at most half an ulp of 1 (1.1e-16)
        checks.add(new Claim("sigma(x) + sigma(-x) = 1, so sigma - 1/2 is odd (largest gap)", 0, sigmoidSymmetry,
                3.4e-16));
        double h = 1e-4;
        double slope = (Ex02Tanh.centeredSigmoid(h) - Ex02Tanh.centeredSigmoid(-h)) / (2 * h);
        // central difference error h^2 |g'''(0)| / 6 = 1e-8 / 12 plus rounding 1e-16 / h
        checks.add(new Claim("g'(0) = 1 by central differences (h = 1e-4)", 1, slope, 1e-9));
        double x = 0.01;
        double cubic = (Ex02Tanh.centeredSigmoid(x) - x) / (x * x * x);
        // the next term of 2 tanh(x/2) is x^5 / 120, so the ratio is -1/12 + x^2 / 120 = -1/12 (1 - 1e-5)
        checks.add(Claim.relative("(g(x) - x) / x^3 = -1/12 at x = 0.01: g is the identity to first order",
                -1.0 / 12, cubic, 2e-5));
        double c1 = 1 / Ex01Sigmoid.sigmoidDerivative(0);
        double c0 = -c1 * Ex01Sigmoid.sigmoid(0);
        checks.add(new Claim("slope 1 at 0 forces the scale c1 = 1 / sigma'(0) = 4", 4, c1, 0));
        checks.add(new Claim("oddness forces the shift c0 = -c1 sigma(0) = -2", -2, c0, 0));
    }

    private static void nextLayer(List<Claim> checks, SplittableRandom random) {
        double[][] z = Matrices.gaussian(ROWS, FAN_IN, random);
        double[][] centredWeights = Ex09Initialization.xavierNormal(FAN_IN, FAN_OUT, random);
        double[][] sigmoidWeights = new double[FAN_IN][FAN_OUT];
        double[] sigmoidBias = new double[FAN_OUT];
        for (int i = 0; i < FAN_IN; i++) {
            for (int j = 0; j < FAN_OUT; j++) {
                sigmoidWeights[i][j] = 4 * centredWeights[i][j];
                sigmoidBias[j] -= 2 * centredWeights[i][j];
            }
        }
        double gap = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < FAN_OUT; j++) {
                gap = Math.max(gap, Math.abs(preActivation(z[r], sigmoidWeights, sigmoidBias[j], j, true)
                        - preActivation(z[r], centredWeights, 0, j, false)));
            }
        }
        // each side sums 64 terms of size up to about 2 * 0.6: rounding stays below 64 * 1.2 * 2.2e-16 = 2e-14
        checks.add(new Claim("sigmoid layer + (4W, -2 colsum W) = centred layer + W: largest gap of the next "
                + "pre-activations on a 32 x 64 batch", 0, gap, 1e-13));
    }

    /** The next layer's pre-activation j for one row: sum_i act(z_i) w_ij + b_j. */
    private static double preActivation(double[] z, double[][] w, double bias, int j, boolean sigmoid) {
        double sum = bias;
        for (int i = 0; i < z.length; i++) {
            double a = sigmoid ? Ex01Sigmoid.sigmoid(z[i]) : Ex02Tanh.centeredSigmoid(z[i]);
            sum += a * w[i][j];
        }
        return sum;
    }

    private static void moments(List<Claim> checks, SplittableRandom random) {
        double[] sigmoid = new double[SAMPLES];
        double[] centred = new double[SAMPLES];
        double[] centredSquared = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double z = random.nextGaussian();
            sigmoid[i] = Ex01Sigmoid.sigmoid(z);
            centred[i] = Ex02Tanh.centeredSigmoid(z);
            centredSquared[i] = centred[i] * centred[i];
        }
        // standard error of a sample mean: s / sqrt(n), s the sample standard deviation (MonteCarlo.estimate)
        MonteCarlo.Estimate sigmoidMean = MonteCarlo.estimate(sigmoid);
        MonteCarlo.Estimate centredMean = MonteCarlo.estimate(centred);
        MonteCarlo.Estimate centredSecond = MonteCarlo.estimate(centredSquared);
        checks.add(Claim.withinStandardErrors("Z ~ N(0, 1): E[sigma(Z)] = 1/2, the offset the bias must remove",
                0.5, sigmoidMean.mean(), sigmoidMean.standardError(), K));
        checks.add(Claim.withinStandardErrors("Z ~ N(0, 1): E[g(Z)] = 0", 0, centredMean.mean(),
                centredMean.standardError(), K));
        double exact = NormalIntegrals.standard(x -> Math.pow(2 * Math.tanh(x / 2), 2));
        checks.add(Claim.withinStandardErrors("Z ~ N(0, 1): E[g(Z)^2] = its integral, about 0.694",
                exact, centredSecond.mean(), centredSecond.standardError(), K));
        checks.add(Claim.inRange("... which is below E[Z^2] = 1: g shrinks the signal a little", 0, 1, exact));
    }

    /** Prints the lab report: sigmoid and its centred form side by side, then every check. */
    public static void main(String[] args) {
        double[] xs = {-6, -2, -0.5, 0, 0.5, 2, 6};
        double[][] rows = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            rows[i] = new double[] {x, Ex01Sigmoid.sigmoid(x), Ex01Sigmoid.sigmoidDerivative(x),
                    Ex02Tanh.centeredSigmoid(x), 4 * Ex01Sigmoid.sigmoidDerivative(x)};
        }
        double xavier = Ex09Initialization.xavierStd(FAN_IN, FAN_OUT);
        WriteUps.of(AffineSigmoid.class).report()
                .table("The sigmoid and g = 4 sigmoid - 2 = 2 tanh(x/2)",
                        List.of("x", "sigmoid(x)", "sigmoid'(x)", "g(x)", "g'(x)"), rows)
                .table("Xavier for the centred unit, written as weights of a sigmoid network (n_in = "
                                + FAN_IN + ", n_out = " + FAN_OUT + ")",
                        List.of("std of W~", "std of W = 4W~", "std of bias"),
                        new double[][] {{xavier, 4 * xavier, 2 * Math.sqrt(FAN_IN) * xavier}})
                .checks(checks())
                .print();
    }
}
