package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import workbook.exercises.Ex05Softmax;
import workbook.exercises.Ex06SoftmaxJacobian;
import workbook.theory.tools.Claim;
import workbook.theory.tools.FiniteDifferences;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">Softmax, its temperature and entropy, its Jacobian, and the gradient of
 * cross-entropy.</span>}{@writeup}
 *
 * <p>Softmax, its temperature and the cross-entropy gradient are treated in {@cite goodfellow2016}, section
 * 6.2.2.3, and {@cite zhang2023}, section 4.1.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>Logits \( z \in \mathbb{R}^n \) become probabilities \( s_i = e^{z_i} / \sum_k e^{z_k} \); with a
 *       temperature \( T > 0 \), \( s = \mathrm{softmax}(z / T) \).</li>
 *   <li>The loss for the true class \( y \) is the cross-entropy \( L = -\log s_y \).</li>
 * </ul>
 *
 * {@figure 5}
 * <h2>Derivation</h2>
 * <p><b>Stable forms.</b> Adding a constant \( c \) to every logit multiplies numerator and denominator by
 * \( e^{c} \), so \( \mathrm{softmax}(z + c\mathbf{1}) = \mathrm{softmax}(z) \). Choosing
 * \( c = -m \), \( m = \max_k z_k \), makes every exponent at most 0 (nothing overflows) and one term exactly 1
 * (the denominator is at least 1). For logarithms,
 * {@eq logsumexp \log \sum_k e^{z_k} = m + \log \sum_k e^{z_k - m}, \qquad \log s_i = z_i - \log \sum_k e^{z_k},}
 * which stay finite where \( s_i \) itself underflows to 0 and \( \log s_i \) would be \( -\infty \).
 *
 * <p><b>Temperature and entropy.</b> The ratio \( s_j / s_{\max} = e^{(z_j - z_{\max})/T} \) tends to 0 as
 * \( T \to 0 \) (one-hot on the argmax) and to 1 as \( T \to \infty \) (uniform). Write
 * \( \beta = 1/T \) and \( Z = \sum_k e^{\beta z_k} \); the entropy is
 * \( H = -\sum_i s_i \log s_i = \log Z - \beta\,E_s[z] \). Since \( d \log Z / d\beta = E_s[z] \) and
 * \( dE_s[z]/d\beta = \mathrm{Var}_s(z) \),
 * {@eq entropy-slope \frac{dH}{d\beta} = -\beta\,\mathrm{Var}_s(z), \qquad \frac{dH}{dT} = \frac{\mathrm{Var}_s(z)}{T^3} \ge 0,}
 * so entropy grows with temperature, from 0 to \( \log n \).
 *
 * <p><b>The Jacobian.</b> Differentiating \( s_i = e^{z_i} / Z \) gives \( \partial s_i / \partial z_j =
 * s_i (\delta_{ij} - s_j) \), that is
 * {@eq jacobian J = \mathrm{diag}(s) - s s^{T}.}
 * It is symmetric. Its rows sum to 0: \( J\mathbf{1} = s - s\,(s^T \mathbf{1}) = 0 \), the infinitesimal form
 * of shift invariance. For any \( v \),
 * \[ v^T J v = \sum_i s_i v_i^2 - \Big(\sum_i s_i v_i\Big)^2 = \mathrm{Var}_{i \sim s}(v_i) \ge 0, \]
 * so \( J \) is positive semi-definite, and when every \( s_i > 0 \) the variance vanishes only for constant
 * \( v \): the null space is spanned by \( \mathbf{1} \) and the rank is \( n - 1 \). Its trace is
 * \( 1 - \lVert s \rVert^2 \). A product never needs \( J \): \( Jv = s \odot (v - (s^T v)\mathbf{1}) \), in
 * \( O(n) \).
 *
 * <p><b>Cross-entropy.</b> \( L = \log \sum_k e^{z_k} - z_y \), and the gradient of the first term is \( s \):
 * {@eq ce-gradient \nabla_z L = s - e_y.}
 * Its entries sum to 0, only the true class's entry is negative, each lies in \( (-1, 1) \), and the Hessian of
 * \( L \) is \( J \), positive semi-definite: cross-entropy is convex in the logits.
 *
 * <h2>Result</h2>
 * {@eqref logsumexp}, {@eqref entropy-slope}, {@eqref jacobian} and {@eqref ce-gradient} in one line:
 * \[ \mathrm{softmax}(z) = \mathrm{softmax}(z - \max z), \quad \frac{dH}{dT} = \frac{\mathrm{Var}_s(z)}{T^3}, \quad
 *    J = \mathrm{diag}(s) - ss^T \succeq 0,\ J\mathbf{1} = 0,\ \mathrm{rank}\,J = n - 1, \quad
 *    \nabla_z L = s - e_y. \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>{@link Ex05Softmax}: shift invariance at +1000, exact values at [1000, 999, 998], log-sum-exp and
 *       log-softmax where the naive log underflows, the temperature limits, entropy growing with T, and
 *       \( dH/dT \) against a finite difference.</li>
 *   <li>{@link Ex06SoftmaxJacobian#jacobian Ex06SoftmaxJacobian.jacobian} against a finite-difference Jacobian of {@link Ex05Softmax#softmax Ex05Softmax.softmax};
 *       symmetry, zero row sums, eigenvalues (Commons Math) non-negative with exactly one zero along
 *       \( \mathbf{1} \), the quadratic form as a variance, the trace, and the O(n) product.</li>
 *   <li>{@link Ex06SoftmaxJacobian#crossEntropyGradient Ex06SoftmaxJacobian.crossEntropyGradient} against finite differences of the loss, equal to
 *       \( s - e_y \), stable at \( \pm 1000 \), with the Jacobian as its own derivative (the Hessian).</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=softmax}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>Subtracting the maximum changes nothing mathematically and everything numerically {@eqref logsumexp}.</li>
 *   <li>Raising the temperature never lowers the entropy {@eqref entropy-slope}.</li>
 *   <li>The Jacobian \( \mathrm{diag}(s) - ss^T \) {@eqref jacobian} is positive semi-definite with rank
 *       \( n - 1 \); through cross-entropy the gradient is simply \( s - e_y \) {@eqref ce-gradient}.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class SoftmaxCalculus {
    /** The seed of the random vectors in {@link #checks()}. */
    public static final long SEED = 20_240_004L;
    /** Example logits, used throughout. */
    private static final double[] NOTEBOOK_LOGITS = {2, 1, -1};
    /** Four logits for the Jacobian: n = 4, so rank n - 1 = 3 says something. */
    private static final double[] LOGITS = {2, 1, -1, 0.5};
    /** A few ulps of numbers of order 1. */
    private static final double ULPS = 1e-15;

    private SoftmaxCalculus() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        stableForms(checks);
        temperature(checks);
        jacobian(checks, random);
        crossEntropy(checks);
        return checks;
    }

    private static void stableForms(List<Claim> checks) {
        double[] shifted = new double[NOTEBOOK_LOGITS.length];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = NOTEBOOK_LOGITS[i] + 1000;
        }
        checks.add(new Claim("softmax(z + 1000) = softmax(z)", 0, FiniteDifferences.maxDifference(
                Ex05Softmax.softmax(shifted), Ex05Softmax.softmax(NOTEBOOK_LOGITS)), ULPS));
        double[] large = Ex05Softmax.softmax(new double[] {1000, 999, 998});
        double norm = 1 + Math.exp(-1) + Math.exp(-2);
        checks.add(new Claim("softmax(1000, 999, 998) = (1, e^-1, e^-2) / (1 + e^-1 + e^-2)", 0,
                FiniteDifferences.maxDifference(large, new double[] {1 / norm, Math.exp(-1) / norm, Math.exp(-2) / norm}),
                ULPS));
        checks.add(new Claim("logsumexp(1000, 1000) = 1000 + ln 2", 1000 + Math.log(2),
                Ex05Softmax.logSumExp(new double[] {1000, 1000}), 1e-12));
        double[] far = {0, -800};
        checks.add(new Claim("log of softmax(0, -800) underflows: log(s_2) = -Infinity", Double.NEGATIVE_INFINITY,
                Math.log(Ex05Softmax.softmax(far)[1]), 0));
        checks.add(new Claim("... while log-softmax gives z_2 - logsumexp(z) = -800", -800,
                Ex05Softmax.logSoftmax(far)[1], 1e-12));
    }

    private static void temperature(List<Claim> checks) {
        double[] cold = Ex05Softmax.softmax(NOTEBOOK_LOGITS, 0.05);
        // 1 - s_max = (e^-20 + e^-60) / (1 + ...) = 2.1e-9
        checks.add(Claim.inRange("T = 0.05: softmax is one-hot on the argmax (s_max > 1 - 1e-8)", 1 - 1e-8, 1, cold[0]));
        double[] hot = Ex05Softmax.softmax(NOTEBOOK_LOGITS, 1e4);
        double spread = 0;
        for (double p : hot) {
            spread = Math.max(spread, Math.abs(p - 1.0 / 3));
        }
        // s_i - 1/3 = (z_i - mean z) / (3T) + O(1/T^2), at most 1.7 / 3e4 = 6e-5
        checks.add(Claim.inRange("T = 10^4: softmax is uniform within 1e-4", 0, 1e-4, spread));
        boolean increasing = true;
        double previous = -1;
        for (int i = -26; i <= 40; i++) {
            double entropy = entropyAt(Math.pow(10, i / 10.0));
            increasing &= entropy > previous;
            previous = entropy;
        }
        checks.add(Claim.isTrue("entropy grows with T on [0.0025, 10^4]", increasing));
        checks.add(new Claim("entropy at T = 10^6 is ln 3", Math.log(3), entropyAt(1e6), 1e-9));
        for (double t : new double[] {0.5, 1, 2}) {
            double[] s = Ex05Softmax.softmax(NOTEBOOK_LOGITS, t);
            double predicted = variance(s, NOTEBOOK_LOGITS) / (t * t * t);
            checks.add(new Claim("dH/dT = Var_s(z) / T^3 at T = " + WriteUpReport.format(t), predicted,
                    FiniteDifferences.derivative(SoftmaxCalculus::entropyAt, t), FiniteDifferences.TOLERANCE));
        }
    }

    private static double entropyAt(double temperature) {
        return Ex05Softmax.entropy(Ex05Softmax.softmax(NOTEBOOK_LOGITS, temperature));
    }

    private static void jacobian(List<Claim> checks, SplittableRandom random) {
        double[] s = Ex05Softmax.softmax(LOGITS);
        double[][] j = Ex06SoftmaxJacobian.jacobian(s);
        int n = s.length;
        checks.add(new Claim("J = diag(s) - s s^T matches a finite-difference Jacobian of softmax", 0,
                FiniteDifferences.maxDifference(j, FiniteDifferences.jacobian(Ex05Softmax::softmax, LOGITS)),
                FiniteDifferences.TOLERANCE));
        double rowSums = 0;
        double asymmetry = 0;
        double trace = 0;
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int c = 0; c < n; c++) {
                sum += j[r][c];
                asymmetry = Math.max(asymmetry, Math.abs(j[r][c] - j[c][r]));
            }
            rowSums = Math.max(rowSums, Math.abs(sum));
            trace += j[r][r];
        }
        checks.add(new Claim("the rows of J sum to 0 (shift invariance)", 0, rowSums, ULPS));
        checks.add(new Claim("J is symmetric", 0, asymmetry, 0));
        checks.add(new Claim("trace J = 1 - |s|^2", 1 - dot(s, s), trace, ULPS));

        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(j));
        double smallest = Double.POSITIVE_INFINITY;
        int positive = 0;
        int nullIndex = 0;
        double[] values = eigen.getRealEigenvalues();
        for (int i = 0; i < values.length; i++) {
            positive += values[i] > 1e-12 ? 1 : 0;
            if (values[i] < smallest) {
                smallest = values[i];
                nullIndex = i;
            }
        }
        checks.add(new Claim("the smallest eigenvalue of J is 0 (J is positive semi-definite)", 0, smallest, ULPS));
        checks.add(new Claim("J has n - 1 = 3 positive eigenvalues: rank n - 1", n - 1, positive, 0));
        double[] nullVector = eigen.getEigenvector(nullIndex).toArray();
        double cosine = Math.abs(dot(nullVector, new double[] {1, 1, 1, 1})) / (Math.sqrt(dot(nullVector, nullVector))
                * 2);
        checks.add(new Claim("the null space of J is spanned by (1, 1, 1, 1)", 1, cosine, 1e-12));

        double formGap = 0;
        double productGap = 0;
        for (int trial = 0; trial < 10; trial++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
            }
            double[] jv = multiply(j, v);
            formGap = Math.max(formGap, Math.abs(dot(v, jv) - variance(s, v)));
            productGap = Math.max(productGap,
                    FiniteDifferences.maxDifference(Ex06SoftmaxJacobian.jacobianVectorProduct(s, v), jv));
        }
        checks.add(new Claim("v^T J v = Var_s(v) for random v", 0, formGap, 1e-14));
        checks.add(new Claim("J v in O(n) equals the dense product", 0, productGap, 1e-15));
    }

    private static void crossEntropy(List<Claim> checks) {
        int label = 1;
        double[] gradient = Ex06SoftmaxJacobian.crossEntropyGradient(LOGITS, label);
        double[] numeric = new double[LOGITS.length];
        for (int i = 0; i < LOGITS.length; i++) {
            int coordinate = i;
            numeric[i] = FiniteDifferences.derivative(t -> {
                double[] moved = LOGITS.clone();
                moved[coordinate] = t;
                return Ex06SoftmaxJacobian.crossEntropyLoss(moved, label);
            }, LOGITS[i]);
        }
        checks.add(new Claim("the cross-entropy gradient matches finite differences of the loss", 0,
                FiniteDifferences.maxDifference(gradient, numeric), FiniteDifferences.TOLERANCE));
        double[] expected = Ex05Softmax.softmax(LOGITS);
        expected[label] -= 1;
        checks.add(new Claim("the cross-entropy gradient is s - e_y", 0,
                FiniteDifferences.maxDifference(gradient, expected), ULPS));
        double sum = 0;
        for (double g : gradient) {
            sum += g;
        }
        checks.add(new Claim("its entries sum to 0", 0, sum, ULPS));
        double[] extreme = {1000, -1000, 0};
        checks.add(new Claim("logits (1000, -1000, 0), true class at -1000: the loss is 2000, finite", 2000,
                Ex06SoftmaxJacobian.crossEntropyLoss(extreme, 1), 1e-9));
        checks.add(new Claim("... and its gradient is (1, -1, 0)", 0, FiniteDifferences.maxDifference(
                Ex06SoftmaxJacobian.crossEntropyGradient(extreme, 1), new double[] {1, -1, 0}), ULPS));
        double[][] hessian = FiniteDifferences.jacobian(z -> Ex06SoftmaxJacobian.crossEntropyGradient(z, label), LOGITS);
        checks.add(new Claim("the Hessian of the loss is J (finite differences of the gradient)", 0,
                FiniteDifferences.maxDifference(hessian, Ex06SoftmaxJacobian.jacobian(Ex05Softmax.softmax(LOGITS))),
                FiniteDifferences.TOLERANCE));
    }

    /** The variance of v under the distribution s: sum s_i v_i^2 - (sum s_i v_i)^2. */
    private static double variance(double[] s, double[] v) {
        double mean = 0;
        for (int i = 0; i < s.length; i++) {
            mean += s[i] * v[i];
        }
        double variance = 0;
        for (int i = 0; i < s.length; i++) {
            variance += s[i] * (v[i] - mean) * (v[i] - mean);
        }
        return variance;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] product = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            product[i] = dot(m[i], v);
        }
        return product;
    }

    /** Prints the lab report: softmax and entropy across temperatures, then every check. */
    public static void main(String[] args) {
        double[] temperatures = {0.05, 0.5, 1, 2, 10, 100};
        double[][] rows = new double[temperatures.length][];
        for (int i = 0; i < temperatures.length; i++) {
            double t = temperatures[i];
            double[] s = Ex05Softmax.softmax(NOTEBOOK_LOGITS, t);
            rows[i] = new double[] {t, s[0], s[1], s[2], Ex05Softmax.entropy(s)};
        }
        WriteUps.of(SoftmaxCalculus.class).report()
                .table("softmax(z / T) for the logits z = (2, 1, -1); ln 3 = 1.0986",
                        List.of("T", "s_1", "s_2", "s_3", "entropy H"), rows)
                .checks(checks())
                .print();
    }
}
