package workbook.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex09Initialization;
import workbook.theory.engine.Matrices;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">How the norm of a product of random matrices grows or shrinks with the scale of
 * the factors and with depth.</span>}{@writeup}
 *
 * <p>Products of random matrices are the model of {@citet saxe2014} for deep linear networks and of
 * {@citet poole2016} for deep nonlinear ones at initialization.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>A vector \( x \in \mathbb{R}^n \) passes through \( L \) independent \( n \times n \) matrices with
 *       independent \( N(0, s^2) \) entries, \( x_k = x_{k-1} W_k \) (rows times matrices, as in the workbook);
 *       this is the product that back-propagation forms, one factor per layer, with the slopes of the
 *       activation set aside for a moment.</li>
 *   <li>Where an activation comes back, it is ReLU: \( x_k = \mathrm{ReLU}(x_{k-1} W_k) \).</li>
 * </ul>
 *
 * <h2>Derivation</h2>
 * <p><b>One factor.</b> Each entry \( (xW)_j = \sum_i x_i W_{ij} \) is a sum of independent normals, hence
 * \( N(0, s^2 \lVert x \rVert^2) \), and different columns are independent. So
 * {@eq one-factor \lVert x W \rVert^2 = s^2 \lVert x \rVert^2\, \chi^2_n, \qquad E\lVert xW \rVert^2 = n s^2 \lVert x \rVert^2.}
 *
 * <p><b>Many factors.</b> The law of \( x_{k-1} W_k \) depends on \( x_{k-1} \) only through its norm (a normal
 * matrix looks the same in every rotated basis), so the ratios \( \lVert x_k \rVert^2 / \lVert x_{k-1} \rVert^2 \)
 * are independent copies of \( s^2 \chi^2_n \), and
 * {@eq product \frac{\lVert x_L \rVert^2}{\lVert x \rVert^2} = \prod_{k=1}^{L} s^2 \chi^2_{n,k}, \qquad
 *    E\,\frac{\lVert x_L \rVert^2}{\lVert x \rVert^2} = (n s^2)^{L}.}
 * The scale decides everything: the product explodes geometrically when \( s > 1/\sqrt n \) and vanishes when
 * \( s \lt 1/\sqrt n \). With the naive \( s = 1 \) and \( n = 256 \), each layer multiplies the mean square by 256.
 *
 * <p><b>The typical size is not the mean.</b> Taking logarithms turns the product into a sum of independent terms.
 * With \( E \ln \chi^2_n = \psi(n/2) + \ln 2 \) and \( \mathrm{Var} \ln \chi^2_n = \psi'(n/2) \) (digamma and
 * trigamma),
 * {@eq log-norm E \ln \frac{\lVert x_L \rVert}{\lVert x \rVert} = \frac{L}{2}\left(\ln(n s^2) + \psi(n/2) - \ln(n/2)\right),
 *    \qquad \mathrm{Var} \ln \frac{\lVert x_L \rVert}{\lVert x \rVert} = \frac{L}{4}\,\psi'(n/2).}
 * Since \( \psi(n/2) - \ln(n/2) \approx -1/n \), even the critical scale \( s = 1/\sqrt n \), which keeps the mean
 * square at exactly 1, lets the typical norm drift down like \( e^{-L/(2n)} \), while the spread of the log norm
 * grows like \( \sqrt{L/(2n)} \): the mean is carried by rare, huge products. For \( n = 4 \) and \( L = 50 \) the
 * typical norm is \( e^{-6.76} \approx 0.001 \). Wide layers make the drift and the spread small.
 *
 * <p><b>With ReLU.</b> Each entry of \( x_{k-1}W_k \) is still \( N(0, s^2 \lVert x_{k-1} \rVert^2) \), and ReLU
 * keeps half of its second moment, so \( E \lVert x_L \rVert^2 = (n s^2 / 2)^L \lVert x \rVert^2 \): the slopes of
 * the activation enter as one more factor per layer, and the scale that keeps the product level becomes
 * \( s^2 = 2/n \) (He) instead of \( 1/n \).
 *
 * <h2>Result</h2>
 * \[ E \lVert x_L \rVert^2 = (n s^2)^L \lVert x \rVert^2 \ \ \text{(linear)}, \qquad
 *    E \lVert x_L \rVert^2 = (n s^2/2)^L \lVert x \rVert^2 \ \ \text{(ReLU)}, \qquad
 *    E \ln \lVert x_L \rVert \approx \ln \lVert x \rVert + \tfrac{L}{2}\left(\ln(n s^2) - \tfrac1n\right). \]
 *
 * <h2>What the checks verify</h2>
 * Monte Carlo with weights from {@link Ex09Initialization} (width 8, depth 10, 3 000 products each; then width 4,
 * depth 50): for the Xavier scale \( 1/\sqrt n \), half of it, He's \( \sqrt{2/n} \) and the naive 1, the mean
 * square of the product and the mean of its log norm agree with the formulas within 4 standard errors; at the
 * critical scale the typical norm at depth 50 is far below 1 although the mean square is 1; He weights with
 * {@link Ex03ReluFamily#relu Ex03ReluFamily.relu} keep the mean square at 1.
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=products}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>One Gaussian layer multiplies the squared norm by \( s^2 \chi^2_n \), whose mean is \( n s^2 \)
 *       {@eqref one-factor}; \( L \) layers multiply \( L \) independent such factors {@eqref product}.</li>
 *   <li>The mean grows or shrinks like \( (n s^2)^L \): only \( s = 1/\sqrt n \) keeps it.</li>
 *   <li>The typical size follows the mean of the logarithm {@eqref log-norm}, about \( L/(2n) \) below the mean's:
 *       even at the critical scale a deep, narrow product typically shrinks, and its mean is carried by rare huge
 *       products.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class RandomMatrixProducts {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_007L;
    private static final double K = 4;
    private static final int WIDTH = 8;
    private static final int DEPTH = 10;
    private static final int TRIALS = 3_000;
    private static final int NARROW = 4;
    private static final int DEEP = 50;

    private RandomMatrixProducts() {}

    /** A way of drawing the factors, with the entry variance s^2 it implies. */
    private record Scale(String name, double variance, boolean relu, Draw draw) {}

    @FunctionalInterface
    private interface Draw {
        double[][] matrix(int n, SplittableRandom random);
    }

    private static List<Scale> scales() {
        return List.of(
                new Scale("Xavier / 2 (s = 1/(2 sqrt n))", 0.25 / WIDTH, false,
                        (n, r) -> Matrices.apply(Ex09Initialization.xavierNormal(n, n, r), w -> w / 2)),
                new Scale("Xavier (s = 1/sqrt n)", 1.0 / WIDTH, false, (n, r) -> Ex09Initialization.xavierNormal(n, n, r)),
                new Scale("He (s = sqrt(2/n))", 2.0 / WIDTH, false, (n, r) -> Ex09Initialization.heNormal(n, n, r)),
                new Scale("naive (s = 1)", 1, false, (n, r) -> Ex09Initialization.naiveNormal(n, n, r)),
                new Scale("He with ReLU", 2.0 / WIDTH, true, (n, r) -> Ex09Initialization.heNormal(n, n, r)));
    }

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        for (Scale scale : scales()) {
            double[] squares = squaredNorms(scale, WIDTH, DEPTH, TRIALS, random);
            double perLayer = WIDTH * scale.variance() * (scale.relu() ? 0.5 : 1);
            MonteCarlo.Estimate meanSquare = MonteCarlo.estimate(squares);
            checks.add(Claim.withinStandardErrors(scale.name() + ": E|x_10|^2 = (n s^2" + (scale.relu() ? " / 2" : "")
                            + ")^10 = " + WriteUpReport.format(Math.pow(perLayer, DEPTH)),
                    Math.pow(perLayer, DEPTH), meanSquare.mean(), meanSquare.standardError(), K));
            if (!scale.relu()) {
                MonteCarlo.Estimate logNorm = MonteCarlo.estimate(logNorms(squares));
                checks.add(Claim.withinStandardErrors(scale.name() + ": E ln|x_10| = 5 (ln(n s^2) + psi(n/2) - ln(n/2))",
                        expectedLogNorm(WIDTH, scale.variance(), DEPTH), logNorm.mean(), logNorm.standardError(), K));
            }
        }
        critical(checks, random);
        return checks;
    }

    private static void critical(List<Claim> checks, SplittableRandom random) {
        Scale xavier = new Scale("Xavier", 1.0 / NARROW, false, (n, r) -> Ex09Initialization.xavierNormal(n, n, r));
        double[] squares = squaredNorms(xavier, NARROW, DEEP, TRIALS, random);
        double[] logs = logNorms(squares);
        MonteCarlo.Estimate logNorm = MonteCarlo.estimate(logs);
        double expected = expectedLogNorm(NARROW, 1.0 / NARROW, DEEP);
        checks.add(Claim.withinStandardErrors("n = 4, depth 50, s = 1/sqrt n: E ln|x_50| = 25 (psi(2) - ln 2) = "
                + WriteUpReport.format(expected), expected, logNorm.mean(), logNorm.standardError(), K));
        // Var ln|x_L| = (L / 4) psi'(n/2); the SE of a sample variance of a near-normal sample is var sqrt(2 / n)
        double spread = DEEP / 4.0 * Gamma.trigamma(NARROW / 2.0);
        double sampleVariance = Math.pow(logNorm.standardError(), 2) * logs.length;
        checks.add(Claim.withinStandardErrors("... and Var ln|x_50| = (50/4) psi'(2) = " + WriteUpReport.format(spread),
                spread, sampleVariance, spread * Math.sqrt(2.0 / (logs.length - 1)), K));
        long below = 0;
        for (double s : squares) {
            below += s < 1e-2 ? 1 : 0;
        }
        checks.add(Claim.inRange("... so most products (over 80 %) shrink below |x_50| = 0.1 though E|x_50|^2 = 1", 0.8,
                1, (double) below / squares.length));
    }

    /** E ln(|x_L| / |x|) = (L / 2) (ln(n s^2) + psi(n/2) - ln(n/2)), from E ln chi^2_n = psi(n/2) + ln 2. */
    static double expectedLogNorm(int n, double variance, int depth) {
        return depth / 2.0 * (Math.log(n * variance) + Gamma.digamma(n / 2.0) - Math.log(n / 2.0));
    }

    /** |x_L|^2 for a unit start vector pushed through depth fresh factors, trials times. */
    private static double[] squaredNorms(Scale scale, int n, int depth, int trials, SplittableRandom random) {
        double[] squares = new double[trials];
        for (int t = 0; t < trials; t++) {
            double[] x = new double[n];
            x[0] = 1; // the direction does not matter: the law of x W depends on |x| only
            for (int layer = 0; layer < depth; layer++) {
                x = Matrices.multiply(x, scale.draw().matrix(n, random));
                if (scale.relu()) {
                    for (int j = 0; j < n; j++) {
                        x[j] = Ex03ReluFamily.relu(x[j]);
                    }
                }
            }
            squares[t] = Matrices.squaredNorm(x);
        }
        return squares;
    }

    private static double[] logNorms(double[] squares) {
        double[] logs = new double[squares.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = 0.5 * Math.log(squares[i]);
        }
        return logs;
    }

    /** Prints the lab report: mean square and typical size of the product per scale, then every check. */
    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Scale scale : scales()) {
            double[] squares = squaredNorms(scale, WIDTH, DEPTH, TRIALS, random);
            double perLayer = WIDTH * scale.variance() * (scale.relu() ? 0.5 : 1);
            names.add(scale.name());
            double[] sorted = squares.clone();
            Arrays.sort(sorted);
            rows.add(new double[] {Math.pow(perLayer, DEPTH), MonteCarlo.estimate(squares).mean(),
                    Math.sqrt(sorted[sorted.length / 2])});
        }
        WriteUps.of(RandomMatrixProducts.class).report()
                .table("|x W_1 ... W_10|^2 for a unit vector x, width n = 8, 3000 products each", List.of("factors",
                        "E|x_10|^2", "sample mean", "median |x_10|"), names, rows.toArray(double[][]::new))
                .note("The median shows the typical size: at the critical scales (E|x_10|^2 = 1) it sits below 1.")
                .checks(checks())
                .print();
    }
}
