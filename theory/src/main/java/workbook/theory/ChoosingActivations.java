package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex05Softmax;
import workbook.exercises.Ex06SoftmaxJacobian;
import workbook.exercises.Ex07SmoothActivations;
import workbook.theory.tools.Claim;
import workbook.theory.tools.NormalIntegrals;

/**
 * {@summary <span class="book-lede">Choosing an activation: hidden layers want a unit that keeps gradients alive;
 * the output layer wants the activation that turns scores into the kind of prediction the task needs, paired with
 * the loss that makes its gradient simply "prediction minus target".</span>}{@writeup}
 *
 * <p>The pairing of output units with losses follows {@cite goodfellow2016}, section 6.2.2; the advice for hidden
 * units, their section 6.3.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>The last layer produces scores (logits) \( z \); the output activation turns them into a prediction \( p \),
 *       and a loss compares \( p \) with the target \( y \).</li>
 *   <li>Hidden layers are judged by what the other write-ups derived: the slope that back-propagation multiplies
 *       ({@writeup 2 write-up 2} and {@writeup 12}), the mean and variance the unit passes on
 *       ({@writeup 9 write-up 9}, {@writeup 11 11} and {@writeup 13 13}), dead units ({@writeup 15}).</li>
 * </ul>
 *
 * {@figure 12}
 * <h2>Derivation</h2>
 * <p><b>Output layers: the activation follows from the prediction, the loss from the activation.</b>
 * <table class="striped">
 * <caption>Output activation and loss by task</caption>
 * <thead><tr><th scope="col">Task</th><th scope="col">Output activation</th><th scope="col">Loss</th>
 *     <th scope="col">\( \partial\mathcal{L}/\partial z \)</th></tr></thead>
 * <tbody>
 * <tr><td>Binary classification</td><td>sigmoid</td><td>binary cross-entropy</td><td>\( p - y \)</td></tr>
 * <tr><td>Multi-class, one label</td><td>softmax</td><td>categorical cross-entropy</td><td>\( s - y \)</td></tr>
 * <tr><td>Multi-label</td><td>sigmoid per label</td><td>binary cross-entropy per label</td>
 *     <td>\( p_k - y_k \)</td></tr>
 * <tr><td>Regression</td><td>none (identity)</td><td>mean squared error</td><td>\( z - y \)</td></tr>
 * <tr><td>Bounded regression</td><td>sigmoid or tanh, scaled to the range</td><td>mean squared error</td>
 *     <td>\( (p - y)\,p' \)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>For the binary case, with \( p = \sigma(z) \) and \( \log(1 - \sigma(z)) = \log\sigma(-z) \),
 * {@eq bce \mathcal{L} = -y\log\sigma(z) - (1 - y)\log\sigma(-z), \qquad
 *    \frac{\partial\mathcal{L}}{\partial z} = -y\,(1 - \sigma(z)) + (1 - y)\,\sigma(z) = \sigma(z) - y,}
 * because \( \frac{d}{dz}\log\sigma(z) = 1 - \sigma(z) \). The logarithm of the loss undoes the exponential of the
 * activation, and what is left is the error itself. Softmax with cross-entropy does the same for many classes
 * ({@writeup 4}): \( \partial\mathcal{L}/\partial z = s - y \). The identity with \( \tfrac12(z - y)^2 \) is the
 * trivial case. With two classes, softmax is a sigmoid of the difference,
 * \( e^{z_1}/(e^{z_1} + e^{z_2}) = \sigma(z_1 - z_2) \), so the first two rows are one idea; multi-label
 * classification keeps one independent sigmoid per label, whose probabilities need not sum to 1.
 *
 * <p><b>Why not sigmoid with squared error.</b> With \( \mathcal{L} = \tfrac12(\sigma(z) - y)^2 \) the gradient is
 * \( (\sigma(z) - y)\,\sigma'(z) \): the activation's slope is not cancelled. A confidently wrong output
 * (\( z = -10 \), \( y = 1 \)) gets \( \sigma'(-10) \approx 4.5 \times 10^{-5} \) times the gradient that
 * cross-entropy would give, exactly when it most needs to move. For bounded regression that slope is the price of
 * keeping predictions inside the range.
 *
 * <p><b>Compute the loss from the logits.</b> \( \log\sigma(z) \) evaluated as the logarithm of a rounded
 * \( \sigma(z) \) is \( -\infty \) at \( z = -1000 \), although the loss is a plain 1000; Ex01's
 * {@code logSigmoid} (and the frameworks' "with logits" losses) compute it directly.
 *
 * <p><b>Hidden layers: the usual rules of thumb, and the property behind each.</b>
 * <table class="striped">
 * <caption>Hidden-layer activations</caption>
 * <thead><tr><th scope="col">Situation</th><th scope="col">Choice</th><th scope="col">Why</th></tr></thead>
 * <tbody>
 * <tr><td>Starting a new project</td><td>ReLU</td><td>slope exactly 1 where active; cheap; pair with He
 *     initialization ({@writeup 10})</td></tr>
 * <tr><td>Transformers</td><td>GELU, or gated SwiGLU / GEGLU blocks</td><td>smooth (its slope is continuous at 0,
 *     \( \tfrac12 \) there) with a small negative dip ({@writeup 14})</td></tr>
 * <tr><td>Efficient convolutional networks</td><td>Swish / SiLU</td><td>smooth, self-gated
 *     \( x\sigma(x) \)</td></tr>
 * <tr><td>Recurrent networks</td><td>tanh (sigmoid for the gates)</td><td>zero-centred, slope 1 at 0, bounded
 *     state</td></tr>
 * <tr><td>Dying units observed</td><td>Leaky ReLU, ELU</td><td>a non-zero slope below 0 ({@writeup 15})</td></tr>
 * <tr><td>Very deep plain networks</td><td>ELU, SELU</td><td>outputs near zero mean; SELU keeps variance 1
 *     ({@writeup 13})</td></tr>
 * <tr><td>Avoid in hidden layers</td><td>sigmoid, softmax</td><td>sigmoid: slope at most \( \tfrac14 \) and outputs of
 *     mean \( \tfrac12 \); softmax couples the units</td></tr>
 * </tbody>
 * </table>
 * These are habits of practice, not theorems; what can be checked is the property each row relies on.
 *
 * <h2>Result</h2>
 * {@eqref bce} and its cousins:
 * \[ \text{sigmoid + BCE: } \frac{\partial\mathcal{L}}{\partial z} = \sigma(z) - y, \qquad
 *    \text{softmax + CE: } s - y, \qquad \text{identity + MSE: } z - y, \qquad
 *    \text{sigmoid + MSE: } (\sigma(z) - y)\,\sigma'(z). \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>Central differences of the binary cross-entropy written with
 *       {@link Ex01Sigmoid#logSigmoid Ex01Sigmoid.logSigmoid} equal \( \sigma(z) - y \)
 *       ({@link Ex01Sigmoid#sigmoid Ex01Sigmoid.sigmoid}) for logits from -8 to 8 and targets 0, 0.3 and 1; at
 *       \( z = -1000 \) the loss is 1000 while {@code log(sigmoid(z))} is \( -\infty \).</li>
 *   <li>{@link Ex06SoftmaxJacobian#crossEntropyGradient Ex06SoftmaxJacobian.crossEntropyGradient} equals central
 *       differences of {@link Ex06SoftmaxJacobian#crossEntropyLoss Ex06SoftmaxJacobian.crossEntropyLoss} and
 *       \( s - y \) with \( s \) from {@link Ex05Softmax#softmax Ex05Softmax.softmax}; the identity with half the
 *       squared error has gradient \( z - y \).</li>
 *   <li>Sigmoid with squared error at \( z = -10 \), \( y = 1 \): its gradient (central differences) is
 *       \( \sigma'(-10) \) times the cross-entropy gradient.</li>
 *   <li>Two-class softmax equals the sigmoid of the difference; three sigmoids of \( (2, 1, -1) \) sum to about 1.88,
 *       the softmax of the same scores to 1.</li>
 *   <li>Hidden units: \( \sigma'(0) = \tfrac14 \) and \( E[\sigma(Z)] = \tfrac12 \); \( \tanh'(0) = 1 \) and
 *       \( E[\tanh Z] = 0 \); ReLU's slope jumps from 0 to 1 across 0 while GELU's
 *       ({@link Ex07SmoothActivations#geluDerivative Ex07SmoothActivations.geluDerivative}) is continuous with value
 *       \( \tfrac12 \); Leaky ReLU keeps slope 0.01 below 0; ELU with \( \alpha = 1 \) has slope 1 on both sides of
 *       0.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=choosing}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>Hidden layers want a unit whose slope keeps gradients alive: ReLU or one of its smooth cousins, not the
 *       sigmoid.</li>
 *   <li>The output activation follows the prediction (identity for a number, sigmoid for a probability, softmax for a
 *       class), and each paired with its own loss (squared error, binary or categorical cross-entropy) has the
 *       gradient "prediction minus target", as {@eqref bce} shows for the sigmoid.</li>
 *   <li>The sigmoid with squared error multiplies that error by \( \sigma'(z) \le \tfrac14 \): a confidently wrong
 *       output learns slowly.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class ChoosingActivations {
    /** Central differences with h = 1e-6: error h^2 |L'''| / 6 + 1e-16 |L| / h, below 1e-9 for these losses. */
    private static final double H = 1e-6;
    private static final double FD_TOLERANCE = 1e-8;
    private static final double[] LOGITS = {-8, -2.5, -0.3, 0, 0.7, 3, 8};
    private static final double[] TARGETS = {0, 0.3, 1};

    private ChoosingActivations() {}

    /** Returns the checks; this page draws no random numbers, so there is no seed. */
    public static List<Claim> checks() {
        List<Claim> checks = new ArrayList<>();
        binary(checks);
        multiClass(checks);
        squaredError(checks);
        hidden(checks);
        return checks;
    }

    /** Binary cross-entropy from the logit: -y log sigma(z) - (1 - y) log sigma(-z). */
    private static double bce(double z, double y) {
        return -y * Ex01Sigmoid.logSigmoid(z) - (1 - y) * Ex01Sigmoid.logSigmoid(-z);
    }

    private static double slope(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    private static void binary(List<Claim> checks) {
        double gap = 0;
        for (double z : LOGITS) {
            for (double y : TARGETS) {
                gap = Math.max(gap, Math.abs(slope(v -> bce(v, y), z) - (Ex01Sigmoid.sigmoid(z) - y)));
            }
        }
        checks.add(new Claim("sigmoid + BCE: dL/dz = sigma(z) - y (central differences, z in [-8, 8], y = 0, 0.3, 1)",
                0, gap, FD_TOLERANCE));
        checks.add(new Claim("BCE from the logit at z = -1000, y = 1: the loss is 1000", 1000, bce(-1000, 1), 0));
        checks.add(new Claim("... while log(sigmoid(-1000)) is -Infinity", Double.NEGATIVE_INFINITY,
                Math.log(Ex01Sigmoid.sigmoid(-1000)), 0));
        double worst = 0;
        for (double z1 : LOGITS) {
            for (double z2 : new double[] {-1, 0, 2.5}) {
                worst = Math.max(worst, Math.abs(Ex05Softmax.softmax(new double[] {z1, z2})[0]
                        - Ex01Sigmoid.sigmoid(z1 - z2)));
            }
        }
        // both sides are probabilities computed with a few roundings each: a few ulps of 1 at most
        checks.add(new Claim("two-class softmax = sigmoid of the difference: softmax(z1, z2)_1 = sigma(z1 - z2)", 0,
                worst, 1e-15));
        double[] scores = {2, 1, -1};
        double sigmoids = 0;
        double softmax = 0;
        for (int i = 0; i < scores.length; i++) {
            sigmoids += Ex01Sigmoid.sigmoid(scores[i]);
            softmax += Ex05Softmax.softmax(scores)[i];
        }
        // sigma(2) + sigma(1) + sigma(-1) = sigma(2) + 1 = 1.880797 (sigma(1) + sigma(-1) = 1)
        checks.add(Claim.relative("multi-label: independent sigmoids of (2, 1, -1) sum to 1 + sigma(2) = 1.8808",
                1 + 1 / (1 + Math.exp(-2)), sigmoids, 1e-15));
        checks.add(new Claim("... while the softmax of the same scores sums to 1", 1, softmax, 1e-15));
    }

    private static void multiClass(List<Claim> checks) {
        double[] logits = {2, 1, -1, 0.5};
        int label = 2;
        double[] gradient = Ex06SoftmaxJacobian.crossEntropyGradient(logits, label);
        double[] s = Ex05Softmax.softmax(logits);
        double fd = 0;
        double algebra = 0;
        for (int i = 0; i < logits.length; i++) {
            int k = i;
            DoubleUnaryOperator loss = v -> {
                double[] shifted = logits.clone();
                shifted[k] = v;
                return Ex06SoftmaxJacobian.crossEntropyLoss(shifted, label);
            };
            fd = Math.max(fd, Math.abs(gradient[i] - slope(loss, logits[i])));
            algebra = Math.max(algebra, Math.abs(gradient[i] - (s[i] - (i == label ? 1 : 0))));
        }
        checks.add(new Claim("softmax + CE: crossEntropyGradient = central differences of crossEntropyLoss", 0, fd,
                FD_TOLERANCE));
        checks.add(new Claim("... = s - y with s = softmax(z) and y one-hot", 0, algebra, 1e-15));
        double z = 1.7;
        double y = -0.4;
        checks.add(new Claim("identity + MSE: d/dz (z - y)^2 / 2 = z - y", z - y,
                slope(v -> 0.5 * (v - y) * (v - y), z), FD_TOLERANCE));
    }

    private static void squaredError(List<Claim> checks) {
        double z = -10;
        double y = 1;
        double mse = slope(v -> 0.5 * Math.pow(Ex01Sigmoid.sigmoid(v) - y, 2), z);
        double crossEntropy = slope(v -> bce(v, y), z);
        checks.add(Claim.relative("sigmoid + MSE at z = -10, y = 1: gradient = sigma'(-10) x the BCE gradient "
                + "(4.5e-5 x)", Ex01Sigmoid.sigmoidDerivative(z), mse / crossEntropy, 1e-5));
    }

    private static void hidden(List<Claim> checks) {
        checks.add(new Claim("sigmoid: steepest slope sigma'(0) = 1/4", 0.25, Ex01Sigmoid.sigmoidDerivative(0), 0));
        checks.add(Claim.relative("sigmoid: E[sigma(Z)] = 1/2, outputs not centred (integral)", 0.5,
                NormalIntegrals.standard(Ex01Sigmoid::sigmoid), 1e-14));
        checks.add(new Claim("tanh: slope tanh'(0) = 1", 1, Ex02Tanh.tanhDerivative(0), 0));
        checks.add(new Claim("tanh: E[tanh Z] = 0, centred (integral)", 0, NormalIntegrals.standard(Ex02Tanh::tanh),
                1e-15));
        double tiny = 1e-9;
        checks.add(new Claim("ReLU: the slope jumps from 0 to 1 across 0", 1,
                Ex03ReluFamily.reluDerivative(tiny) - Ex03ReluFamily.reluDerivative(-tiny), 0));
        // GELU'' (0) = 2 phi(0) = 0.8: across [-1e-9, 1e-9] the slope moves by 1.6e-9
        checks.add(new Claim("GELU: the slope is continuous across 0 (gap over [-1e-9, 1e-9])", 0,
                Ex07SmoothActivations.geluDerivative(tiny) - Ex07SmoothActivations.geluDerivative(-tiny), 1e-8));
        checks.add(new Claim("GELU: slope 1/2 at 0", 0.5, Ex07SmoothActivations.geluDerivative(0), 1e-15));
        checks.add(new Claim("Leaky ReLU: slope 0.01 below 0, so a unit that is off still learns", 0.01,
                Ex03ReluFamily.leakyReluDerivative(-5, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE), 0));
        // ELU's slope below 0 is alpha e^x = 1 - 1e-9 at x = -1e-9
        checks.add(new Claim("ELU (alpha = 1): slope 1 on both sides of 0", 0,
                Ex03ReluFamily.eluDerivative(tiny, 1) - Ex03ReluFamily.eluDerivative(-tiny, 1), 1e-8));
    }

    /** Prints the lab report: the gradients of the output pairings on a few logits, then every check. */
    public static void main(String[] args) {
        double[] zs = {-10, -3, 0, 3, 10};
        double[][] rows = new double[zs.length][];
        for (int i = 0; i < zs.length; i++) {
            double z = zs[i];
            double p = Ex01Sigmoid.sigmoid(z);
            rows[i] = new double[] {z, p, p - 1, (p - 1) * Ex01Sigmoid.sigmoidDerivative(z)};
        }
        WriteUps.of(ChoosingActivations.class).report()
                .table("Target y = 1: the gradient with respect to the logit z",
                        List.of("z", "sigmoid(z)", "BCE: p - y", "MSE: (p - y) p'"), rows)
                .checks(checks())
                .print();
    }
}
