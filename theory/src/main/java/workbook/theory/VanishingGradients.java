package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">Why sigmoid-like units make gradients vanish, and why ReLU fails
 * differently.</span>}{@writeup}
 *
 * <p>The vanishing gradient was first analysed by {@citet hochreiter1991} and {@citet bengio1994};
 * {@citet glorot2010} watched sigmoid units saturate in deep networks.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>A deep network computes \( z_l = a_{l-1} W_l \) and \( a_l = \sigma(z_l) \) (a sample is a row). By
 *       the chain rule the gradient that reaches layer \( l \) is a product of the factors
 *       \( W_k^T \) and \( \mathrm{diag}(\sigma'(z_k)) \) of every later layer \( k \).</li>
 *   <li>To isolate what the activation contributes, follow one path through one unit per layer with every
 *       weight equal to 1: the gradient along the path is \( \prod_{k=1}^{L} \sigma'(z_k) \).</li>
 *   <li>Where randomness enters, the pre-activations of different layers are independent; for tanh they are
 *       \( N(0, s^2) \), for ReLU they are symmetric about 0.</li>
 * </ul>
 *
 * {@figure 2}
 * <h2>Derivation</h2>
 * <p><b>The sigmoid's slope is at most 1/4.</b> With \( s = \sigma(x) \in (0, 1) \),
 * {@eq sigmoid-bound \sigma'(x) = s(1 - s) = \tfrac14 - \left(s - \tfrac12\right)^2 \le \tfrac14,}
 * with equality only at \( s = \tfrac12 \), that is at \( x = 0 \). Away from 0 the slope decays
 * exponentially: \( \sigma'(x) = e^{-|x|} / (1 + e^{-|x|})^2 \approx e^{-|x|} \), so
 * \( \sigma'(10) \approx 4.5 \times 10^{-5} \).
 *
 * <p><b>Depth multiplies the slopes.</b> Every factor of the path is at most 1/4, so
 * \( \left|\prod_{k=1}^{L} \sigma'(z_k)\right| \le 4^{-L} \). Forty layers, each at its steepest point,
 * already shrink the gradient by \( 4^{-40} = 2^{-80} \approx 8.3 \times 10^{-25} \), below \( 10^{-20} \);
 * any unit away from 0 makes it smaller still.
 *
 * <p><b>tanh is a rescaled sigmoid: better at the centre, no better in the tails.</b> From
 * \( \tanh x = 2\sigma(2x) - 1 \) follows \( \tanh'(x) = 4\sigma'(2x) = 4 / (e^{x} + e^{-x})^2 \).
 * The slope at 0 is 1, so a unit near the centre passes the gradient on unchanged, but
 * \( \tanh'(x) \le 4e^{-2|x|} \) decays twice as fast as the sigmoid's. Call a unit saturated when
 * \( |\tanh z| > 0.95 \), that is \( |z| > \operatorname{artanh} 0.95 \approx 1.83 \), where its slope is below
 * \( 1 - 0.95^2 = 0.0975 \). For \( z \sim N(0, s^2) \) the saturated fraction is
 * \[ P\left(|z| > 1.83\right) = 2\left(1 - \Phi(1.83 / s)\right), \]
 * which is 36 % at \( s = 2 \), where the mean slope \( E[\tanh'(z)] \) is only about 0.365: with independent
 * layers, \( L \) of them multiply the gradient by about \( 0.365^{L} \).
 *
 * <p><b>ReLU's slope is 0 or 1.</b> \( \mathrm{ReLU}'(z) = 1 \) for \( z > 0 \) and 0 otherwise (the convention
 * at the kink is \( \mathrm{ReLU}'(0) = 0 \)). The product along a path is therefore exactly 1 or exactly 0,
 * and with symmetric, independent pre-activations a path survives \( L \) layers with probability
 * \( 2^{-L} \). A surviving path carries the gradient without any shrinkage, and a layer of width \( n \)
 * keeps about \( n/2 \) units active, so about \( (n/2)^{L} \) paths survive. ReLU does not shrink gradients;
 * its failure is a unit that is never active (a dead ReLU), and the scale of the weights, not the slope, decides
 * whether the sum over paths explodes or fades.
 *
 * <h2>Result</h2>
 * From {@eqref sigmoid-bound} and the same bound for tanh:
 * \[ \sigma'(x) \le \tfrac14, \qquad \prod_{k=1}^{40} \sigma'(z_k) \le 2^{-80} \approx 8.3 \times 10^{-25},
 *    \qquad \tanh'(x) = 4\sigma'(2x) \le \min\left(1, 4e^{-2|x|}\right),
 *    \qquad P(\text{a ReLU path survives } L \text{ layers}) = 2^{-L}. \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>{@link Ex01Sigmoid#sigmoidDerivative Ex01Sigmoid.sigmoidDerivative} is exactly 1/4 at 0 and never larger on a fine grid of
 *       [-10, 10]; its tail is \( e^{-|x|} \).</li>
 *   <li>Forty factors of \( \sigma'(0) \) multiply to exactly \( 2^{-80} \), below \( 10^{-20} \).</li>
 *   <li>{@link Ex02Tanh#tanhDerivative Ex02Tanh.tanhDerivative} equals \( 4\sigma'(2x) \) computed with Ex01, and the closed form
 *       \( 4/(e^x + e^{-x})^2 \).</li>
 *   <li>For \( z \sim N(0, 4) \): the saturated fraction measured by {@link Ex02Tanh#saturationFraction Ex02Tanh.saturationFraction} and the
 *       mean slope agree with \( 2(1 - \Phi(1.83/2)) \) and with \( E[\tanh'(z)] \) integrated numerically, within
 *       4 standard errors.</li>
 *   <li>Products of {@link Ex03ReluFamily#reluDerivative Ex03ReluFamily.reluDerivative} along random paths of depth 10 are 1 with probability
 *       \( 2^{-10} \) (within 4 standard errors) and otherwise exactly 0.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=vanishing}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>The sigmoid's slope is at most \( \tfrac14 \) {@eqref sigmoid-bound}, so the slopes alone shrink a gradient
 *       through 40 sigmoid layers by at least \( 2^{-80} \).</li>
 *   <li>tanh's slope reaches 1 at 0 but falls like \( 4e^{-2|x|} \): a saturated unit passes almost nothing back.</li>
 *   <li>ReLU's slope is 0 or 1: a gradient path passes unchanged or dies, and with independent signs it survives
 *       \( L \) layers with probability \( 2^{-L} \).</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class VanishingGradients {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_002L;
    /** Monte Carlo tolerance in standard errors: a chance failure has probability about 6e-5 per check. */
    private static final double K = 4;
    /** A tanh unit counts as saturated when |a| exceeds this. */
    private static final double SATURATED = 0.95;
    private static final int TANH_SAMPLES = 100_000;
    private static final double TANH_STD = 2;
    private static final int RELU_DEPTH = 10;
    private static final int RELU_PATHS = 1_000_000;

    private VanishingGradients() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        sigmoidSlope(checks);
        tanhSlope(checks, random);
        reluPaths(checks, random);
        return checks;
    }

    private static void sigmoidSlope(List<Claim> checks) {
        checks.add(new Claim("sigma'(0) = 1/4", 0.25, Ex01Sigmoid.sigmoidDerivative(0), 0));
        double largest = 0;
        for (int i = -10_000; i <= 10_000; i++) {
            largest = Math.max(largest, Ex01Sigmoid.sigmoidDerivative(i / 1000.0));
        }
        checks.add(new Claim("no slope of sigma on a grid of [-10, 10] with step 0.001 exceeds 1/4",
                0.25, largest, 1e-15));
        // sigma'(x) e^|x| = 1 / (1 + e^-|x|)^2 = 1 - 2 e^-20 + ... at |x| = 20, so 1e-8 is ample
        checks.add(new Claim("the tail of sigma' is e^-|x|: sigma'(-20) e^20 = 1", 1,
                Ex01Sigmoid.sigmoidDerivative(-20) * Math.exp(20), 1e-8));
        double product = 1;
        for (int layer = 0; layer < 40; layer++) {
            product *= Ex01Sigmoid.sigmoidDerivative(0);
        }
        checks.add(new Claim("40 sigmoid layers at their steepest multiply the gradient by 2^-80",
                Math.scalb(1.0, -80), product, 0)); // powers of two are exact in binary
        checks.add(Claim.inRange("... which is below 1e-20: vanished for any practical purpose", 0, 1e-20, product));
    }

    private static void tanhSlope(List<Claim> checks, SplittableRandom random) {
        for (double x : new double[] {0, 0.7, 3}) {
            double viaSigmoid = 4 * Ex01Sigmoid.sigmoidDerivative(2 * x);
            double closedForm = 4 / Math.pow(Math.exp(x) + Math.exp(-x), 2);
            checks.add(Claim.relative("tanh'(" + WriteUpReport.format(x) + ") = 4 sigma'(2x)", viaSigmoid,
                    Ex02Tanh.tanhDerivative(x), 1e-14));
            checks.add(Claim.relative("tanh'(" + WriteUpReport.format(x) + ") = 4 / (e^x + e^-x)^2", closedForm,
                    Ex02Tanh.tanhDerivative(x), 1e-14));
        }
        double[] activations = new double[TANH_SAMPLES];
        double[] slopes = new double[TANH_SAMPLES];
        for (int i = 0; i < TANH_SAMPLES; i++) {
            double z = TANH_STD * random.nextGaussian();
            activations[i] = Ex02Tanh.tanh(z);
            slopes[i] = Ex02Tanh.tanhDerivative(z);
        }
        double edge = 0.5 * Math.log((1 + SATURATED) / (1 - SATURATED)); // artanh(0.95) = 1.8318
        double predicted = 2 * (1 - new NormalDistribution(0, 1).cumulativeProbability(edge / TANH_STD));
        long saturated = Math.round(Ex02Tanh.saturationFraction(activations, SATURATED) * TANH_SAMPLES);
        MonteCarlo.Estimate fraction = MonteCarlo.proportion(saturated, TANH_SAMPLES, predicted);
        checks.add(Claim.withinStandardErrors("z ~ N(0, 4): the saturated fraction of tanh units is 2(1 - Phi(1.83/2))",
                predicted, fraction.mean(), fraction.standardError(), K));
        MonteCarlo.Estimate slope = MonteCarlo.estimate(slopes);
        checks.add(Claim.withinStandardErrors("z ~ N(0, 4): the mean tanh slope E[tanh'(z)] is about 0.365",
                MonteCarlo.normalExpectation(Ex02Tanh::tanhDerivative, TANH_STD), slope.mean(),
                slope.standardError(), K));
    }

    private static void reluPaths(List<Claim> checks, SplittableRandom random) {
        long survivors = 0;
        boolean allZeroOrOne = true;
        for (int path = 0; path < RELU_PATHS; path++) {
            double product = 1;
            for (int layer = 0; layer < RELU_DEPTH && product != 0; layer++) {
                product *= Ex03ReluFamily.reluDerivative(random.nextGaussian());
            }
            survivors += product == 1 ? 1 : 0;
            allZeroOrOne &= product == 0 || product == 1;
        }
        double predicted = Math.scalb(1.0, -RELU_DEPTH);
        MonteCarlo.Estimate survival = MonteCarlo.proportion(survivors, RELU_PATHS, predicted);
        checks.add(Claim.withinStandardErrors("a ReLU path survives 10 layers with probability 2^-10",
                predicted, survival.mean(), survival.standardError(), K));
        checks.add(Claim.isTrue("every ReLU path product is exactly 0 or exactly 1: it never shrinks", allZeroOrOne));
    }

    /** Prints the lab report: slope products over depth, then every check. */
    public static void main(String[] args) {
        int[] depths = {1, 5, 10, 20, 40};
        double[][] rows = new double[depths.length][];
        double tanhMeanSlope = MonteCarlo.normalExpectation(Ex02Tanh::tanhDerivative, TANH_STD);
        for (int i = 0; i < depths.length; i++) {
            int d = depths[i];
            rows[i] = new double[] {d, Math.pow(Ex01Sigmoid.sigmoidDerivative(0), d), Math.pow(tanhMeanSlope, d),
                    Math.scalb(1.0, -d)};
        }
        WriteUps.of(VanishingGradients.class).report()
                .table("How much of the gradient is left after d layers",
                        List.of("depth d", "sigmoid'(0)^d", "E[tanh']^d, s=2", "P(ReLU path)"), rows)
                .checks(checks())
                .print();
    }
}
