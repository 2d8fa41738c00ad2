package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex07SmoothActivations;
import workbook.theory.tools.Claim;
import workbook.theory.tools.FiniteDifferences;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">The derivatives of the common activations, derived by hand and measured by
 * finite differences.</span>}{@writeup}
 *
 * <p>The units come from {@citet nair2010} (ReLU), {@citet maas2013} (leaky ReLU), {@citet clevert2016} (ELU),
 * {@citet klambauer2017} (SELU), {@citet hendrycks2016} (GELU), {@citet ramachandran2017} (swish) and
 * {@citet misra2019} (Mish).
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>Each activation is a scalar function applied entry by entry, so its Jacobian is the diagonal matrix
 *       \( \mathrm{diag}(f'(z)) \) and one scalar derivative says everything back-propagation needs.</li>
 *   <li>Where a function has a kink (ReLU and SELU at 0) no derivative exists there; a framework still has to
 *       return a number, and the workbook uses the branch \( x \le 0 \): \( \mathrm{ReLU}'(0) = 0 \),
 *       \( \mathrm{LeakyReLU}'(0) = a \), \( \mathrm{SELU}'(0) = \lambda\alpha \).</li>
 * </ul>
 *
 * {@figure 1}
 * <h2>Derivation</h2>
 * <p><b>Sigmoid.</b> From \( \sigma(x) = (1 + e^{-x})^{-1} \),
 * {@eq sigmoid-slope \sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2} = \sigma(x)\,\frac{e^{-x}}{1 + e^{-x}} = \sigma(x)\,(1 - \sigma(x)).}
 *
 * <p><b>tanh.</b> By the quotient rule on \( (e^x - e^{-x}) / (e^x + e^{-x}) \),
 * {@eq tanh-slope \tanh'(x) = \frac{(e^x + e^{-x})^2 - (e^x - e^{-x})^2}{(e^x + e^{-x})^2} = 1 - \tanh^2 x.}
 *
 * <p><b>ReLU and leaky ReLU.</b> \( \mathrm{ReLU}(z) = \max(z, 0) \) has slope 1 for \( z > 0 \) and 0 for
 * \( z \lt 0 \); at 0 the left slope is 0 and the right slope is 1, and any number in [0, 1] is a subgradient.
 * Leaky ReLU with slope \( a \) has derivative 1 or \( a \).
 *
 * <p><b>Swish.</b> For \( f(z) = z\,\sigma(\beta z) \) the product and chain rules give, with
 * \( s = \sigma(\beta z) \),
 * {@eq swish-slope \frac{\partial f}{\partial z} = s + \beta z\, s(1 - s), \qquad \frac{\partial f}{\partial \beta} = z^2 s (1 - s).}
 * At \( \beta = 0 \) the unit is the line \( z/2 \) (slope 1/2 everywhere, and \( \partial f / \partial\beta = z^2/4 \));
 * as \( \beta \to \infty \), \( s \) becomes a step and \( f \) becomes ReLU. SiLU is \( \beta = 1 \). The second
 * formula is what trains a learnable \( \beta \).
 *
 * <p><b>GELU.</b> The exact GELU is \( x\,\Phi(x) \) with the normal CDF \( \Phi \) and density \( \varphi \), so
 * \( \mathrm{GELU}'(x) = \Phi(x) + x\,\varphi(x) \). Because \( \Phi(-x) = 1 - \Phi(x) \) and \( \varphi \) is
 * even, \( \mathrm{GELU}'(x) + \mathrm{GELU}'(-x) = 1 \). The tanh form
 * \( g(x) = \tfrac12 x (1 + \tanh u) \) with \( u = \sqrt{2/\pi}\,(x + 0.044715\,x^3) \) has
 * {@eq gelu-slope g'(x) = \tfrac12 (1 + \tanh u) + \tfrac12 x\,(1 - \tanh^2 u)\,\sqrt{2/\pi}\,(1 + 3 \cdot 0.044715\,x^2),}
 * which stays within \( 10^{-3} \) of the exact slope (the values agree within \( 5 \times 10^{-4} \)).
 *
 * <p><b>Mish.</b> For \( f(x) = x \tanh(\mathrm{softplus}(x)) \), and \( \mathrm{softplus}' = \sigma \),
 * {@eq mish-slope f'(x) = \tanh(\mathrm{sp}) + x\,(1 - \tanh^2(\mathrm{sp}))\,\sigma(x), \qquad \mathrm{sp} = \mathrm{softplus}(x).}
 * At 0: \( \mathrm{sp}(0) = \ln 2 \) and \( \tanh(\ln 2) = (2 - \tfrac12)/(2 + \tfrac12) = 3/5 \).
 *
 * <p><b>SELU.</b> \( \lambda x \) for \( x > 0 \) and \( \lambda\alpha (e^x - 1) \) otherwise, so the slope is
 * \( \lambda \approx 1.0507 \) on the right and \( \lambda\alpha e^{x} \) on the left, which tends to
 * \( \lambda\alpha \approx 1.7581 \) at 0. SELU is continuous at 0 but its slope jumps there.
 *
 * {@figure 2}
 * {@figure 3}
 *
 * <h2>Result</h2>
 * Together, from {@eqref sigmoid-slope} to {@eqref mish-slope}:
 * \[ \sigma' = \sigma(1 - \sigma), \quad \tanh' = 1 - \tanh^2, \quad \mathrm{ReLU}' = [z > 0], \quad
 *    \mathrm{swish}' = s + \beta z s(1 - s), \quad \mathrm{GELU}' = \Phi + x\varphi, \quad
 *    \mathrm{Mish}' = \tanh(\mathrm{sp}) + x(1 - \tanh^2 \mathrm{sp})\,\sigma. \]
 * Slopes at 0: 1/4 (sigmoid), 1 (tanh), 1/2 (swish for every \( \beta \), GELU), 3/5 (Mish), and by convention
 * 0 (ReLU) and \( \lambda\alpha \) (SELU).
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>Every derivative of {@link Ex01Sigmoid}, {@link Ex02Tanh}, {@link Ex03ReluFamily} and
 *       {@link Ex07SmoothActivations} agrees with a five-point finite difference of the function itself on a grid
 *       of [-6, 6] that keeps away from the kinks ({@link FiniteDifferences}); so does the tanh-form GELU slope
 *       derived above, which no exercise implements.</li>
 *   <li>Swish's slope in \( \beta \) matches a finite difference in \( \beta \); the limits \( \beta = 0 \) and
 *       large \( \beta \) behave as derived.</li>
 *   <li>The slopes at 0 and the kink conventions: the value at 0 is the left one-sided slope.</li>
 *   <li>The GELU symmetry \( \mathrm{GELU}'(x) + \mathrm{GELU}'(-x) = 1 \) and the distance between the two
 *       GELU forms.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=derivatives}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>The slopes of the sigmoid and of tanh are their own values in disguise, \( \sigma(1 - \sigma) \)
 *       {@eqref sigmoid-slope} and \( 1 - \tanh^2 \) {@eqref tanh-slope}: once the forward value is known, the
 *       slope costs one multiplication.</li>
 *   <li>The smooth units have slopes {@eqref swish-slope}, {@eqref gelu-slope} and {@eqref mish-slope} that dip
 *       below 0 for negative enough inputs and rise above 1 right of 0: they are not monotone, unlike ReLU.</li>
 *   <li>At a kink the derivative does not exist; the code picks a convention (ReLU'(0) = 0), and a central
 *       difference across the kink measures the mean of the two one-sided slopes instead.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class ActivationDerivatives {
    /** Nothing here is random; the seed exists for the common shape of write-ups. */
    public static final long SEED = 1L;
    /** The swish parameter used on the grid: not 1, so that a formula that forgets beta fails. */
    private static final double BETA = 1.5;
    /** Grid points keep this far from a kink: the five-point stencil spans +-2 FiniteDifferences.STEP. */
    private static final double KINK_MARGIN = 0.01;
    /** One-sided difference step at a kink: the error of (f(0) - f(-h)) / h is about h |f''| / 2. */
    private static final double ONE_SIDED_STEP = 1e-7;
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double GELU_CUBIC = 0.044715;

    private ActivationDerivatives() {}

    /** Returns the checks; nothing here depends on the seed. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up (deterministic: the seed is not used). */
    public static List<Claim> checks(long seed) {
        List<Claim> checks = new ArrayList<>();
        for (Pair pair : pairs()) {
            checks.add(new Claim(pair.name() + ": the derived slope matches finite differences on [-6, 6]",
                    0, largestFiniteDifferenceGap(pair), FiniteDifferences.TOLERANCE));
        }
        swishInBeta(checks);
        slopesAtZero(checks);
        kinks(checks);
        gelu(checks);
        return checks;
    }

    /** A function and the derivative to test, with a kink at 0 to stay away from (or not). */
    private record Pair(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative, boolean kinkAtZero) {}

    private static List<Pair> pairs() {
        return List.of(
                new Pair("sigmoid", Ex01Sigmoid::sigmoid, Ex01Sigmoid::sigmoidDerivative, false),
                new Pair("tanh", Ex02Tanh::tanh, Ex02Tanh::tanhDerivative, false),
                new Pair("ReLU", Ex03ReluFamily::relu, Ex03ReluFamily::reluDerivative, true),
                new Pair("leaky ReLU (a = 0.01)", x -> Ex03ReluFamily.leakyRelu(x, 0.01),
                        x -> Ex03ReluFamily.leakyReluDerivative(x, 0.01), true),
                new Pair("swish (beta = 1.5)", x -> Ex07SmoothActivations.swish(x, BETA),
                        x -> Ex07SmoothActivations.swishDerivative(x, BETA), false),
                new Pair("GELU (exact)", Ex07SmoothActivations::gelu, Ex07SmoothActivations::geluDerivative, false),
                new Pair("GELU (tanh form, slope derived here)", Ex07SmoothActivations::geluTanh,
                        ActivationDerivatives::geluTanhDerivative, false),
                new Pair("Mish", Ex07SmoothActivations::mish, Ex07SmoothActivations::mishDerivative, false),
                new Pair("SELU", Ex03ReluFamily::selu, Ex03ReluFamily::seluDerivative, true));
    }

    private static double largestFiniteDifferenceGap(Pair pair) {
        double largest = 0;
        for (int i = -600; i <= 600; i += 7) { // step 0.07: lands near, never on, 0 and the integers
            double x = i / 100.0 + 0.003;
            if (pair.kinkAtZero() && Math.abs(x) < KINK_MARGIN) {
                continue;
            }
            double gap = Math.abs(pair.derivative().applyAsDouble(x) - FiniteDifferences.derivative(pair.f(), x));
            largest = Math.max(largest, gap);
        }
        return largest;
    }

    private static void swishInBeta(List<Claim> checks) {
        double largest = 0;
        for (double x : new double[] {-4, -1.2785, -0.3, 0.5, 2, 5}) {
            double numeric = FiniteDifferences.derivative(b -> Ex07SmoothActivations.swish(x, b), BETA);
            largest = Math.max(largest, Math.abs(Ex07SmoothActivations.swishBetaGradient(x, BETA) - numeric));
        }
        checks.add(new Claim("swish: d/dbeta = z^2 s (1 - s) matches finite differences in beta", 0, largest,
                FiniteDifferences.TOLERANCE));
        checks.add(new Claim("swish at beta = 0 is z/2: its slope is 1/2 at z = 3", 0.5,
                Ex07SmoothActivations.swishDerivative(3, 0), 1e-15));
        checks.add(new Claim("swish at beta = 0: d/dbeta = z^2 / 4, 2.25 at z = 3", 2.25,
                Ex07SmoothActivations.swishBetaGradient(3, 0), 1e-15));
        // sigma(50) = 1 - 1.9e-22: the slopes sit within 1e-20 of ReLU's 1 and 0
        checks.add(new Claim("swish at beta = 50 has ReLU's slope 1 at z = 1", 1,
                Ex07SmoothActivations.swishDerivative(1, 50), 1e-15));
        checks.add(new Claim("swish at beta = 50 has ReLU's slope 0 at z = -1", 0,
                Ex07SmoothActivations.swishDerivative(-1, 50), 1e-15));
    }

    private static void slopesAtZero(List<Claim> checks) {
        checks.add(new Claim("sigma'(0) = 1/4", 0.25, Ex01Sigmoid.sigmoidDerivative(0), 0));
        checks.add(new Claim("tanh'(0) = 1", 1, Ex02Tanh.tanhDerivative(0), 0));
        checks.add(new Claim("swish'(0) = 1/2 for beta = 1.5 (for every beta)", 0.5,
                Ex07SmoothActivations.swishDerivative(0, BETA), 0));
        checks.add(new Claim("GELU'(0) = Phi(0) = 1/2", 0.5, Ex07SmoothActivations.geluDerivative(0), 1e-16));
        checks.add(new Claim("Mish'(0) = tanh(ln 2) = 3/5", 0.6, Ex07SmoothActivations.mishDerivative(0), 1e-15));
    }

    private static void kinks(List<Claim> checks) {
        double h = ONE_SIDED_STEP;
        double reluLeft = (Ex03ReluFamily.relu(0) - Ex03ReluFamily.relu(-h)) / h;
        double reluRight = (Ex03ReluFamily.relu(h) - Ex03ReluFamily.relu(0)) / h;
        checks.add(new Claim("ReLU at 0: the left slope is 0", 0, reluLeft, 0));
        checks.add(new Claim("ReLU at 0: the right slope is 1", 1, reluRight, 1e-9));
        checks.add(new Claim("ReLU'(0) takes the left branch: 0", reluLeft, Ex03ReluFamily.reluDerivative(0), 0));
        double seluLeft = (Ex03ReluFamily.selu(0) - Ex03ReluFamily.selu(-h)) / h;
        double seluRight = (Ex03ReluFamily.selu(h) - Ex03ReluFamily.selu(0)) / h;
        double lambdaAlpha = Ex03ReluFamily.SELU_LAMBDA * Ex03ReluFamily.SELU_ALPHA;
        // the left difference is lambda alpha (1 - e^-h) / h = lambda alpha (1 - h/2 + ...): off by ~1e-7
        checks.add(new Claim("SELU at 0: the left slope is lambda alpha = 1.7581", lambdaAlpha, seluLeft, 1e-6));
        checks.add(new Claim("SELU at 0: the right slope is lambda = 1.0507", Ex03ReluFamily.SELU_LAMBDA, seluRight,
                1e-8));
        checks.add(new Claim("SELU'(0) takes the left branch: lambda alpha", lambdaAlpha,
                Ex03ReluFamily.seluDerivative(0), 1e-15));
        checks.add(new Claim("LeakyReLU'(0) takes the left branch: the slope a = 0.01", 0.01,
                Ex03ReluFamily.leakyReluDerivative(0, 0.01), 0));
    }

    private static void gelu(List<Claim> checks) {
        double symmetry = 0;
        double valueGap = 0;
        double slopeGap = 0;
        for (int i = -1000; i <= 1000; i++) {
            double x = i / 100.0;
            symmetry = Math.max(symmetry, Math.abs(Ex07SmoothActivations.geluDerivative(x)
                    + Ex07SmoothActivations.geluDerivative(-x) - 1));
            valueGap = Math.max(valueGap, Math.abs(Ex07SmoothActivations.geluTanh(x) - Ex07SmoothActivations.gelu(x)));
            slopeGap = Math.max(slopeGap, Math.abs(geluTanhDerivative(x) - Ex07SmoothActivations.geluDerivative(x)));
        }
        checks.add(new Claim("GELU'(x) + GELU'(-x) = 1 on [-10, 10]", 0, symmetry, 1e-15));
        checks.add(Claim.inRange("the tanh form of GELU stays within 5e-4 of x Phi(x) on [-10, 10]", 0, 5e-4, valueGap));
        checks.add(Claim.inRange("... and its slope within 1e-3 of Phi(x) + x phi(x)", 0, 1e-3, slopeGap));
    }

    /** The slope of the tanh-form GELU, derived in the class comment (no exercise implements it). */
    static double geluTanhDerivative(double x) {
        double t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x));
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
    }

    /** Prints the lab report: every slope at a few points, then the checks. */
    public static void main(String[] args) {
        double[] xs = {-3, -1, 0, 1, 3};
        List<String> columns = new ArrayList<>(List.of("function"));
        for (double x : xs) {
            columns.add("f'(" + WriteUpReport.format(x) + ")");
        }
        List<Pair> pairs = pairs();
        List<String> names = new ArrayList<>();
        double[][] rows = new double[pairs.size()][xs.length];
        for (int p = 0; p < pairs.size(); p++) {
            names.add(pairs.get(p).name());
            for (int i = 0; i < xs.length; i++) {
                rows[p][i] = pairs.get(p).derivative().applyAsDouble(xs[i]);
            }
        }
        WriteUps.of(ActivationDerivatives.class).report()
                .table("Slopes of the activations (the value at 0 follows the kink convention)", columns, names, rows)
                .checks(checks())
                .print();
    }
}
