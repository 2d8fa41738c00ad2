package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex09Initialization;
import workbook.theory.engine.Matrices;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.NormalIntegrals;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">Kaiming (He) initialization: ReLU switches off half of its inputs, so the
 * weights must carry twice the variance that Xavier gives them; and no affine map can make ReLU symmetric
 * instead.</span>}{@writeup}
 *
 * <p>The rule is due to {@citet he2015}, for the rectifiers of {@citet nair2010} and {@citet krizhevsky2012}; it corrects
 * Xavier's rule {@eqref 8 xavier} {@cite glorot2010} by the factor 2 derived here.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>Layer \( l \) computes \( z_l = a_{l-1} W_l \) and \( a_l = \mathrm{ReLU}(z_l) \), without
 *       bias (a sample is a row); \( W_l \) has \( n_{\text{in}} \) rows and \( n_{\text{out}} \) columns.</li>
 *   <li>The weights are independent, identically distributed, symmetric about 0 with variance \( v \), and
 *       independent of the layer's input. Different layers' weights are independent.</li>
 *   <li>Xavier's assumption "the activation is odd" is replaced by one that ReLU networks do satisfy: the
 *       pre-activations \( z \) are symmetric about 0. Zero-mean symmetric weights deliver that, whatever the mean of
 *       the inputs: \( z \) and \( -z \) arise from \( W \) and \( -W \), which are equally likely.</li>
 * </ul>
 *
 * {@figure 6}
 * <h2>Derivation</h2>
 * <p><b>One unit, forward.</b> For \( z_j = \sum_i a_i W_{ij} \), the cross terms of \( E[z_j^2] \) vanish because
 * the weights have mean 0 and are independent of the inputs, so
 * {@eq forward-unit \mathrm{Var}[z_j] = n_{\text{in}}\, v\, E[a_i^2].}
 * It is the second moment \( E[a^2] \), not the variance of \( a \), that enters: ReLU outputs have a positive
 * mean. For a pre-activation symmetric about 0, the positive half carries half of the second moment:
 * {@eq half-moment E[\mathrm{ReLU}(z)^2] = E[z^2\, 1\{z > 0\}] = \tfrac12 E[z^2] = \tfrac12 \mathrm{Var}[z].}
 * No Gaussian is needed for this, only symmetry. Chaining {@eqref forward-unit} and {@eqref half-moment},
 * {@eq forward \mathrm{Var}[z_l] = \tfrac12\, n_{\text{in}}\, v\, \mathrm{Var}[z_{l-1}],}
 * and the variance stays the same from layer to layer exactly when \( \tfrac12 n_{\text{in}} v = 1 \), that is
 * \( v = 2/n_{\text{in}} \). The first layer is the exception: its input is the data, not a ReLU output, so it keeps
 * \( \mathrm{Var}[z_1] = n_0\, v\, E[x^2] \).
 *
 * <p><b>Backward.</b> The gradient at a pre-activation is
 * \[ \delta_{l-1,i} = \mathrm{ReLU}'(z_{l-1,i}) \sum_j W_{l,ij}\, \delta_{l,j} , \]
 * and \( E[\mathrm{ReLU}'(z)^2] = P(z > 0) = \tfrac12 \), so
 * {@eq backward \mathrm{Var}[\delta_{l-1}] = \tfrac12\, n_{\text{out}}\, v\, \mathrm{Var}[\delta_l] ,}
 * and the backward pass wants \( v = 2/n_{\text{out}} \).
 *
 * <p><b>The compromise.</b> As with Xavier, take the harmonic mean of the two demands of {@eqref forward} and
 * {@eqref backward},
 * \( \frac{n_{\text{in}} + n_{\text{out}}}{4} v = 1 \):
 * {@eq compromise v = \frac{4}{n_{\text{in}} + n_{\text{out}}}, \qquad \gamma = \sqrt{\frac{4}{n_{\text{in}} + n_{\text{out}}}} \text{ for } N(0, \gamma^2),
 *    \qquad d = \sqrt{\frac{12}{n_{\text{in}} + n_{\text{out}}}} \text{ for } U(-d, d),}
 * since \( U(-d, d) \) has variance \( d^2/3 \). It is exactly twice Xavier's variance: the factor 2 pays for the
 * half of the units that ReLU switches off. Frameworks usually pick one direction instead, the fan-in mode of {@eqref forward},
 * {@eq fan-in v = \frac{2}{n_{\text{in}}}} ({@link Ex09Initialization#heStd Ex09Initialization.heStd}), which keeps the forward signal
 * exactly. With unequal widths the compromise keeps neither direction exactly: each layer multiplies the forward
 * second moment by
 * \( 2n_{\text{in}}/(n_{\text{in}} + n_{\text{out}}) \) and the backward one by \( 2n_{\text{out}}/(n_{\text{in}} + n_{\text{out}}) \).
 *
 * <p><b>Exact at any width.</b> With Gaussian weights the argument needs no large-width limit: given the
 * previous layer, each \( z_j \) is exactly \( N(0, v \lVert a \rVert^2) \), so the mean square of a layer's
 * outputs is the previous one times a random factor with mean \( \tfrac12 n_{\text{in}} v \). For He weights that
 * factor has mean 1 and variance \( 5/n_{\text{out}} \) (from \( E[\mathrm{ReLU}(\xi)^4] = \tfrac32 \)): the mean is kept
 * exactly, and a single network wanders around it, the more the deeper and narrower it is.
 *
 * <p><b>Why not make ReLU symmetric instead.</b> For the sigmoid an affine map did the job ({@writeup 9}, whose
 * {@eqref 9 xavier-ready} makes it odd with slope 1). Any
 * affine variant of ReLU, \( f(x) = c_1 \mathrm{ReLU}(px + q) + c_0 \) with \( c_1 p \ne 0 \), is constant on the
 * half-line where \( px + q \le 0 \) and a line of slope \( c_1 p \) on the other. An odd function that is
 * constant on one side is constant on the other side too, so \( f \) cannot be odd. Concretely, from
 * \( \mathrm{ReLU}(x) + \mathrm{ReLU}(-x) = |x| \),
 * \[ f(x) + f(-x) = c_1 \left(|p|\,|x| + q\right) + 2c_0 \quad \text{for } |x| \ge |q/p|, \]
 * a defect that grows without bound. So Kaiming keeps the variance argument and drops the symmetry of the
 * activation, asking it of the pre-activations instead.
 *
 * {@figure 10}
 *
 * <h2>Result</h2>
 * \[ E[\mathrm{ReLU}(z)^2] = \tfrac12 \mathrm{Var}[z], \qquad v_{\text{fan-in}} = \frac{2}{n_{\text{in}}}, \qquad
 *    v = \frac{4}{n_{\text{in}} + n_{\text{out}}}, \quad \gamma = \frac{2}{\sqrt{n_{\text{in}} + n_{\text{out}}}}, \quad
 *    d = \sqrt{\frac{12}{n_{\text{in}} + n_{\text{out}}}}. \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>\( E[\mathrm{ReLU}(z)^2] = \tfrac12 E[z^2] \), with {@link Ex03ReluFamily#relu Ex03ReluFamily.relu}: by
 *       integration for \( z \sim N(0, 1.7^2) \), and by Monte Carlo for the non-Gaussian \( z \sim U(-1, 1) \)
 *       (within 4 standard errors); \( P(\mathrm{ReLU}'(z) = 1) = \tfrac12 \) with
 *       {@link Ex03ReluFamily#reluDerivative Ex03ReluFamily.reluDerivative}.</li>
 *   <li>{@link Ex09Initialization#kaimingCompromiseStd Ex09Initialization.kaimingCompromiseStd} squared is the
 *       harmonic mean of \( 2/n_{\text{in}} \) and \( 2/n_{\text{out}} \) and twice Xavier's variance; it equals
 *       {@link Ex09Initialization#heStd Ex09Initialization.heStd} when the fans are equal;
 *       {@link Ex09Initialization#kaimingCompromiseBound Ex09Initialization.kaimingCompromiseBound} gives a uniform
 *       distribution whose variance (Commons Math) is \( 4/(n_{\text{in}} + n_{\text{out}}) \); He's std is the ReLU gain over
 *       \( \sqrt{n_{\text{in}}} \).</li>
 *   <li>The variance the drawn matrices imply: the mean square of the entries of
 *       {@link Ex09Initialization#heNormal Ex09Initialization.heNormal},
 *       {@link Ex09Initialization#heUniform Ex09Initialization.heUniform} and of a compromise-uniform matrix is
 *       \( 2/n_{\text{in}} \), \( 2/n_{\text{in}} \) and \( 4/(n_{\text{in}} + n_{\text{out}}) \), within 4 standard errors.</li>
 *   <li>Monte Carlo over 1000 independent six-layer ReLU networks of unequal widths: the mean square of the last
 *       layer is exactly as predicted, 1 for He (fan-in), \( \prod n_{\text{in}}/(n_{\text{in}} + n_{\text{out}}) \) for Xavier and
 *       \( \prod 2n_{\text{in}}/(n_{\text{in}} + n_{\text{out}}) \) for the compromise, within 4 standard errors.</li>
 *   <li>\( \mathrm{ReLU}(x) + \mathrm{ReLU}(-x) = |x| \), and for 1000 random affine variants \( f \), the defect
 *       \( f(x) + f(-x) \) changes by exactly \( 10 c_1 |p| \) from \( x = 10 \) to \( x = 20 \).</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=kaiming}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>ReLU keeps half of the second moment of a symmetric pre-activation {@eqref half-moment}, so a ReLU layer
 *       halves the variance that Xavier's rule would keep.</li>
 *   <li>He's fan-in rule \( v = 2/n_{\text{in}} \) {@eqref fan-in} keeps the forward signal exactly, at any width
 *       with Gaussian weights; the compromise \( 4/(n_{\text{in}} + n_{\text{out}}) \) {@eqref compromise} is
 *       twice Xavier's and keeps neither direction exactly when the widths differ.</li>
 *   <li>No affine map makes ReLU odd: Kaiming asks for symmetric pre-activations instead of a symmetric
 *       activation.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class KaimingInitialization {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_010L;
    /** Monte Carlo tolerance in standard errors: a chance failure has probability about 6e-5 per check. */
    private static final double K = 4;
    /** The fans of the example layer. */
    private static final int N_IN = 256;
    private static final int N_OUT = 128;
    /** Widths of the Monte Carlo networks, input first: unequal on purpose, so that fan-in and fan-out differ. */
    private static final int[] WIDTHS = {24, 48, 16, 32, 24, 40, 32};
    private static final int NETWORKS = 1000;
    private static final int SAMPLES = 100_000;
    private static final int AFFINE_VARIANTS = 1000;

    private KaimingInitialization() {}

    /** A way to draw one layer's weights, with the factor by which it multiplies the forward mean square. */
    private enum Scheme {
        HE("He (fan-in) 2/n_in"),
        XAVIER("Xavier 2/(n_in+n_out)"),
        COMPROMISE("compromise 4/(n_in+n_out)");

        final String label;

        Scheme(String label) {
            this.label = label;
        }

        double[][] draw(int fanIn, int fanOut, SplittableRandom random) {
            return switch (this) {
                case HE -> Ex09Initialization.heNormal(fanIn, fanOut, random);
                case XAVIER -> Ex09Initialization.xavierNormal(fanIn, fanOut, random);
                case COMPROMISE -> {
                    double std = Ex09Initialization.kaimingCompromiseStd(fanIn, fanOut);
                    double[][] w = new double[fanIn][fanOut];
                    for (double[] row : w) {
                        for (int j = 0; j < fanOut; j++) {
                            row[j] = std * random.nextGaussian();
                        }
                    }
                    yield w;
                }
            };
        }

        /** (1/2) n_in v: the expected factor of the mean square per ReLU layer, from the derivation. */
        double gain(int fanIn, int fanOut) {
            double v = switch (this) {
                case HE -> 2.0 / fanIn;
                case XAVIER -> 2.0 / (fanIn + fanOut);
                case COMPROMISE -> 4.0 / (fanIn + fanOut);
            };
            return 0.5 * fanIn * v;
        }

        double predictedMeanSquare() {
            double product = 1;
            for (int l = 1; l < WIDTHS.length; l++) {
                product *= gain(WIDTHS[l - 1], WIDTHS[l]);
            }
            return product; // times E[x^2] = 1 for the N(0, 1) input
        }
    }

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        halving(checks, random);
        formulas(checks);
        impliedVariances(checks, random);
        for (Scheme scheme : Scheme.values()) {
            MonteCarlo.Estimate estimate = lastLayerMeanSquare(scheme, random);
            checks.add(Claim.withinStandardErrors(scheme.label + ": mean square after 6 ReLU layers of widths "
                            + "24-48-16-32-24-40-32 = " + WriteUpReport.format(scheme.predictedMeanSquare()),
                    scheme.predictedMeanSquare(), estimate.mean(), estimate.standardError(), K));
        }
        noSymmetricRelu(checks, random);
        return checks;
    }

    private static void halving(List<Claim> checks, SplittableRandom random) {
        double std = 1.7;
        double second = NormalIntegrals.expectation(z -> Math.pow(Ex03ReluFamily.relu(z), 2), std);
        // Gauss-Legendre on pieces split at the kink: accurate to about 1e-15 relative
        checks.add(Claim.relative("z ~ N(0, 1.7^2): E[ReLU(z)^2] = Var[z] / 2 = 1.445", std * std / 2, second,
                1e-13));
        double[] squares = new double[SAMPLES];
        long active = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double z = random.nextDouble(-1, 1);
            squares[i] = Math.pow(Ex03ReluFamily.relu(z), 2);
            active += (long) Ex03ReluFamily.reluDerivative(z);
        }
        // standard error of a sample mean: s / sqrt(n), s the sample standard deviation
        MonteCarlo.Estimate uniform = MonteCarlo.estimate(squares);
        checks.add(Claim.withinStandardErrors("z ~ U(-1, 1), not Gaussian: E[ReLU(z)^2] = E[z^2] / 2 = 1/6",
                1.0 / 6, uniform.mean(), uniform.standardError(), K));
        // binomial standard error sqrt(p (1 - p) / n) at p = 1/2
        MonteCarlo.Estimate open = MonteCarlo.proportion(active, SAMPLES, 0.5);
        checks.add(Claim.withinStandardErrors("E[ReLU'(z)^2] = P(z > 0) = 1/2: the backward pass also halves",
                0.5, open.mean(), open.standardError(), K));
    }

    private static void formulas(List<Claim> checks) {
        double v = Math.pow(Ex09Initialization.kaimingCompromiseStd(N_IN, N_OUT), 2);
        double forward = 2.0 / N_IN;
        double backward = 2.0 / N_OUT;
        double harmonic = 2 * forward * backward / (forward + backward);
        checks.add(Claim.relative("compromise variance (n_in, n_out) = (256, 128) is the harmonic mean of 2/n_in "
                + "and 2/n_out", harmonic, v, 1e-15));
        checks.add(Claim.relative("... and twice Xavier's variance",
                2 * Math.pow(Ex09Initialization.xavierStd(N_IN, N_OUT), 2), v, 1e-15));
        checks.add(Claim.relative("with equal fans (128, 128) the compromise is He's fan-in std",
                Ex09Initialization.heStd(N_OUT), Ex09Initialization.kaimingCompromiseStd(N_OUT, N_OUT), 1e-15));
        double d = Ex09Initialization.kaimingCompromiseBound(N_IN, N_OUT);
        checks.add(Claim.relative("U(-d, d) with d = kaimingCompromiseBound has variance 4/(n_in + n_out) "
                        + "(Commons Math)", 4.0 / (N_IN + N_OUT),
                new UniformRealDistribution(-d, d).getNumericalVariance(), 1e-14));
        checks.add(Claim.relative("He's std is the ReLU gain sqrt(2) over sqrt(n_in)",
                Ex09Initialization.gain("relu", 0) / Math.sqrt(N_IN), Ex09Initialization.heStd(N_IN), 1e-15));
    }

    private static void impliedVariances(List<Claim> checks, SplittableRandom random) {
        double bound = Ex09Initialization.kaimingCompromiseBound(N_IN, N_OUT);
        double[][] compromise = new double[N_IN][N_OUT];
        for (double[] row : compromise) {
            for (int j = 0; j < N_OUT; j++) {
                row[j] = random.nextDouble(-bound, bound);
            }
        }
        addSecondMoment(checks, "heNormal(256, 128): mean square of the entries = 2/n_in",
                Ex09Initialization.heNormal(N_IN, N_OUT, random), 2.0 / N_IN);
        addSecondMoment(checks, "heUniform(256, 128): mean square of the entries = 2/n_in",
                Ex09Initialization.heUniform(N_IN, N_OUT, random), 2.0 / N_IN);
        addSecondMoment(checks, "U(-d, d) entries, d = kaimingCompromiseBound(256, 128): mean square = 4/(n_in + "
                + "n_out)", compromise, 4.0 / (N_IN + N_OUT));
    }

    private static void addSecondMoment(List<Claim> checks, String claim, double[][] w, double expected) {
        double[] squares = new double[w.length * w[0].length];
        int k = 0;
        for (double[] row : w) {
            for (double x : row) {
                squares[k++] = x * x;
            }
        }
        // the mean is known to be 0, so the mean of the squares estimates the variance; its standard error is
        // s / sqrt(n) with s the sample standard deviation of the squares
        MonteCarlo.Estimate estimate = MonteCarlo.estimate(squares);
        checks.add(Claim.withinStandardErrors(claim, expected, estimate.mean(), estimate.standardError(), K));
    }

    /** Mean square of the last layer's outputs, one sample per independent network with one N(0, I) input. */
    private static MonteCarlo.Estimate lastLayerMeanSquare(Scheme scheme, SplittableRandom random) {
        double[] samples = new double[NETWORKS];
        for (int n = 0; n < NETWORKS; n++) {
            double[][] a = Matrices.gaussian(1, WIDTHS[0], random);
            for (int l = 1; l < WIDTHS.length; l++) {
                a = Matrices.apply(Matrices.multiply(a, scheme.draw(WIDTHS[l - 1], WIDTHS[l], random)), Ex03ReluFamily::relu);
            }
            samples[n] = Matrices.meanSquare(a);
        }
        // the networks are independent, so the standard error is s / sqrt(NETWORKS)
        return MonteCarlo.estimate(samples);
    }

    private static void noSymmetricRelu(List<Claim> checks, SplittableRandom random) {
        double gap = 0;
        for (int i = -2000; i <= 2000; i++) {
            double x = i / 100.0;
            gap = Math.max(gap, Math.abs(Ex03ReluFamily.relu(x) + Ex03ReluFamily.relu(-x) - Math.abs(x)));
        }
        checks.add(new Claim("ReLU(x) + ReLU(-x) = |x| on [-20, 20]", 0, gap, 0));
        double worst = 0;
        for (int i = 0; i < AFFINE_VARIANTS; i++) {
            double c1 = sign(random) * random.nextDouble(0.5, 2);
            double p = sign(random) * random.nextDouble(0.5, 2);
            double q = random.nextDouble(-1, 1);
            double c0 = random.nextDouble(-1, 1);
            double growth = defect(c1, p, q, c0, 20) - defect(c1, p, q, c0, 10);
            double predicted = Math.copySign(10 * Math.abs(c1 * p), c1);
            worst = Math.max(worst, Math.abs(growth - predicted) / Math.abs(predicted));
        }
        // each defect is a sum of terms of size up to 2 * 2 * 21: rounding is a few 1e-15 of the growth
        checks.add(new Claim("1000 random f(x) = c1 ReLU(px + q) + c0: f(x) + f(-x) changes by 10 c1 |p| from "
                + "x = 10 to x = 20 (largest relative gap)", 0, worst, 1e-13));
    }

    private static double defect(double c1, double p, double q, double c0, double x) {
        return c1 * Ex03ReluFamily.relu(p * x + q) + c0 + c1 * Ex03ReluFamily.relu(-p * x + q) + c0;
    }

    private static double sign(SplittableRandom random) {
        return random.nextBoolean() ? 1 : -1;
    }

    /** Prints the lab report: the three variances for the example layer, the Monte Carlo, every check. */
    public static void main(String[] args) {
        double xavier = Math.pow(Ex09Initialization.xavierStd(N_IN, N_OUT), 2);
        double he = Math.pow(Ex09Initialization.heStd(N_IN), 2);
        double compromise = Math.pow(Ex09Initialization.kaimingCompromiseStd(N_IN, N_OUT), 2);
        double[][] scales = {
            {xavier, Ex09Initialization.xavierStd(N_IN, N_OUT), Ex09Initialization.xavierUniformBound(N_IN, N_OUT)},
            {he, Ex09Initialization.heStd(N_IN), Ex09Initialization.heUniformBound(N_IN)},
            {compromise, Ex09Initialization.kaimingCompromiseStd(N_IN, N_OUT),
                Ex09Initialization.kaimingCompromiseBound(N_IN, N_OUT)}};
        List<Claim> checks = checks();
        List<double[]> mc = new ArrayList<>();
        for (Claim claim : checks) {
            if (claim.statement().contains("mean square after 6 ReLU layers")) {
                mc.add(new double[] {mc.size() + 1, claim.expected(), claim.observed(), claim.tolerance() / K});
            }
        }
        WriteUps.of(KaimingInitialization.class).report()
                .table("Rows: Xavier, He (fan-in), compromise, for n_in = 256, n_out = 128",
                        List.of("variance", "normal std", "uniform bound"), scales)
                .table("Mean square after 6 ReLU layers (widths 24-48-16-32-24-40-32), 1000 networks; "
                                + "1 = He, 2 = Xavier, 3 = compromise",
                        List.of("scheme", "predicted", "measured", "std error"), mc.toArray(double[][]::new))
                .checks(checks)
                .print();
    }
}
