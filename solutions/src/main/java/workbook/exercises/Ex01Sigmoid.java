package workbook.exercises;

/**
 * The logistic sigmoid squashes any real number into the open interval (0, 1); its relatives softplus and
 * log-sigmoid appear wherever a probability meets a logarithm (logistic loss, binary cross-entropy).
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code sigmoid(x) = 1 / (1 + exp(-x))}</li>
 *   <li>{@code sigmoidDerivative(x)}, the slope of sigmoid at x: derive it on paper, then write it through
 *       sigmoid itself</li>
 *   <li>{@code softplus(x) = log(1 + exp(x))}, a smooth ReLU</li>
 *   <li>{@code logSigmoid(x) = log(sigmoid(x))}</li>
 * </ul>
 * Every method must return a finite number (never NaN, never an infinity) for every finite x, accurate relative
 * to its own size: the checks walk \( x \) out to \( \pm 1000 \) and compare with independent evidence
 * (finite differences, limits, identities between the four functions).
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>What does {@code Math.exp(1000)} return, and what is {@code 1 / (1 + that)}? What do
 *       {@code sigmoid(-1000)} and {@code softplus(1000)} give with the formulas above?</li>
 *   <li>What is {@code Math.log(1 + 1e-20)}? {@code softplus(-50)} is about 1.9e-22, not 0, and
 *       {@code logSigmoid(-1000)} is about -1000, not {@code -Infinity}.</li>
 *   <li>{@code sigmoidDerivative(40)} is about 4.2e-18. Does your formula return that, or 0? Which subtraction
 *       rounds the answer away?</li>
 * </ul>
 *
 * <h2>Where to look</h2>
 * The derivation of the slope is in {@writeup derivatives}; overflow, {@code log1p} and
 * cancellation in {@writeup floats}. Stuck? {@code java exercises/hints/Hint.java ex01} shows the next hint.
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

    /** Returns the slope of sigmoid at x: 1/4 at 0, tending to 0 in both tails, never rounded to 0 early. */
    public static double sigmoidDerivative(double x) {
        // 1 - sigmoid(x) = sigmoid(-x) avoids cancellation for large x
        return sigmoid(x) * sigmoid(-x);
    }

    /**
     * Returns {@code log(1 + exp(x))}: about \( x \) for large \( x \), about \( e^x \) for very negative \( x \).
     */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * Returns {@code log(sigmoid(x))}: about \( x \) for very negative \( x \), about \( -e^{-x} \) for large \( x \).
     */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }
}
