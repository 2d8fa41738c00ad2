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
 *       as \( N(0, 1) \) comes out with mean 0 and variance 1 again, which is what makes SELU networks
 *       self-normalizing</li>
 *   <li>{@code hardswish(x) = x * min(max(x + 3, 0), 6) / 6} (a cheap stand-in for swish on mobile
 *       hardware)</li>
 *   <li>each function's derivative, {@code reluDerivative(x)} and so on: derive each piece's slope</li>
 * </ul>
 *
 * <h2>Convention at a kink</h2>
 * Where a one-sided slope jumps, the derivative takes the value of the {@code x <= 0} branch, as the
 * mainstream frameworks do: {@code reluDerivative(0)} is the slope of ReLU's left piece, and so on. For
 * hardswish the middle piece owns only the open interval (-3, 3): at -3 and at 3 the outer pieces' slopes apply.
 *
 * <h2>Argument rules</h2>
 * {@code slope} must be finite (any sign: a parametric ReLU learns it freely); {@code alpha} must be finite and
 * non-negative ({@code alpha = 0} turns ELU into ReLU). Otherwise throw an {@code IllegalArgumentException}
 * whose message names the argument and the rule, e.g. {@code "alpha must be finite and non-negative, got -1.0"}.
 * The input x may be any number; results for a NaN input are not specified.
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>What does {@code Math.exp(-1e-8) - 1} return, and how many of its digits are right?
 *       {@code elu(-1e-8, 1)} must be about -1e-8 to full precision.</li>
 *   <li>Far out the functions settle: what must {@code elu(-1000, alpha)} and {@code selu(-1000)} be, and their
 *       slopes? Nothing here may return NaN for a non-NaN input.</li>
 *   <li>{@code x >= 0} where {@code x > 0} is meant changes nothing but the value at the kink itself, and the
 *       checks evaluate every derivative exactly at 0, -3 and 3.</li>
 *   <li>The SELU constants are given below with more digits than a double keeps: use them as they are. A
 *       rounded copy such as 1.6733 already moves the output mean measurably away from 0.</li>
 * </ul>
 *
 * <h2>Where to look</h2>
 * The slopes: {@writeup derivatives}; {@code expm1}: {@writeup floats}; SELU's fixed point:
 * {@writeup activation-stats}; dead units: {@writeup dead-relus}. Stuck? {@code java exercises/hints/Hint.java ex03}
 * shows the next hint.
 */
public final class Ex03ReluFamily {
    private Ex03ReluFamily() {}

    /** The usual slope of Leaky ReLU for negative inputs. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    /** SELU's alpha. From "Self-normalizing neural networks" {@cite klambauer2017}. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    /**
     * SELU's scale lambda, from the same paper: with {@link #SELU_ALPHA} it maps \( N(0, 1) \) to mean 0, variance 1.
     */
    public static final double SELU_LAMBDA = 1.0507009873554804934193349852946;

    /** Returns {@code max(x, 0)}. */
    public static double relu(double x) {
        return x > 0 ? x : 0.0;
    }

    /** Returns the slope of {@code relu} at x; at the kink, the left piece's slope. */
    public static double reluDerivative(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    /**
     * Returns x for {@code x > 0} and {@code slope * x} otherwise.
     *
     * @throws IllegalArgumentException if {@code slope} is not finite
     */
    public static double leakyRelu(double x, double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("slope must be finite, got " + slope);
        }
        return x > 0 ? x : slope * x;
    }

    /**
     * Returns the slope of {@code leakyRelu(x, slope)} in x; at the kink, the left piece's slope.
     *
     * @throws IllegalArgumentException if {@code slope} is not finite
     */
    public static double leakyReluDerivative(double x, double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("slope must be finite, got " + slope);
        }
        return x > 0 ? 1.0 : slope;
    }

    /**
     * Returns x for {@code x > 0} and {@code alpha * (exp(x) - 1)} otherwise, accurate near 0 and equal to
     * {@code -alpha} far out on the negative side.
     *
     * @throws IllegalArgumentException if {@code alpha} is negative or not finite
     */
    public static double elu(double x, double alpha) {
        if (!Double.isFinite(alpha) || alpha < 0) {
            throw new IllegalArgumentException("alpha must be finite and non-negative, got " + alpha);
        }
        // expm1 keeps the digits that exp(x) - 1 would cancel near 0
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    /**
     * Returns the slope of {@code elu(x, alpha)} in x; at the kink, the left piece's slope.
     *
     * @throws IllegalArgumentException if {@code alpha} is negative or not finite
     */
    public static double eluDerivative(double x, double alpha) {
        if (!Double.isFinite(alpha) || alpha < 0) {
            throw new IllegalArgumentException("alpha must be finite and non-negative, got " + alpha);
        }
        return x > 0 ? 1.0 : alpha * Math.exp(x);
    }

    /** Returns {@code SELU_LAMBDA * elu(x, SELU_ALPHA)}. */
    public static double selu(double x) {
        return SELU_LAMBDA * elu(x, SELU_ALPHA);
    }

    /**
     * Returns the slope of {@code selu} at x; at the kink, the left piece's slope.
     */
    public static double seluDerivative(double x) {
        return SELU_LAMBDA * eluDerivative(x, SELU_ALPHA);
    }

    /** Returns {@code x * min(max(x + 3, 0), 6) / 6}. */
    public static double hardswish(double x) {
        // divide the gate before multiplying, so that x * 6 cannot overflow for huge x
        return x * (Math.min(Math.max(x + 3, 0), 6) / 6);
    }

    /** Returns the slope of {@code hardswish} at x; the middle piece owns only the open interval (-3, 3). */
    public static double hardswishDerivative(double x) {
        if (x <= -3) {
            return 0.0;
        }
        if (x >= 3) {
            return 1.0;
        }
        return (2 * x + 3) / 6;
    }
}
