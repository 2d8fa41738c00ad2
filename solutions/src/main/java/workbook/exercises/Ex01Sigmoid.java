package workbook.exercises;

/**
 * The logistic sigmoid squashes any real number into the open interval (0, 1); its relatives softplus and
 * log-sigmoid appear wherever a probability meets a logarithm (logistic loss, binary cross-entropy).
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code sigmoid(x) = 1 / (1 + exp(-x))}</li>
 *   <li>{@code sigmoidDerivative(x) = sigmoid(x) * (1 - sigmoid(x))}, largest at 0 where it is 1/4</li>
 *   <li>{@code softplus(x) = log(1 + exp(x))}, a smooth ReLU whose derivative is {@code sigmoid(x)}</li>
 *   <li>{@code logSigmoid(x) = log(sigmoid(x)) = -softplus(-x)}</li>
 * </ul>
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>{@code exp(1000)} overflows to Infinity. {@code sigmoid(-1000)} must be (close to) 0, never NaN, and
 *       {@code softplus(1000)} must be 1000, not Infinity.</li>
 *   <li>{@code log(1 + tiny)} loses the tiny part: {@code Math.log1p(t)} keeps it. {@code logSigmoid(-1000)}
 *       must be -1000, not {@code -Infinity}.</li>
 *   <li>{@code 1 - sigmoid(x)} for large x cancels to 0 long before the true value underflows; the identity
 *       {@code 1 - sigmoid(x) = sigmoid(-x)} avoids the subtraction.</li>
 * </ul>
 *
 * <h2>Hint</h2>
 * Branch on the sign of x so that {@code exp} only ever sees a non-positive argument:
 * {@code softplus(x) = max(x, 0) + log1p(exp(-|x|))}.
 */
public final class Ex01Sigmoid {
    private Ex01Sigmoid() {}

    /** Returns {@code 1 / (1 + exp(-x))}, in [0, 1] and never NaN for a non-NaN input. */
    public static double sigmoid(double x) {
        // branch on the sign so that exp never sees a positive argument
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** Returns {@code sigmoid(x) * (1 - sigmoid(x))}: 1/4 at 0, tending to 0 in both tails. */
    public static double sigmoidDerivative(double x) {
        // 1 - sigmoid(x) = sigmoid(-x) avoids cancellation for large x
        return sigmoid(x) * sigmoid(-x);
    }

    /** Returns {@code log(1 + exp(x))}: about x for large x, about exp(x) for very negative x. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** Returns {@code log(sigmoid(x))}: about x for very negative x, about -exp(-x) for large x. */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }
}
