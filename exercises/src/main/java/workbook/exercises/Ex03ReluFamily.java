package workbook.exercises;

/**
 * The rectified linear unit and its relatives: piecewise functions that pass positive inputs through with
 * slope 1 and differ only in what they do with negative ones.
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code relu(x) = max(x, 0)}; a unit whose inputs are always negative gets gradient 0 and never
 *       recovers (a "dead" ReLU)</li>
 *   <li>{@code leakyRelu(x, slope) = x} for {@code x > 0}, {@code slope * x} otherwise: a small slope (the
 *       usual default is {@link #DEFAULT_LEAKY_SLOPE} = 0.01) keeps some gradient alive for negative inputs</li>
 *   <li>{@code elu(x, alpha) = x} for {@code x > 0}, {@code alpha * (exp(x) - 1)} otherwise: smooth negative
 *       part that levels off at {@code -alpha}</li>
 *   <li>{@code selu(x) = SELU_LAMBDA * elu(x, SELU_ALPHA)}: with these two constants, an input distributed
 *       as N(0, 1) comes out with mean 0 and variance 1 again, which is what makes SELU networks
 *       self-normalizing</li>
 *   <li>{@code hardswish(x) = x * min(max(x + 3, 0), 6) / 6}: 0 for {@code x <= -3}, x for {@code x >= 3},
 *       and the parabola {@code x * (x + 3) / 6} in between (a cheap stand-in for swish on mobile hardware)</li>
 *   <li>each function's derivative, {@code reluDerivative(x)} and so on</li>
 * </ul>
 *
 * <h2>Convention at a kink</h2>
 * Where a one-sided slope jumps, the derivative takes the value of the {@code x <= 0} branch, as the
 * mainstream frameworks do: {@code reluDerivative(0) = 0}, {@code leakyReluDerivative(0, slope) = slope},
 * {@code eluDerivative(0, alpha) = alpha}, {@code seluDerivative(0) = SELU_LAMBDA * SELU_ALPHA}. For hardswish
 * the middle piece owns only the open interval (-3, 3): its derivative is 0 for {@code x <= -3},
 * {@code (2x + 3) / 6} for {@code -3 < x < 3} and 1 for {@code x >= 3}.
 *
 * <h2>Argument rules</h2>
 * {@code slope} must be finite (any sign: a parametric ReLU learns it freely); {@code alpha} must be finite and
 * non-negative ({@code alpha = 0} turns ELU into ReLU). Otherwise throw an {@code IllegalArgumentException}
 * whose message names the argument and the rule, e.g. {@code "alpha must be finite and non-negative, got -1.0"}.
 * The input x may be any number; results for a NaN input are not specified.
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>{@code alpha * (Math.exp(x) - 1)} loses digits for x near 0 ({@code exp(-1e-8)} is stored next to 1,
 *       and subtracting 1 leaves mostly rounding error): {@code Math.expm1(x)} keeps them.</li>
 *   <li>Far out the functions settle: {@code elu(-1000, alpha) = -alpha}, {@code selu(-1000) =
 *       -SELU_LAMBDA * SELU_ALPHA}, their derivatives 0; nothing here may return NaN for a non-NaN input.</li>
 *   <li>A comparison with the wrong strictness ({@code x >= 0} where {@code x > 0} is meant) changes nothing
 *       but the value at the kink itself, and the checks evaluate every derivative exactly at 0, -3 and 3.</li>
 *   <li>The SELU constants are given below with more digits than a double keeps: use them as they are. A
 *       rounded copy such as 1.6733 already moves the output mean measurably away from 0.</li>
 * </ul>
 *
 * <h2>Hint</h2>
 * Each function is one comparison with 0 (two for hardswish). Write {@code elu} and {@code eluDerivative} first;
 * {@code selu} and {@code seluDerivative} are one line each on top of them.
 */
public final class Ex03ReluFamily {
    private Ex03ReluFamily() {}

    /** The usual slope of Leaky ReLU for negative inputs. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    /** SELU's alpha, from Klambauer et al., "Self-Normalizing Neural Networks" (2017). */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    /** SELU's scale lambda, from the same paper: with {@link #SELU_ALPHA} it maps N(0, 1) to mean 0, variance 1. */
    public static final double SELU_LAMBDA = 1.0507009873554804934193349852946;

