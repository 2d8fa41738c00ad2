package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.LayerStats;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.NormalIntegrals;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">What an activation does to a standard normal input: the mean and variance of
 * tanh, ReLU, GELU and SiLU, and the fixed point that makes SELU self-normalizing.</span>}{@writeup}
 *
 * <p>SELU and its fixed point are due to {@citet klambauer2017}; GELU to {@citet hendrycks2016}, SiLU (swish)
 * to {@citet ramachandran2017}.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>\( Z \sim N(0, 1) \), with density \( \varphi \) and distribution function \( \Phi \); this is the
 *       pre-activation of a unit whose layer is well initialized ({@writeup 8 write-up 8} and {@writeup 10}).</li>
 *   <li>The SELU constants are those of Ex03: \( \alpha \approx 1.6733 \), \( \lambda \approx 1.0507 \).</li>
 *   <li>For the fixed point: zero-mean weights with \( nv = 1 \) (LeCun's \( v = 1/n \), which is also Xavier's when
 *       the fans are equal), so that the next pre-activation has variance \( q' = E[f(z)^2] \) whatever the mean of
 *       the activations.</li>
 * </ul>
 *
 * <h2>Derivation</h2>
 * <p><b>ReLU.</b> Half of the mass is cut to 0 and the other half kept:
 * {@eq relu-moments \begin{gathered} E[\mathrm{ReLU}(Z)] = \int_0^\infty z\varphi(z)\,dz = \varphi(0)
 *    = \frac{1}{\sqrt{2\pi}} \approx 0.3989, \\
 *    E[\mathrm{ReLU}(Z)^2] = \tfrac12, \qquad \mathrm{Var} = \tfrac12 - \frac{1}{2\pi} \approx 0.3408. \end{gathered}}
 * ReLU's outputs are not centred: every unit passes a positive mean to the next layer.
 *
 * <p><b>GELU and SiLU through Stein's lemma.</b> For a smooth \( g \), \( E[Z g(Z)] = E[g'(Z)] \) (integrate by
 * parts, using \( \varphi'(z) = -z\varphi(z) \)). With \( g = \Phi \) this gives the GELU mean, and applying it
 * twice gives its second moment, using \( E[\Phi(Z)^2] = \tfrac13 \) (the chance that \( Z \) beats two
 * independent copies of itself) and \( E[\varphi(Z)^2] = 1/(2\pi\sqrt3) \):
 * {@eq gelu-moments E[Z\Phi(Z)] = E[\varphi(Z)] = \frac{1}{2\sqrt\pi} \approx 0.2821, \qquad
 *    E[Z^2\Phi(Z)^2] = \frac13 + \frac{1}{2\pi\sqrt3} \approx 0.4252.}
 * For SiLU, \( x\sigma(x) \), the same lemma gives \( E[Z\sigma(Z)] = E[\sigma'(Z)] \approx 0.2066 \); its second
 * moment has no closed form and is integrated numerically. The tanh approximation of GELU,
 * \( \tfrac12 x\,(1 + \tanh(\sqrt{2/\pi}\,(x + 0.044715\,x^3))) \), moves both moments by less than \( 10^{-4} \).
 *
 * <p><b>tanh.</b> tanh is odd, so its mean is 0; \( E[\tanh(Z)^2] \approx 0.3943 \) (numerical): tanh is centred
 * but shrinks the variance to about 0.39.
 *
 * <p><b>SELU's fixed point.</b> With \( \mathrm{SELU}(z) = \lambda z \) for \( z > 0 \) and
 * \( \lambda\alpha(e^z - 1) \) otherwise, the moments follow from
 * \( E[e^{tZ} 1\{Z &lt; 0\}] = e^{t^2/2}\Phi(-t) \):
 * {@eq selu-moments \begin{gathered}
 *    E[\mathrm{SELU}(Z)] = \lambda\left(\frac{1}{\sqrt{2\pi}} + \alpha\left(e^{1/2}\Phi(-1) - \tfrac12\right)\right), \\
 *    E[\mathrm{SELU}(Z)^2] = \lambda^2\left(\tfrac12 + \alpha^2\left(e^2\Phi(-2) - 2e^{1/2}\Phi(-1) +
 *    \tfrac12\right)\right). \end{gathered}}
 * \( \alpha \) is the root that makes the mean 0, and then \( \lambda \) makes the second moment 1: SELU maps
 * mean 0, variance 1 to mean 0, variance 1. With \( nv = 1 \) the next layer's variance is
 * \( h(q) = E[\mathrm{SELU}(\sqrt q\, Z)^2] \), so \( q = 1 \) is a fixed point of the map \( h \). It attracts:
 * by Stein's lemma \( h'(q) = \tfrac12 E[(\mathrm{SELU}^2)''(\sqrt q Z)] \), which at \( q = 1 \) is
 * {@eq selu-slope h'(1) = \lambda^2\left(\tfrac12 + \alpha^2\left(2e^2\Phi(-2) - e^{1/2}\Phi(-1)\right)\right) \approx 0.783
 *    &lt; 1,}
 * so a deviation from variance 1 shrinks by about a fifth per layer. Compare ReLU with He weights, where
 * \( h(q) = 2E[\mathrm{ReLU}(\sqrt q Z)^2] = q \): every variance is kept, none is preferred, and a single
 * network wanders ({@writeup 11}); and tanh with Xavier, where \( h(q) = E[\tanh(\sqrt q Z)^2] &lt; q \) drifts
 * to 0.
 *
 * <h2>Result</h2>
 * <table class="striped">
 * <caption>Mean and variance of \( f(Z) \) for \( Z \sim N(0, 1) \)</caption>
 * <thead><tr><th scope="col">\( f \)</th><th scope="col">\( E[f(Z)] \)</th>
 *     <th scope="col">\( \mathrm{Var}[f(Z)] \)</th></tr></thead>
 * <tbody>
 * <tr><td>tanh</td><td>0</td><td>0.3943 (numerical)</td></tr>
 * <tr><td>ReLU</td><td>\( 1/\sqrt{2\pi} \approx 0.3989 \)</td><td>\( \tfrac12 - 1/(2\pi) \approx 0.3408 \)</td></tr>
 * <tr><td>GELU</td><td>\( 1/(2\sqrt\pi) \approx 0.2821 \)</td>
 *     <td>\( \tfrac13 + 1/(2\pi\sqrt3) - 1/(4\pi) \approx 0.3456 \)</td></tr>
 * <tr><td>SiLU</td><td>\( E[\sigma'(Z)] \approx 0.2066 \)</td><td>0.3131 (numerical)</td></tr>
 * <tr><td>SELU</td><td>0</td><td>1, a fixed point with \( h'(1) \approx 0.783 \)</td></tr>
 * </tbody>
 * </table>
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>Numerical integrals (Gauss-Legendre) of {@link Ex03ReluFamily#relu Ex03ReluFamily.relu},
 *       {@link Ex07SmoothActivations#gelu Ex07SmoothActivations.gelu},
 *       {@link Ex07SmoothActivations#silu Ex07SmoothActivations.silu} and
 *       {@link Ex03ReluFamily#selu Ex03ReluFamily.selu} equal the closed forms above (SiLU's mean against the
 *       integral of {@link Ex01Sigmoid#sigmoidDerivative Ex01Sigmoid.sigmoidDerivative}), to \( 10^{-12} \) relative;
 *       {@link Ex07SmoothActivations#geluTanh Ex07SmoothActivations.geluTanh} moves the GELU moments by less than
 *       \( 10^{-4} \).</li>
 *   <li>The closed forms with Ex03's constants give SELU mean 0 and second moment 1, and the central-difference slope
 *       of \( h \) at 1 equals the closed form \( h'(1) \).</li>
 *   <li>Monte Carlo, 200 000 standard normal draws: for tanh, ReLU, GELU, SiLU and
 *       SELU the sample mean and the mean of \( (f(Z) - \mu)^2 \) agree with the exact mean and variance within 4
 *       standard errors.</li>
 *   <li>Iterating \( h \) for 30 layers from \( q = 4 \) and from \( q = 0.25 \) ends within 0.01 of 1, while ReLU
 *       with He keeps \( q = 4 \) exactly (integral) and tanh with Xavier maps 1 to 0.394.</li>
 *   <li>A 50-layer SELU network run by {@link Ex10Propagation#forwardStats Ex10Propagation.forwardStats} with
 *       {@link Ex09Initialization#xavierNormal Ex09Initialization.xavierNormal} weights (equal fans, so
 *       \( v = 1/n \)) keeps, from layer 10 on, a standard deviation within [0.8, 1.25] and a mean within 0.2 of 0 at
 *       every layer. This is not a standard error claim: over seeds 1 to 20 the extremes were 0.85, 1.17 and
 *       0.12.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=activation-stats}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>ReLU, GELU and SiLU pass a positive mean to the next layer ({@eqref relu-moments}, {@eqref gelu-moments});
 *       tanh is centred; all four shrink the variance of a standard normal input.</li>
 *   <li>SELU's constants make mean 0 and variance 1 a fixed point {@eqref selu-moments}, and an attracting one: a
 *       deviation shrinks by the factor \( h'(1) \approx 0.783 \) per layer {@eqref selu-slope}.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class ActivationStatistics {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_013L;
    /** Monte Carlo tolerance in standard errors: a chance failure has probability about 6e-5 per check. */
    private static final double K = 4;
    private static final int SAMPLES = 200_000;
    private static final int ROWS = 64;
    private static final int WIDTH = 64;
    private static final int DEPTH = 50;
    /** Quadrature agrees with the closed forms to about 1e-15; this leaves room for the erfc inside GELU. */
    private static final double INTEGRAL_TOLERANCE = 1e-12;

    private ActivationStatistics() {}

    private record Unit(String name, DoubleUnaryOperator f, double mean, double variance) {}

    /** The activations of the table, with their exact mean and variance (closed form or integral). */
    private static List<Unit> units() {
        double reluMean = 1 / Math.sqrt(2 * Math.PI);
        double geluMean = 1 / (2 * Math.sqrt(Math.PI));
        double geluSecond = 1.0 / 3 + 1 / (2 * Math.PI * Math.sqrt(3));
        double siluMean = NormalIntegrals.standard(Ex01Sigmoid::sigmoidDerivative); // Stein's lemma
        double siluSecond = NormalIntegrals.standard(z -> Math.pow(Ex07SmoothActivations.silu(z), 2));
        double tanhSecond = NormalIntegrals.standard(z -> Math.pow(Math.tanh(z), 2));
        return List.of(
                new Unit("tanh", Ex02Tanh::tanh, 0, tanhSecond),
                new Unit("relu", Ex03ReluFamily::relu, reluMean, 0.5 - reluMean * reluMean),
                new Unit("gelu", Ex07SmoothActivations::gelu, geluMean, geluSecond - geluMean * geluMean),
                new Unit("silu", Ex07SmoothActivations::silu, siluMean, siluSecond - siluMean * siluMean),
                new Unit("selu", Ex03ReluFamily::selu, seluMean(), seluSecondMoment() - Math.pow(seluMean(), 2)));
    }

    private static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    private static double seluMean() {
        double a = Ex03ReluFamily.SELU_ALPHA;
        return Ex03ReluFamily.SELU_LAMBDA * (1 / Math.sqrt(2 * Math.PI) + a * (Math.exp(0.5) * phi(-1) - 0.5));
    }

    private static double seluSecondMoment() {
        double a = Ex03ReluFamily.SELU_ALPHA;
        return Math.pow(Ex03ReluFamily.SELU_LAMBDA, 2)
                * (0.5 + a * a * (Math.exp(2) * phi(-2) - 2 * Math.exp(0.5) * phi(-1) + 0.5));
    }

    private static double seluMapSlopeAtOne() {
        double a = Ex03ReluFamily.SELU_ALPHA;
        return Math.pow(Ex03ReluFamily.SELU_LAMBDA, 2) * (0.5 + a * a * (2 * Math.exp(2) * phi(-2)
                - Math.exp(0.5) * phi(-1)));
    }

    /** h(q) = E[selu(sqrt(q) Z)^2]: the next layer's variance when n v = 1. */
    private static double seluMap(double q) {
        return NormalIntegrals.expectation(z -> Math.pow(Ex03ReluFamily.selu(z), 2), Math.sqrt(q));
    }

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        closedForms(checks);
        monteCarlo(checks, random);
        fixedPoint(checks);
        deepSelu(checks, selu(new SplittableRandom(seed + 1)));
        return checks;
    }

    private static void closedForms(List<Claim> checks) {
        checks.add(Claim.relative("E[ReLU(Z)] = 1/sqrt(2 pi) (integral of relu)", 1 / Math.sqrt(2 * Math.PI),
                NormalIntegrals.standard(Ex03ReluFamily::relu), INTEGRAL_TOLERANCE));
        checks.add(Claim.relative("E[ReLU(Z)^2] = 1/2", 0.5,
                NormalIntegrals.standard(z -> Math.pow(Ex03ReluFamily.relu(z), 2)), INTEGRAL_TOLERANCE));
        checks.add(Claim.relative("E[GELU(Z)] = 1/(2 sqrt(pi)) (Stein)", 1 / (2 * Math.sqrt(Math.PI)),
                NormalIntegrals.standard(Ex07SmoothActivations::gelu), INTEGRAL_TOLERANCE));
        checks.add(Claim.relative("E[GELU(Z)^2] = 1/3 + 1/(2 pi sqrt 3) (Stein twice)",
                1.0 / 3 + 1 / (2 * Math.PI * Math.sqrt(3)),
                NormalIntegrals.standard(z -> Math.pow(Ex07SmoothActivations.gelu(z), 2)), INTEGRAL_TOLERANCE));
        checks.add(Claim.relative("E[SiLU(Z)] = E[sigma'(Z)] (Stein)",
                NormalIntegrals.standard(Ex01Sigmoid::sigmoidDerivative),
                NormalIntegrals.standard(Ex07SmoothActivations::silu), INTEGRAL_TOLERANCE));
        double geluMean = NormalIntegrals.standard(Ex07SmoothActivations::gelu);
        double geluSecond = NormalIntegrals.standard(z -> Math.pow(Ex07SmoothActivations.gelu(z), 2));
        double gap = Math.max(Math.abs(NormalIntegrals.standard(Ex07SmoothActivations::geluTanh) - geluMean),
                Math.abs(NormalIntegrals.standard(z -> Math.pow(Ex07SmoothActivations.geluTanh(z), 2)) - geluSecond));
        checks.add(Claim.inRange("the tanh approximation of GELU moves its mean and second moment by less than 1e-4",
                0, 1e-4, gap));
        // alpha and lambda are given to 32 digits; a double keeps 16, so the closed forms are exact to ~1e-16
        checks.add(new Claim("closed form with Ex03's alpha and lambda: E[SELU(Z)] = 0", 0, seluMean(), 1e-15));
        checks.add(new Claim("closed form with Ex03's alpha and lambda: E[SELU(Z)^2] = 1", 1, seluSecondMoment(),
                1e-15));
        checks.add(new Claim("E[SELU(Z)] = its closed form (integral of selu)", seluMean(),
                NormalIntegrals.standard(Ex03ReluFamily::selu), INTEGRAL_TOLERANCE));
        checks.add(Claim.relative("E[SELU(Z)^2] = its closed form (integral of selu)", seluSecondMoment(),
                seluMap(1), INTEGRAL_TOLERANCE));
    }

    private static void monteCarlo(List<Claim> checks, SplittableRandom random) {
        double[] z = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            z[i] = random.nextGaussian();
        }
        for (Unit unit : units()) {
            double[] values = new double[SAMPLES];
            double[] deviations = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                values[i] = unit.f().applyAsDouble(z[i]);
                deviations[i] = Math.pow(values[i] - unit.mean(), 2);
            }
            // standard error of a sample mean: s / sqrt(n), s the sample standard deviation; the exact mean is
            // known, so the mean of (f - mu)^2 estimates the variance without bias, with the same kind of error
            MonteCarlo.Estimate mean = MonteCarlo.estimate(values);
            MonteCarlo.Estimate variance = MonteCarlo.estimate(deviations);
            double shownMean = Math.abs(unit.mean()) < 1e-12 ? 0 : unit.mean(); // SELU's closed form is -6e-17
            checks.add(Claim.withinStandardErrors(unit.name() + ": sample mean = " + WriteUpReport.format(shownMean),
                    unit.mean(), mean.mean(), mean.standardError(), K));
            checks.add(Claim.withinStandardErrors(unit.name() + ": sample variance = "
                    + WriteUpReport.format(unit.variance()), unit.variance(), variance.mean(), variance.standardError(),
                    K));
        }
    }

    private static void fixedPoint(List<Claim> checks) {
        double h = 1e-4;
        double slope = (seluMap(1 + h) - seluMap(1 - h)) / (2 * h);
        // central difference error h^2 |h'''| / 6 is about 1e-9 here; quadrature noise 1e-15 / h = 1e-11
        checks.add(Claim.relative("SELU variance map: h'(1) by central differences = the closed form 0.783 < 1",
                seluMapSlopeAtOne(), slope, 1e-7));
        for (double start : new double[] {4, 0.25}) {
            double q = start;
            for (int layer = 0; layer < 30; layer++) {
                q = seluMap(q);
            }
            // |q - 1| shrinks by about h'(1) = 0.78 per layer: 0.78^30 = 6e-4 times the first gap of 3 or 0.75
            checks.add(new Claim("SELU: 30 layers of h from q = " + WriteUpReport.format(start) + " end within 0.01 of 1",
                    1, q, 0.01));
        }
        checks.add(Claim.relative("ReLU + He: 2 E[ReLU(2Z)^2] = 4, every variance is a fixed point", 4,
                2 * NormalIntegrals.expectation(z -> Math.pow(Ex03ReluFamily.relu(z), 2), 2), INTEGRAL_TOLERANCE));
        checks.add(Claim.inRange("tanh + Xavier: E[tanh(Z)^2] = 0.394 < 1, the variance drifts to 0", 0.39, 0.40,
                NormalIntegrals.standard(z -> Math.pow(Ex02Tanh.tanh(z), 2))));
    }

    /** A 50-layer SELU network with v = 1/n (Xavier with equal fans is LeCun's 1/n), from its own generator. */
    private static List<LayerStats> selu(SplittableRandom random) {
        double[][] x0 = Matrices.gaussian(ROWS, WIDTH, random);
        return Ex10Propagation.forwardStats(x0, DEPTH, WIDTH, Ex09Initialization::xavierNormal, Activations.SELU, random);
    }

    private static void deepSelu(List<Claim> checks, List<LayerStats> stats) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        double farthestMean = 0;
        for (LayerStats s : stats.subList(9, DEPTH)) {
            lowest = Math.min(lowest, s.std());
            highest = Math.max(highest, s.std());
            farthestMean = Math.max(farthestMean, Math.abs(s.mean()));
        }
        checks.add(Claim.inRange("SELU, 50 layers, v = 1/n: lowest std of layers 10-50 is at least 0.8", 0.8, 1,
                lowest));
        checks.add(Claim.inRange("SELU, 50 layers, v = 1/n: highest std of layers 10-50 is at most 1.25", 1, 1.25,
                highest));
        checks.add(Claim.inRange("SELU, 50 layers, v = 1/n: every mean of layers 10-50 is within 0.2 of 0", 0, 0.2,
                farthestMean));
    }

    /** Prints the lab report: the moments table, the SELU variance map, the deep SELU network, every check. */
    public static void main(String[] args) {
        List<Unit> units = units();
        double[][] moments = new double[units.size()][];
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            moments[i] = new double[] {i + 1, u.mean(), u.variance(), u.variance() + u.mean() * u.mean()};
        }
        double[][] map = new double[7][];
        double high = 4;
        double low = 0.25;
        double tanh = 1;
        for (int layer = 0; layer <= 30; layer++) {
            if (layer % 5 == 0) {
                map[layer / 5] = new double[] {layer, high, low, tanh};
            }
            high = seluMap(high);
            low = seluMap(low);
            double std = Math.sqrt(tanh);
            tanh = NormalIntegrals.expectation(z -> Math.pow(Math.tanh(z), 2), std);
        }
        List<LayerStats> stats = selu(new SplittableRandom(SEED + 1)); // the network of the checks
        int[] shown = {1, 2, 5, 10, 20, 30, 40, 50};
        double[][] deep = new double[shown.length][];
        for (int i = 0; i < shown.length; i++) {
            LayerStats s = stats.get(shown[i] - 1);
            deep[i] = new double[] {shown[i], s.mean(), s.std()};
        }
        WriteUps.of(ActivationStatistics.class).report()
                .table("Z ~ N(0, 1), exact values; rows: tanh, ReLU, GELU, SiLU, SELU",
                        List.of("activation", "mean", "variance", "E[f(Z)^2]"), moments)
                .table("Variance maps q -> E[f(sqrt(q) Z)^2] with n v = 1: SELU from 4 and from 0.25, tanh from 1",
                        List.of("layer", "SELU from 4", "SELU from 1/4", "tanh from 1"), map)
                .table("A 50-layer SELU network, v = 1/n, 64 rows x width 64",
                        List.of("layer", "mean", "std"), deep)
                .checks(checks())
                .print();
    }
}
