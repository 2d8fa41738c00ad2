package workbook.exercises;

/**
 * The hyperbolic tangent is the zero-centred sibling of the sigmoid: it maps the real line onto (-1, 1), passes
 * through the origin with slope 1, and still saturates in both tails.
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x))}, built from {@code Math.exp} or
 *       {@code Math.expm1} (calling {@code Math.tanh} or {@code Math.sinh} is not the exercise)</li>
 *   <li>{@code tanhDerivative(x)}, the slope of tanh at x: derive it and write it so that it keeps its relative
 *       accuracy in the tails</li>
 *   <li>{@code saturationFraction(activations, threshold)}: the fraction of entries with
 *       {@code |a| > threshold}; the write-ups count a tanh unit as saturated when {@code |a| > 0.95}</li>
 *   <li>{@code centeredSigmoid(x) = 4 * sigmoid(x) - 2}, with {@code sigmoid(x) = 1 / (1 + exp(-x))}: the affine
 *       rescaling of the sigmoid that is odd and has slope 1 at 0, the two properties Xavier initialization
 *       assumes of an activation</li>
 * </ul>
 * The checks want every result within a few ulps of the true value, from {@code x = +-1e-8} out to
 * {@code +-1000}, and never NaN.
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>What is {@code Infinity / Infinity} in Java? {@code tanh(1000)} must be 1 and {@code tanh(-1000)} -1.</li>
 *   <li>{@code tanh(1e-8)} equals 1e-8 to all 16 digits, but {@code 2 * sigmoid(2e-8) - 1} gives
 *       {@code 9.99999993922529E-9}, and the textbook quotient loses as many digits. Which operation destroyed
 *       them?</li>
 *   <li>{@code tanh(20)} rounds to exactly 1 in double precision, yet the slope of tanh at 20 is about
 *       1.7e-17. What does your derivative return there?</li>
 *   <li>{@code 4 * sigmoid(x) - 2} has the same trouble near 0 as {@code 2 * sigmoid(2x) - 1}:
 *       {@code centeredSigmoid(1e-8)} must be about 1e-8 to full precision.</li>
 * </ul>
 *
 * <h2>Where to look</h2>
 * Cancellation and {@code expm1}: {@writeup floats}; the slope: {@writeup derivatives};
 * the centred sigmoid: {@writeup affine-sigmoid}; saturation: {@writeup vanishing}. Stuck?
 * {@code java exercises/hints/Hint.java ex02} shows the next hint. Never call another exercise's class: each
 * exercise is graded on its own.
 */
public final class Ex02Tanh {
    private Ex02Tanh() {}

    /**
     * Returns the hyperbolic tangent of x, within a few ulps of the exact value for every input: about \( x \) near 0,
     * exactly \( \pm 1 \) from about {@code |x| = 19.1} on, never NaN for a non-NaN input.
     */
    public static double tanh(double x) {
        // TODO(Ex02): return tanh(x), accurate near 0 and exactly +-1 far out (write-up: FloatingPoint).
        throw new UnsupportedOperationException("Ex02Tanh.tanh is not implemented yet");
    }

    /**
     * Returns the slope of tanh at x: exactly 1 at 0, even in x, and accurate relative to its own size in the
     * tails (about 1.7e-17 at {@code x = 20}, not 0 before the true value underflows).
     */
    public static double tanhDerivative(double x) {
        // TODO(Ex02): return the slope of tanh, tiny tail values included (write-up: ActivationDerivatives).
        throw new UnsupportedOperationException("Ex02Tanh.tanhDerivative is not implemented yet");
    }

    /**
     * Returns the fraction of {@code activations} whose absolute value is strictly greater than
     * {@code threshold}, a number in [0, 1]. The array is not modified.
     *
     * @param activations the activations of a layer; non-empty, no NaN entry (infinite entries count as
     *                    saturated)
     * @param threshold   the saturation level, e.g. 0.95 for tanh; non-negative and not NaN
     * @throws IllegalArgumentException if {@code activations} is null, empty or contains NaN, or if
     *                                  {@code threshold} is negative or NaN; the message names the argument
     */
    public static double saturationFraction(double[] activations, double threshold) {
        // TODO(Ex02): reject bad arguments, then count the entries with |a| > threshold (write-up: VanishingGradients).
        throw new UnsupportedOperationException("Ex02Tanh.saturationFraction is not implemented yet");
    }

    /**
     * Returns {@code 4 * sigmoid(x) - 2}: odd, slope 1 at 0, range \( (-2, 2) \), accurate near 0 (about \( x \)
     * there) and equal to \( \pm 2 \) far out.
     */
    public static double centeredSigmoid(double x) {
        // TODO(Ex02): return 4 sigmoid(x) - 2 without cancellation near 0 (write-up: AffineSigmoid).
        throw new UnsupportedOperationException("Ex02Tanh.centeredSigmoid is not implemented yet");
    }
}
