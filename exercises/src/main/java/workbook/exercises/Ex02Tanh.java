package workbook.exercises;

/**
 * The hyperbolic tangent is the zero-centred sibling of the sigmoid: it maps the real line onto (-1, 1), passes
 * through the origin with slope 1, and still saturates in both tails.
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x))}, built from {@code Math.exp} or
 *       {@code Math.expm1} (calling {@code Math.tanh} is not the exercise)</li>
 *   <li>{@code tanhDerivative(x) = 1 - tanh(x)^2}: 1 at 0, tending to 0 in both tails</li>
 *   <li>{@code saturationFraction(activations, threshold)}: the fraction of entries with
 *       {@code |a| > threshold}; the course counts a tanh unit as saturated when {@code |a| > 0.95}</li>
 *   <li>{@code centeredSigmoid(x) = 4 * sigmoid(x) - 2 = 2 * tanh(x / 2)}: the affine rescaling of the sigmoid
 *       that is odd and has slope 1 at 0, the two properties Xavier initialization assumes of an activation</li>
 * </ul>
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>Overflow: {@code exp(1000)} is Infinity and {@code Infinity / Infinity} is NaN. {@code tanh(1000)} must
 *       be 1 and {@code tanh(-1000)} must be -1.</li>
 *   <li>Cancellation near 0. {@code tanh(x) = 2 * sigmoid(2x) - 1} holds on paper, not in double precision.
 *       {@code sigmoid(2e-8) = 0.500000005...} is stored with an absolute error of up to
 *       {@code ulp(0.5) / 2 = 5.6e-17}; doubling it and subtracting 1 keeps that absolute error but leaves a
 *       result of only {@code 1e-8}, so the relative error grows to about {@code 1e-8}: half of the 16 digits
 *       are gone ({@code 2 * sigmoid(2e-8) - 1} gives {@code 9.99999993922529E-9}). The textbook quotient
 *       {@code (exp(x) - exp(-x)) / (exp(x) + exp(-x))} loses the same digits in its numerator.</li>
 *   <li>The cure is {@code Math.expm1(u) = exp(u) - 1}, computed without ever forming {@code exp(u)}:
 *       {@code expm1(-2e-8) = -1.99999998E-8} to full precision. With {@code t = expm1(-2|x|)},
 *       {@code tanh(|x|) = -t / (2 + t)}: no two nearly equal numbers are subtracted anywhere, and
 *       {@code t} stays in [-1, 0], so nothing overflows either.</li>
 *   <li>Tails of the derivative: {@code tanh(20)} rounds to exactly 1, so {@code 1 - tanh(20)^2} is 0 while
 *       the true value is about {@code 4 * exp(-40) = 1.7e-17}. Write {@code 1 - tanh(x)^2 = 1 / cosh(x)^2
 *       = 4e / (1 + e)^2} with {@code e = exp(-2|x|)}, which keeps its relative accuracy in the tails.</li>
 *   <li>{@code 4 * sigmoid(x) - 2} cancels near 0 exactly like {@code 2 * sigmoid(2x) - 1}: compute the centred
 *       sigmoid through your {@code tanh}.</li>
 * </ul>
 *
 * <h2>Hint</h2>
 * tanh is odd: compute it for {@code |x|} and put the sign back with {@code Math.copySign}. Never call
 * another exercise's class: each exercise is graded on its own.
 */
public final class Ex02Tanh {
    private Ex02Tanh() {}

    /**
     * Returns the hyperbolic tangent of x, within a few ulps of the exact value for every input: about x near 0,
     * exactly +-1 from about {@code |x| = 19.1} on, never NaN for a non-NaN input.
     */
    public static double tanh(double x) {
        // TODO(Ex02): return (e^x - e^-x) / (e^x + e^-x) via Math.expm1: accurate near 0, exactly +-1 far out.
        throw new UnsupportedOperationException("Ex02Tanh.tanh is not implemented yet");
    }

    /**
     * Returns {@code 1 - tanh(x)^2}: exactly 1 at 0, even in x, and accurate relative to its own size in the
     * tails (about {@code 4 * exp(-2|x|)} there, not 0 before it underflows).
     */
    public static double tanhDerivative(double x) {
        // TODO(Ex02): return 1 - tanh(x)^2 in a form that keeps tiny tail values instead of rounding them to 0.
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
        // TODO(Ex02): reject bad arguments, then return the fraction of entries with |a| > threshold.
        throw new UnsupportedOperationException("Ex02Tanh.saturationFraction is not implemented yet");
    }

    /**
     * Returns {@code 4 * sigmoid(x) - 2 = 2 * tanh(x / 2)}: odd, slope 1 at 0, range (-2, 2), accurate near 0
     * (about x there) and equal to +-2 far out.
     */
    public static double centeredSigmoid(double x) {
        // TODO(Ex02): return 4 sigmoid(x) - 2 through the identity 2 tanh(x / 2), which does not cancel near 0.
        throw new UnsupportedOperationException("Ex02Tanh.centeredSigmoid is not implemented yet");
    }
}
