package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex05Softmax;
import workbook.exercises.Ex07SmoothActivations;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">Three claims often repeated about activations, each stated precisely
 * and checked as far as cheap numerical checks can: why GELU replaced ReLU in transformers, what the "six times
 * faster" of ReLU compared, and when each activation is best avoided.</span>}{@writeup}
 *
 * <p>The claims come from {@citet hendrycks2016} (GELU), {@citet krizhevsky2012} (the "six times faster") and
 * {@citet nair2010} (ReLU).
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>\( \Phi \) and \( \varphi \) are the standard normal CDF and density; GELU is \( x\Phi(x) \), SiLU is
 *       \( x\sigma(x) \), as in {@writeup 1}.</li>
 *   <li>What this page can check is mathematics and small simulations. It trains no transformer and no
 *       convolutional network, and it times nothing: claims about benchmark scores and speed are reported with
 *       their source, and marked as not checked here.</li>
 * </ul>
 *
 * {@figure 3}
 * <h2>Derivation</h2>
 * <p><b>1. GELU is the expected output of a random gate.</b> Let \( \xi \sim N(0, 1) \) be independent of the
 * input \( x \), and let a gate pass \( x \) when \( x \) exceeds \( \xi \) and block it otherwise. Then
 * {@eq gelu-gate E\left[x \cdot 1\{\xi \le x\}\right] = x\,P(\xi \le x) = x\,\Phi(x) = \mathrm{GELU}(x).}
 * ReLU is the same gate with the threshold fixed at 0: \( x \cdot 1\{0 \le x\} \). GELU keeps the gate but
 * averages over a random threshold, which is how its authors {@citet hendrycks2016} connect it to dropout:
 * a unit is dropped with a probability that depends on its own input, and GELU is the deterministic average of
 * that noise. Two properties follow that ReLU lacks.
 *
 * <p><em>A smooth gate.</em> \( \mathrm{GELU}'(x) = \Phi(x) + x\varphi(x) \) is continuous, with
 * \( \mathrm{GELU}'(0) = \tfrac12 \) and \( \mathrm{GELU}''(0) = 2\varphi(0) \approx 0.798 \): a small change of
 * the input near 0 changes the slope a little, where ReLU's slope jumps from 0 to 1.
 *
 * <p><em>A small negative region.</em> Below 0 the output is suppressed, not zeroed. The minimum is where
 * \( \Phi(x) + x\varphi(x) = 0 \):
 * {@eq gelu-minimum x^* \approx -0.7518, \qquad \mathrm{GELU}(x^*) \approx -0.1700,}
 * and \( \mathrm{GELU}(x) \to 0 \) as \( x \to -\infty \), faster than any exponential. Negative inputs near
 * 0 therefore still carry a gradient (\( \mathrm{GELU}'(-0.5) = \Phi(-0.5) - 0.5\,\varphi(0.5) \approx 0.1325 \)),
 * so a unit does not die the way a ReLU unit does ({@writeup 15}).
 *
 * <p>That is the mathematical intuition. Why transformers adopted it (BERT and the GPT models use GELU) is an
 * empirical matter: the GELU paper and later ablations report small but consistent gains on language tasks over
 * ReLU. Those benchmark results are not checked here. This workbook's own evidence is that GELU keeps gradients
 * alive across depth as ReLU does ({@writeup 12}) and bends decision regions smoothly (figure 12 in
 * {@writeup 16}).
 *
 * <p><b>2. "ReLU converges six times faster" compared ReLU with tanh, not with the sigmoid.</b> The claim is
 * Figure 1 of Krizhevsky, Sutskever and Hinton (2012), the AlexNet paper: a four-layer convolutional network on
 * CIFAR-10 reached 25 % training error six times faster (in epochs) with ReLU units than the same network with
 * tanh units, each with the learning rate that made it fastest and no regularization. The authors add that the
 * size of the effect varies with the architecture. It is one measurement of one network, and its comparison
 * point is tanh. Against the sigmoid the gap would be a different number: at its steepest the sigmoid's slope
 * is \( \sigma'(0) = \tfrac14 \), a quarter of tanh's \( \tanh'(0) = 1 \) ({@writeup 2}). What the paper names
 * as the cause, saturation, is checked here: a tanh unit with \( |z| \ge 2 \) passes at most
 * \( \tanh'(2) \approx 0.071 \) of the gradient, an active ReLU unit passes all of it at any size.
 *
 * <p><b>3. The "avoid" column, one property each.</b> A common takeaway table ends with a column of when to avoid
 * each activation. Each entry rests on one checkable property:
 * <table class="striped">
 * <caption>When to avoid an activation, and why</caption>
 * <thead><tr><th scope="col">Activation</th><th scope="col">Avoid</th><th scope="col">The property behind it</th>
 *     </tr></thead>
 * <tbody>
 * <tr><td>ReLU</td><td>where units may die</td><td>a unit whose pre-activations are all negative has slope 0 on
 *     every input: its gradient is exactly 0 and nothing revives it ({@writeup 15})</td></tr>
 * <tr><td>Leaky ReLU</td><td>(generally safe)</td><td>its slope below 0 is the leak, 0.01: never 0</td></tr>
 * <tr><td>GELU</td><td>in simple networks</td><td>\( |\mathrm{GELU}(x) - \mathrm{ReLU}(x)| = |x|\Phi(-|x|) \le
 *     0.17 \), and below 0.0041 once \( |x| \ge 3 \): a small network gains little from the smooth gate, and pays
 *     for a \( \Phi \) (or a tanh) per unit instead of a comparison (cost is not measured here)</td></tr>
 * <tr><td>Swish / SiLU</td><td>(generally safe)</td><td>like GELU, smooth with a small negative dip (minimum
 *     \( \approx -0.2785 \) at \( x \approx -1.278 \)) and a non-zero slope below 0</td></tr>
 * <tr><td>Sigmoid</td><td>in hidden layers</td><td>its output has mean \( \tfrac12 \) on a symmetric input (not
 *     centred), and its slope is at most \( \tfrac14 \): 40 layers multiply the gradient by at most
 *     \( 4^{-40} \) ({@writeup 2})</td></tr>
 * <tr><td>Softmax</td><td>in hidden layers</td><td>its outputs always sum to 1 and ignore a shift of all inputs:
 *     the layer throws one direction away (its Jacobian has rank \( n - 1 \), {@writeup 4})</td></tr>
 * <tr><td>tanh</td><td>in deep networks</td><td>a unit with \( z \sim N(0, 2^2) \) passes on average
 *     \( E[\tanh'(z)] \approx 0.365 \) of the gradient, so 20 such layers keep about \( 2 \times 10^{-9} \) of it
 *     ({@writeup 2}, {@writeup 11})</td></tr>
 * </tbody>
 * </table>
 *
 * <h2>Result</h2>
 * \[ \begin{gathered} \mathrm{GELU}(x) = E\left[x \cdot 1\{\xi \le x\}\right],\ \xi \sim N(0, 1), \\
 *    \min_x \mathrm{GELU}(x) \approx -0.1700 \text{ at } x \approx -0.7518, \qquad
 *    \max_x |\mathrm{GELU}(x) - \mathrm{ReLU}(x)| \approx 0.1700. \end{gathered} \]
 * The "six times faster" is ReLU against tanh in one network (AlexNet, CIFAR-10, 25 % training error); each
 * "avoid" entry is one property, checked below.
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>The random gate: for \( x = -1, 0.5, 2 \), the mean of \( x \cdot 1\{\xi \le x\} \) over 200 000 draws of
 *       \( \xi \) agrees with {@link Ex07SmoothActivations#gelu Ex07SmoothActivations.gelu} within 4 standard
 *       errors.</li>
 *   <li>The smooth gate: {@link Ex07SmoothActivations#geluDerivative Ex07SmoothActivations.geluDerivative} is
 *       \( \tfrac12 \) at 0 and changes by about \( 2h \cdot 2\varphi(0) \) across \( \pm h \); ReLU's derivative
 *       jumps by 1.</li>
 *   <li>The negative region: the root of the derivative, found by bisection on the reference solution, agrees
 *       with the root of \( \Phi(x) + x\varphi(x) \) computed with Commons Math, and the minimum value with
 *       \( x^*\Phi(x^*) \); the largest gap between GELU and ReLU on a fine grid is the same number.</li>
 *   <li>The slopes behind the six-times claim: \( \tanh'(0) = 4\sigma'(0) = 1 \), \( \tanh'(2) \lt 0.071 \),
 *       ReLU's slope 1 at every positive input.</li>
 *   <li>One check per "avoid" entry: a unit fed \( N(-3, 0.5^2) \) has ReLU slope 0 on all of 100 000 inputs and
 *       leaky slope 0.01 on all of them; GELU is within 0.0041 of ReLU beyond \( |x| = 3 \); SiLU's minimum; the
 *       sigmoid's mean output \( \tfrac12 \) on \( N(0, 1) \); softmax's sum and shift invariance; tanh's mean
 *       slope at \( N(0, 4) \) and its 20th power.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=claims}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>GELU is ReLU's gate with a random threshold, averaged {@eqref gelu-gate}: smooth, with a small negative dip
 *       {@eqref gelu-minimum}. That is the case made for it; which one trains a transformer better is an
 *       experiment, not a property the checks can show.</li>
 *   <li>The "six times faster" compared ReLU with tanh in one four-layer convolutional network on CIFAR-10, to 25 %
 *       training error: one measurement, not a law.</li>
 *   <li>Each "avoid this activation when..." comes down to one property (saturation, a non-zero mean, dead units,
 *       cost), and each is checked here.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class ActivationClaims {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_017L;
    /** Monte Carlo tolerance in standard errors: a chance failure has probability about 6e-5 per check. */
    private static final double K = 4;
    private static final int GATE_DRAWS = 200_000;
    private static final int DEAD_INPUTS = 100_000;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private ActivationClaims() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        geluGate(checks, random);
        geluShape(checks);
        saturation(checks);
        avoid(checks, random);
        return checks;
    }

    private static void geluGate(List<Claim> checks, SplittableRandom random) {
        for (double x : new double[] {-1, 0.5, 2}) {
            double[] gated = new double[GATE_DRAWS];
            for (int i = 0; i < GATE_DRAWS; i++) {
                gated[i] = random.nextGaussian() <= x ? x : 0;
            }
            MonteCarlo.Estimate mean = MonteCarlo.estimate(gated);
            checks.add(Claim.withinStandardErrors("GELU(" + WriteUpReport.format(x) + ") is the mean of x 1{xi <= x}, "
                    + "xi ~ N(0, 1): a gate that passes x when it exceeds a random threshold",
                    Ex07SmoothActivations.gelu(x), mean.mean(), mean.standardError(), K));
        }
    }

    private static void geluShape(List<Claim> checks) {
        checks.add(new Claim("GELU'(0) = Phi(0) = 1/2", 0.5, Ex07SmoothActivations.geluDerivative(0), 1e-15));
        double h = 1e-6;
        // GELU'' (0) = 2 phi(0); the change across [-h, h] is 2h GELU''(0) up to O(h^3), far inside 1e-12
        checks.add(new Claim("GELU' is continuous: GELU'(h) - GELU'(-h) = 2h * 2 phi(0) for h = 1e-6",
                2 * h * 2 * NORMAL.density(0),
                Ex07SmoothActivations.geluDerivative(h) - Ex07SmoothActivations.geluDerivative(-h), 1e-12));
        checks.add(new Claim("ReLU' jumps: ReLU'(h) - ReLU'(-h) = 1 for h = 1e-6", 1,
                Ex03ReluFamily.reluDerivative(h) - Ex03ReluFamily.reluDerivative(-h), 0));
        double root = bisect(Ex07SmoothActivations::geluDerivative, -2, -0.1);
        double closedFormRoot = bisect(x -> NORMAL.cumulativeProbability(x) + x * NORMAL.density(x), -2, -0.1);
        // bisection stops at an interval of 1e-13; both derivatives are accurate to ~1e-16 near a simple root
        checks.add(new Claim("GELU's minimum is where Phi(x) + x phi(x) = 0, x* = -0.7518", closedFormRoot, root, 1e-9));
        double minimum = closedFormRoot * NORMAL.cumulativeProbability(closedFormRoot);
        checks.add(new Claim("... and GELU(x*) = x* Phi(x*) = -0.1700: the negative region is shallow", minimum,
                Ex07SmoothActivations.gelu(root), 1e-12));
        checks.add(Claim.inRange("... and fades: |GELU(-5)| = 5 Phi(-5) is below 1e-5", 0, 1e-5,
                Math.abs(Ex07SmoothActivations.gelu(-5))));
        checks.add(new Claim("a negative input near 0 keeps a gradient: GELU'(-0.5) = Phi(-0.5) - 0.5 phi(0.5)",
                NORMAL.cumulativeProbability(-0.5) - 0.5 * NORMAL.density(0.5),
                Ex07SmoothActivations.geluDerivative(-0.5), 1e-12));
        checks.add(Claim.inRange("... which is 0.1325 to four places", 0.13245, 0.13255,
                Ex07SmoothActivations.geluDerivative(-0.5)));
        double gap = 0;
        for (int i = -6000; i <= 6000; i++) {
            double x = i / 1000.0;
            gap = Math.max(gap, Math.abs(Ex07SmoothActivations.gelu(x) - Ex03ReluFamily.relu(x)));
        }
        // the grid misses the maximum by at most 0.0005 in x, where the gap is flat: f'' h^2 / 2 < 1e-6
        checks.add(new Claim("max |GELU - ReLU| = |x*| Phi(x*) on a grid of [-6, 6], step 0.001", -minimum, gap, 1e-6));
    }

    private static void saturation(List<Claim> checks) {
        checks.add(new Claim("tanh'(0) = 1", 1, Ex02Tanh.tanhDerivative(0), 0));
        checks.add(new Claim("... which is 4 sigma'(0): against the sigmoid the gap starts 4 times wider", 1,
                4 * Ex01Sigmoid.sigmoidDerivative(0), 0));
        checks.add(Claim.inRange("a tanh unit at |z| = 2 passes less than 0.071 of the gradient: tanh'(2) = 0.0707",
                0, 0.071, Ex02Tanh.tanhDerivative(2)));
        boolean activeReluPassesAll = true;
        for (double z : new double[] {1e-3, 1, 2, 10, 1e6}) {
            activeReluPassesAll &= Ex03ReluFamily.reluDerivative(z) == 1;
        }
        checks.add(Claim.isTrue("an active ReLU unit passes all of it, ReLU'(z) = 1 for z = 0.001 ... 1e6",
                activeReluPassesAll));
    }

    private static void avoid(List<Claim> checks, SplittableRandom random) {
        double reluSlopes = 0;
        double leakySlopes = 0;
        for (int i = 0; i < DEAD_INPUTS; i++) {
            double z = -3 + 0.5 * random.nextGaussian();
            reluSlopes += Ex03ReluFamily.reluDerivative(z);
            leakySlopes += Ex03ReluFamily.leakyReluDerivative(z, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE);
        }
        // P(z > 0) = Phi(-6) = 1e-9, so 100 000 draws see a positive one with probability 1e-4
        checks.add(new Claim("ReLU: a unit fed N(-3, 0.5^2) has slope 0 on all 100 000 inputs (dead)", 0, reluSlopes, 0));
        checks.add(Claim.relative("Leaky ReLU: the same unit has slope 0.01 on every input", 0.01 * DEAD_INPUTS,
                leakySlopes, 1e-12));
        double tail = 0;
        for (int i = 3000; i <= 10_000; i++) {
            double x = i / 1000.0;
            tail = Math.max(tail, Math.max(Math.abs(Ex07SmoothActivations.gelu(x) - Ex03ReluFamily.relu(x)),
                    Math.abs(Ex07SmoothActivations.gelu(-x) - Ex03ReluFamily.relu(-x))));
        }
        // the gap |x| Phi(-|x|) falls beyond |x| = 0.75, so its largest value past 3 is 3 Phi(-3) = 0.004050
        checks.add(Claim.inRange("GELU: beyond |x| = 3 it is within 0.0041 of ReLU (3 Phi(-3) = 0.00405)", 0, 0.0041,
                tail));
        double siluRoot = bisect(x -> {
            double s = 1 / (1 + Math.exp(-x));
            return s * (1 + x * (1 - s));
        }, -3, -0.1);
        checks.add(new Claim("SiLU: at x* = -1.278, the root of SiLU' = sigma(x)(1 + x(1 - sigma(x))), SiLU is x* sigma(x*)",
                siluRoot / (1 + Math.exp(-siluRoot)), Ex07SmoothActivations.silu(siluRoot), 1e-15));
        checks.add(Claim.inRange("... which is its minimum, -0.2785: a small negative dip like GELU's", -0.2786, -0.2784,
                Ex07SmoothActivations.silu(siluRoot)));
        checks.add(new Claim("sigmoid: its mean output on N(0, 1) input is 1/2, not 0", 0.5,
                MonteCarlo.normalExpectation(Ex01Sigmoid::sigmoid, 1), 1e-12));
        double[] logits = {2, 1, -1, 0.5};
        double[] shifted = {7, 6, 4, 5.5};
        double[] s = Ex05Softmax.softmax(logits);
        double[] t = Ex05Softmax.softmax(shifted);
        double sum = 0;
        double shift = 0;
        for (int i = 0; i < s.length; i++) {
            sum += s[i];
            shift = Math.max(shift, Math.abs(s[i] - t[i]));
        }
        checks.add(new Claim("softmax: its outputs sum to 1 whatever the logits", 1, sum, 1e-15));
        checks.add(new Claim("... and a shift of every logit by 5 changes no output", 0, shift, 1e-15));
        double tanhSlope = MonteCarlo.normalExpectation(Ex02Tanh::tanhDerivative, 2);
        checks.add(Claim.inRange("tanh: a unit fed N(0, 2^2) passes E[tanh'(z)] = 0.365 of the gradient on average",
                0.36, 0.37, tanhSlope));
        checks.add(Claim.inRange("... and 20 such layers keep less than 2e-9 of it", 0, 2e-9, Math.pow(tanhSlope, 20)));
    }

    /** The root of a function that changes sign on [low, high], to an interval of 1e-13. */
    private static double bisect(DoubleUnaryOperator f, double low, double high) {
        double fLow = f.applyAsDouble(low);
        if (fLow * f.applyAsDouble(high) > 0) {
            throw new IllegalArgumentException("f must change sign on [" + low + ", " + high + "]");
        }
        while (high - low > 1e-13) {
            double middle = (low + high) / 2;
            double fMiddle = f.applyAsDouble(middle);
            if (fLow * fMiddle <= 0) {
                high = middle;
            } else {
                low = middle;
                fLow = fMiddle;
            }
        }
        return (low + high) / 2;
    }

    /** Prints the lab report: GELU, ReLU and their gap at a few inputs, then every check. */
    public static void main(String[] args) {
        double[] xs = {-3, -2, -1, -0.7518, -0.5, 0, 0.5, 1, 2, 3};
        double[][] rows = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            rows[i] = new double[] {x, Ex03ReluFamily.relu(x), Ex07SmoothActivations.gelu(x),
                    Ex07SmoothActivations.geluDerivative(x), Ex07SmoothActivations.silu(x)};
        }
        WriteUps.of(ActivationClaims.class).report()
                .table("ReLU, GELU (its slope) and SiLU near 0", List.of("x", "ReLU", "GELU", "GELU'", "SiLU"), rows)
                .note("The six-times claim (AlexNet, 2012): ReLU against tanh, CIFAR-10, 25 % training error; not "
                        + "re-run here.")
                .checks(checks())
                .print();
    }
}
