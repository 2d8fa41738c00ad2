package workbook.exercises;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * A gated linear unit multiplies a content vector {@code a} by a gate computed from a second vector {@code b};
 * the transformer feed-forward blocks of PaLM and LLaMA (SwiGLU) and of T5 v1.1 (GeGLU) are built this way.
 *
 * <h2>Task</h2>
 * Elementwise, for content {@code a} and gate input {@code b} of the same length:
 * <ul>
 *   <li>{@code glu(a, b) = a * sigmoid(b)}; {@code glu(x)} splits x into halves {@code [a | b]} (first half
 *       content, second half gate, as PyTorch's {@code glu} does) and applies {@code glu(a, b)}</li>
 *   <li>{@code geglu(a, b) = a * gelu(b)} (exact GELU) and {@code swiglu(a, b) = a * silu(b)}</li>
 *   <li>{@code gluBackward(a, b, upstream)}: given {@code upstream = dL/dy} for {@code y = glu(a, b)}, return
 *       {@code dA = upstream * sigmoid(b)} and {@code dB = upstream * a * sigmoid(b) * (1 - sigmoid(b))}</li>
 * </ul>
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>The gate is the second argument: {@code glu(a, b)} is not {@code glu(b, a)}.</li>
 *   <li>Two gradient paths: the content gets the gate's value, the gate gets the content times the sigmoid's
 *       slope. A closed gate ({@code b} very negative) stops both, an open one stops only the gate's.</li>
 *   <li>Mismatched lengths, empty input and an odd length to split are errors
 *       ({@code IllegalArgumentException}), not a silently truncated result. Return new arrays; leave the
 *       arguments untouched.</li>
 *   <li>{@code b = +-1000} must give finite results, and {@code 1 - sigmoid(b)} rounds to 0 long before the true
 *       value does (at {@code b = 40} already).</li>
 * </ul>
 *
 * <h2>Hint</h2>
 * One loop per method; the argument checks and stable {@code sigmoid}, {@code gelu} and {@code silu} are given
 * below. Write {@code 1 - sigmoid(b)} as {@code sigmoid(-b)}, which keeps its tail.
 */
public final class Ex08GatedUnits {
    private static final double SQRT_2 = Math.sqrt(2);

    private Ex08GatedUnits() {}

    /**
     * The two gradients of {@code glu(a, b)}: {@code dA = dL/da} for the content and {@code dB = dL/db} for the
     * gate, each of the same length as a.
     */
    public record GateGradients(double[] dA, double[] dB) {}

    /**
     * Returns {@code a * sigmoid(b)} elementwise.
     *
     * @throws IllegalArgumentException if a or b is empty or their lengths differ
     */
    public static double[] glu(double[] a, double[] b) {
        // TODO(Ex08): check the lengths, then return a[i] * sigmoid(b[i]) in a new array.
        throw new UnsupportedOperationException("Ex08GatedUnits.glu is not implemented yet");
    }

    /**
     * Returns {@code glu(a, b)} for the halves {@code a = x[0 .. n/2)} and {@code b = x[n/2 .. n)} of x.
     *
     * @throws IllegalArgumentException if x is empty or its length is odd
     */
    public static double[] glu(double[] x) {
        // TODO(Ex08): check x, then apply glu(a, b) to its first half a and its second half b.
        throw new UnsupportedOperationException("Ex08GatedUnits.glu is not implemented yet");
    }

    /**
     * Returns {@code a * gelu(b)} elementwise, with the exact GELU {@code x * Phi(x)}.
     *
     * @throws IllegalArgumentException if a or b is empty or their lengths differ
     */
    public static double[] geglu(double[] a, double[] b) {
        // TODO(Ex08): as in glu(a, b), with gelu(b[i]) as the gate.
        throw new UnsupportedOperationException("Ex08GatedUnits.geglu is not implemented yet");
    }

    /**
     * Returns {@code a * silu(b)} elementwise, with {@code silu(x) = x * sigmoid(x)}.
     *
     * @throws IllegalArgumentException if a or b is empty or their lengths differ
     */
    public static double[] swiglu(double[] a, double[] b) {
        // TODO(Ex08): as in glu(a, b), with silu(b[i]) as the gate.
        throw new UnsupportedOperationException("Ex08GatedUnits.swiglu is not implemented yet");
    }

    /**
     * Returns the gradients of a loss L with respect to a and b, given {@code upstream = dL/dy} for
     * {@code y = glu(a, b)}.
     *
     * @throws IllegalArgumentException if any argument is empty or the three lengths differ
     */
    public static GateGradients gluBackward(double[] a, double[] b, double[] upstream) {
        // TODO(Ex08): check the three lengths, then return dA and dB from the class comment.
        throw new UnsupportedOperationException("Ex08GatedUnits.gluBackward is not implemented yet");
    }

    /** Returns {@code 1 / (1 + exp(-x))}, never NaN for a non-NaN input (as in Ex01). */
    private static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** Returns the exact GELU {@code x * Phi(x)} with {@code Phi(x) = erfc(-x / sqrt(2)) / 2} (as in Ex07). */
    private static double gelu(double x) {
        return x * 0.5 * Erf.erfc(-x / SQRT_2);
    }

    /** Returns {@code x * sigmoid(x)}. */
    private static double silu(double x) {
        return x * sigmoid(x);
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("a must be a non-empty array, got "
                    + (a == null ? "null" : "an empty array"));
        }
        if (b == null || b.length != a.length) {
            throw new IllegalArgumentException("b must have the same length as a (" + a.length + "), got "
                    + (b == null ? "null" : b.length));
        }
    }

    private static void requireUpstreamLength(double[] upstream, int n) {
        if (upstream == null || upstream.length != n) {
            throw new IllegalArgumentException("upstream must have the same length as a and b (" + n + "), got "
                    + (upstream == null ? "null" : upstream.length));
        }
    }

    private static void requireEvenLength(double[] x) {
        if (x == null || x.length == 0 || x.length % 2 != 0) {
            throw new IllegalArgumentException("x must have a positive even length to split into halves [a | b], "
                    + "got " + (x == null ? "null" : "length " + x.length));
        }
    }
}