    /** Returns {@code max(x, 0)}. */
    public static double relu(double x) {
        // TODO(Ex03): return x for x > 0, else 0.
        throw new UnsupportedOperationException("Ex03ReluFamily.relu is not implemented yet");
    }

    /** Returns 1 for {@code x > 0} and 0 for {@code x <= 0} (so {@code reluDerivative(0) = 0}). */
    public static double reluDerivative(double x) {
        // TODO(Ex03): return 1 for x > 0, else 0 (the x <= 0 branch owns the kink).
        throw new UnsupportedOperationException("Ex03ReluFamily.reluDerivative is not implemented yet");
    }

    /**
     * Returns x for {@code x > 0} and {@code slope * x} otherwise.
     *
     * @throws IllegalArgumentException if {@code slope} is not finite
     */
    public static double leakyRelu(double x, double slope) {
        // TODO(Ex03): reject a non-finite slope, then return x for x > 0, else slope * x.
        throw new UnsupportedOperationException("Ex03ReluFamily.leakyRelu is not implemented yet");
    }

    /**
     * Returns 1 for {@code x > 0} and {@code slope} for {@code x <= 0}.
     *
     * @throws IllegalArgumentException if {@code slope} is not finite
     */
    public static double leakyReluDerivative(double x, double slope) {
        // TODO(Ex03): reject a non-finite slope, then return 1 for x > 0, else slope.
        throw new UnsupportedOperationException("Ex03ReluFamily.leakyReluDerivative is not implemented yet");
    }

    /**
     * Returns x for {@code x > 0} and {@code alpha * (exp(x) - 1)} otherwise, accurate near 0 and equal to
     * {@code -alpha} far out on the negative side.
     *
     * @throws IllegalArgumentException if {@code alpha} is negative or not finite
     */
    public static double elu(double x, double alpha) {
        // TODO(Ex03): reject a bad alpha, then return x for x > 0, else alpha * (e^x - 1) computed with Math.expm1.
        throw new UnsupportedOperationException("Ex03ReluFamily.elu is not implemented yet");
    }

    /**
     * Returns 1 for {@code x > 0} and {@code alpha * exp(x)} for {@code x <= 0} (so
     * {@code eluDerivative(0, alpha) = alpha}).
     *
     * @throws IllegalArgumentException if {@code alpha} is negative or not finite
     */
    public static double eluDerivative(double x, double alpha) {
        // TODO(Ex03): reject a bad alpha, then return 1 for x > 0, else alpha * e^x.
        throw new UnsupportedOperationException("Ex03ReluFamily.eluDerivative is not implemented yet");
    }

    /** Returns {@code SELU_LAMBDA * elu(x, SELU_ALPHA)}. */
    public static double selu(double x) {
        // TODO(Ex03): return SELU_LAMBDA * elu(x, SELU_ALPHA).
        throw new UnsupportedOperationException("Ex03ReluFamily.selu is not implemented yet");
    }

    /**
     * Returns {@code SELU_LAMBDA} for {@code x > 0} and {@code SELU_LAMBDA * SELU_ALPHA * exp(x)} for
     * {@code x <= 0}.
     */
    public static double seluDerivative(double x) {
        // TODO(Ex03): return SELU_LAMBDA * eluDerivative(x, SELU_ALPHA).
        throw new UnsupportedOperationException("Ex03ReluFamily.seluDerivative is not implemented yet");
    }

    /** Returns {@code x * min(max(x + 3, 0), 6) / 6}: 0 for {@code x <= -3}, x for {@code x >= 3}. */
    public static double hardswish(double x) {
        // TODO(Ex03): return x * min(max(x + 3, 0), 6) / 6.
        throw new UnsupportedOperationException("Ex03ReluFamily.hardswish is not implemented yet");
    }

    /** Returns 0 for {@code x <= -3}, {@code (2x + 3) / 6} for {@code -3 < x < 3}, and 1 for {@code x >= 3}. */
    public static double hardswishDerivative(double x) {
        // TODO(Ex03): return 0 for x <= -3, 1 for x >= 3, and (2x + 3) / 6 strictly in between.
        throw new UnsupportedOperationException("Ex03ReluFamily.hardswishDerivative is not implemented yet");
    }
}
