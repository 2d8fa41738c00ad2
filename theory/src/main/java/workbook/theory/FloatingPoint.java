package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex05Softmax;
import workbook.theory.tools.Claim;

/**
 * {@summary <span class="book-lede">Floating point for deep learning: how many digits a number keeps, where exp
 * overflows and underflows, and why the exercises insist on {@code log1p}, {@code expm1} and the
 * max-shift.</span>}{@writeup}
 *
 * <p>The classic account of rounding, cancellation and stable rewritings is {@citet goldberg1991}.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>IEEE 754 arithmetic, as Java's {@code double} (binary64, \( p = 53 \) significand bits) and
 *       {@code float} (binary32, \( p = 24 \)), with rounding to nearest, ties to even.</li>
 *   <li>Each arithmetic operation and each call to {@code Math.exp} or {@code Math.log} returns the exact result
 *       rounded (to within an ulp or so for the library functions).</li>
 * </ul>
 *
 * <h2>Derivation</h2>
 * <p><b>Precision.</b> A normal number is \( \pm 1.f \times 2^{e} \) with \( p - 1 \) stored fraction bits, so the
 * gap from 1 to the next number is the machine epsilon \( \varepsilon = 2^{1-p} \): \( 2^{-52} \approx
 * 2.2 \times 10^{-16} \) for double, \( 2^{-23} \approx 1.2 \times 10^{-7} \) for float. Rounding to nearest errs
 * by at most \( \varepsilon/2 \) relative, so \( 1 + 2^{-53} \) rounds back to 1 in double, and in float
 * \( 2^{24} + 1 \) rounds back to \( 2^{24} = 16\,777\,216 \): a float counter stops counting there.
 *
 * <p><b>Overflow.</b> The largest finite number is \( (2 - 2^{1-p})\,2^{e_{\max}} \), about
 * \( 1.8 \times 10^{308} \) (double, \( e_{\max} = 1023 \)) and \( 3.4 \times 10^{38} \) (float,
 * \( e_{\max} = 127 \)). So \( e^{x} \) is infinite as soon as
 * \[ x > \ln(\text{max}) \approx (e_{\max} + 1)\ln 2 : \]
 * {@eq overflow x > 709.78 \text{ (double)}, \qquad x > 88.72 \text{ (float)}, \qquad x > 11.09 \text{ (half precision, max 65504)}.}
 * A logit of 100 is unremarkable, yet \( e^{100} \) does not fit in a float.
 *
 * <p><b>Underflow.</b> Below the smallest normal number, \( 2^{-1022} \approx 2.2 \times 10^{-308} \), come the
 * subnormals, down to \( 2^{-1074} \approx 4.9 \times 10^{-324} \); anything below half of that rounds to 0. So
 * \( e^{x} = 0 \) for \( x \lt -1075 \ln 2 \approx -745.13 \) in double (for float, \( -150 \ln 2 \approx
 * -103.97 \)). A probability that underflows to 0 turns its logarithm into \( -\infty \).
 *
 * <p><b>Cancellation.</b> Subtracting two nearby numbers is exact, but it exposes the rounding errors they
 * already carried: if \( a \) and \( b \) each err by \( \varepsilon/2 \) relative, then
 * {@eq cancellation \frac{|\mathrm{error}(a - b)|}{|a - b|} \le \varepsilon\, \frac{\max(|a|, |b|)}{|a - b|} .}
 * Hence:
 * <ul>
 *   <li>\( e^{x} - 1 \) for \( x = 10^{-10} \): \( e^{x} = 1.0000000001 \) is stored with an absolute error near
 *       \( 10^{-16} \), which is \( 10^{-6} \) relative to the answer \( 10^{-10} \). {@code Math.expm1} computes
 *       \( e^{x} - 1 \) without forming \( e^{x} \). Likewise {@code Math.log1p(x)} for \( \ln(1 + x) \).</li>
 *   <li>\( \sigma(x)(1 - \sigma(x)) \) at \( x = 40 \): \( \sigma(40) \) rounds to 1, so \( 1 - \sigma \) is 0
 *       although the slope is \( e^{-40} \approx 4.2 \times 10^{-18} \). The identity
 *       \( 1 - \sigma(x) = \sigma(-x) \) avoids the subtraction.</li>
 *   <li>\( \tanh x = 2\sigma(2x) - 1 \) near 0 subtracts 1 from a number near 1 and keeps only about half of the
 *       16 digits; the form \( -t/(2 + t) \) with \( t = \mathrm{expm1}(-2|x|) \) subtracts nothing.</li>
 * </ul>
 *
 * <p><b>The max-shift.</b> \( \mathrm{softmax}(z) = \mathrm{softmax}(z - \max z) \) ({@writeup 4}):
 * after the shift every exponent is at most 0 and the largest term is exactly 1. Without it
 * \( e^{1000}/\sum_k e^{z_k} \) is \( \infty/\infty = \) NaN. The same idea gives
 * {@eq softplus \mathrm{softplus}(x) = \max(x, 0) + \mathrm{log1p}(e^{-|x|}), \qquad
 *    \log\sigma(x) = -\mathrm{softplus}(-x) .}
 *
 * <h2>Result</h2>
 * \[ \varepsilon_{64} = 2^{-52}, \quad \varepsilon_{32} = 2^{-23}, \quad
 *    e^{x} = \infty \text{ for } x > 709.78 \ (88.72 \text{ in float}), \quad
 *    e^{x} = 0 \text{ for } x \lt -745.13, \]
 * and a formula that subtracts nearly equal numbers, or exponentiates a large positive number, needs a stable
 * rewriting: {@code expm1}, {@code log1p}, \( \sigma(-x) \) for \( 1 - \sigma(x) \), and the max-shift.
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>The epsilons, the rounding of \( 1 + 2^{-53} \) and of \( 2^{24} + 1 \) in float, the overflow and
 *       underflow thresholds of {@code Math.exp} in double and float against \( (e_{\max} + 1)\ln 2 \) and
 *       \( -1075 \ln 2 \).</li>
 *   <li>{@code expm1} and {@code log1p} against their Taylor series where the naive forms lose 6 digits.</li>
 *   <li>The exercises' stable forms against the naive ones: {@link Ex01Sigmoid#softplus Ex01Sigmoid.softplus},
 *       {@link Ex01Sigmoid#logSigmoid Ex01Sigmoid.logSigmoid}, {@link Ex01Sigmoid#sigmoidDerivative Ex01Sigmoid.sigmoidDerivative}, {@link Ex02Tanh#tanh Ex02Tanh.tanh} near 0 and
 *       {@link Ex05Softmax#softmax Ex05Softmax.softmax} at logits near 1000.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=floats}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>A double keeps about 16 significant digits (\( \varepsilon = 2^{-52} \)), a float about 7
 *       (\( 2^{-23} \)).</li>
 *   <li>\( e^x \) overflows above \( x \approx 709.78 \) in double and 88.72 in float {@eqref overflow}: a
 *       stable formula never exponentiates a large positive number.</li>
 *   <li>Subtracting nearly equal numbers loses the digits they share {@eqref cancellation}; {@code expm1},
 *       {@code log1p}, the max-shift and rewritings such as {@eqref softplus} avoid the subtraction.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class FloatingPoint {
    /** Nothing here is random; the seed exists for the common shape of write-ups. */
    public static final long SEED = 1L;
    private static final double LN2 = Math.log(2);
    /** {@code Math.exp} and {@code Math.log} are within 1 ulp; two ulps of numbers near 700 are about 2.3e-13. */
    private static final double NEAR_700 = 1e-12;

    private FloatingPoint() {}

    /** Returns the checks; nothing here depends on the seed. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up (deterministic: the seed is not used). */
    public static List<Claim> checks(long seed) {
        List<Claim> checks = new ArrayList<>();
        precision(checks);
        range(checks);
        cancellation(checks);
        stableForms(checks);
        return checks;
    }

    private static void precision(List<Claim> checks) {
        checks.add(new Claim("double: the gap above 1 is 2^-52 = 2.22e-16", Math.scalb(1.0, -52), Math.ulp(1.0), 0));
        checks.add(new Claim("float: the gap above 1 is 2^-23 = 1.19e-7", Math.scalb(1.0, -23), Math.ulp(1.0f), 0));
        checks.add(new Claim("double: 1 + 2^-53 rounds to 1 (ties to even)", 1, 1.0 + Math.scalb(1.0, -53), 0));
        float counter = 16_777_216f;
        counter += 1f;
        checks.add(new Claim("float: 2^24 + 1 rounds to 2^24, a float counter stops at 16 777 216", 16_777_216,
                counter, 0));
    }

    private static void range(List<Claim> checks) {
        checks.add(new Claim("double: ln(MAX_VALUE) = 1024 ln 2 = 709.78", 1024 * LN2, Math.log(Double.MAX_VALUE),
                NEAR_700));
        // e^x = 2^1023 e^(x - 1023 ln 2): the scaled form cannot overflow, so it is an independent witness
        checks.add(Claim.relative("double: exp(709.78) = 2^1023 e^(709.78 - 1023 ln 2) = 1.79e308, still finite",
                Math.scalb(Math.exp(709.78 - 1023 * LN2), 1023), Math.exp(709.78), 1e-12));
        checks.add(new Claim("double: exp(709.79) overflows to Infinity", Double.POSITIVE_INFINITY, Math.exp(709.79), 0));
        checks.add(new Claim("float: ln(Float.MAX_VALUE) = 128 ln 2 = 88.72", 128 * LN2, Math.log(Float.MAX_VALUE),
                1e-6));
        checks.add(Claim.relative("float: exp(88.72) = 2^127 e^(88.72 - 127 ln 2) = 3.39e38, still finite",
                Math.scalb(Math.exp(88.72 - 127 * LN2), 127), (float) Math.exp(88.72), 1e-7));
        checks.add(new Claim("float: exp(88.73) overflows to Infinity", Double.POSITIVE_INFINITY,
                (float) Math.exp(88.73), 0));
        checks.add(new Claim("double: ln of the smallest subnormal is -1074 ln 2 = -744.44", -1074 * LN2,
                Math.log(Double.MIN_VALUE), NEAR_700));
        double underflow = -1075 * LN2; // below half the smallest subnormal, exp rounds to 0
        checks.add(new Claim("double: exp(-1075 ln 2 + 0.01) is still the smallest subnormal 4.9e-324",
                Double.MIN_VALUE, Math.exp(underflow + 0.01), 0));
        checks.add(new Claim("double: exp(-1075 ln 2 - 0.01) = exp(-745.14) underflows to 0", 0,
                Math.exp(underflow - 0.01), 0));
        checks.add(new Claim("float: exp(-150 ln 2 - 0.01) = exp(-103.98) underflows to 0", 0,
                (float) Math.exp(-150 * LN2 - 0.01), 0));
    }

    private static void cancellation(List<Claim> checks) {
        double x = 1e-10;
        double series = x + x * x / 2; // the next term, x^3/6, is 1.7e-31: far below an ulp of 1e-10
        double naiveExp = (Math.exp(x) - 1 - series) / series;
        checks.add(Claim.inRange("exp(1e-10) - 1 computed naively errs by more than 1e-8 relative", 1e-8, 1,
                Math.abs(naiveExp)));
        checks.add(new Claim("expm1(1e-10) equals x + x^2/2 to an ulp", series, Math.expm1(x), Math.ulp(series)));
        double logSeries = x - x * x / 2;
        checks.add(Claim.inRange("log(1 + 1e-10) computed naively errs by more than 1e-8 relative", 1e-8, 1,
                Math.abs((Math.log(1 + x) - logSeries) / logSeries)));
        checks.add(new Claim("log1p(1e-10) equals x - x^2/2 to an ulp", logSeries, Math.log1p(x), Math.ulp(logSeries)));
    }

    private static void stableForms(List<Claim> checks) {
        checks.add(new Claim("naive softplus log(1 + e^1000) overflows", Double.POSITIVE_INFINITY,
                Math.log(1 + Math.exp(1000)), 0));
        checks.add(new Claim("Ex01 softplus(1000) = 1000", 1000, Ex01Sigmoid.softplus(1000), 0));
        checks.add(new Claim("naive log(sigmoid(-1000)) = log(0) = -Infinity", Double.NEGATIVE_INFINITY,
                Math.log(1 / (1 + Math.exp(1000))), 0));
        checks.add(new Claim("Ex01 logSigmoid(-1000) = -1000", -1000, Ex01Sigmoid.logSigmoid(-1000), 0));
        double sigma = 1 / (1 + Math.exp(-40));
        double exact = Math.exp(-40) / ((1 + Math.exp(-40)) * (1 + Math.exp(-40)));
        checks.add(new Claim("naive sigma(1 - sigma) at x = 40 cancels to 0", 0, sigma * (1 - sigma), 0));
        checks.add(Claim.relative("Ex01 sigmoidDerivative(40) keeps e^-40 = 4.25e-18", exact,
                Ex01Sigmoid.sigmoidDerivative(40), 1e-14));
        double t = 1e-8;
        double viaSigmoid = 2 * Ex01Sigmoid.sigmoid(2 * t) - 1;
        checks.add(Claim.inRange("tanh(1e-8) as 2 sigma(2x) - 1 errs by more than 1e-10 relative", 1e-10, 1,
                Math.abs(viaSigmoid - Math.tanh(t)) / Math.tanh(t)));
        checks.add(new Claim("Ex02 tanh(1e-8) is within 2 ulps of Math.tanh", Math.tanh(t), Ex02Tanh.tanh(t),
                2 * Math.ulp(Math.tanh(t))));
        double[] logits = {1000, 999, 998};
        double naiveSum = 0;
        for (double z : logits) {
            naiveSum += Math.exp(z);
        }
        checks.add(new Claim("naive softmax exp(1000) / sum is Infinity / Infinity = NaN", Double.NaN,
                Math.exp(1000) / naiveSum, 0));
        checks.add(new Claim("Ex05 softmax(1000, 999, 998) gives 1 / (1 + e^-1 + e^-2) = 0.665",
                1 / (1 + Math.exp(-1) + Math.exp(-2)), Ex05Softmax.softmax(logits)[0], 1e-15));
    }

    /** Prints the lab report: the limits of double and float, then every check. */
    public static void main(String[] args) {
        List<String> names = List.of("machine epsilon (gap above 1)", "largest finite", "exp overflows above x =",
                "smallest normal", "smallest subnormal", "exp underflows to 0 below x =");
        double[][] rows = {
                {Math.ulp(1.0), Math.ulp(1.0f)},
                {Double.MAX_VALUE, Float.MAX_VALUE},
                {Math.log(Double.MAX_VALUE), Math.log(Float.MAX_VALUE)},
                {Double.MIN_NORMAL, Float.MIN_NORMAL},
                {Double.MIN_VALUE, Float.MIN_VALUE},
                {-1075 * LN2, -150 * LN2}};
        WriteUps.of(FloatingPoint.class).report()
                .table("The two IEEE formats of Java", List.of("", "double", "float"), names, rows)
                .checks(checks())
                .print();
    }
}
