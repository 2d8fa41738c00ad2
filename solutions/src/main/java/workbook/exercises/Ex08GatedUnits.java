package workbook.exercises;

import static workbook.given.Ex01Given.sigmoid;
import static workbook.given.Ex07Given.gelu;
import static workbook.given.Ex07Given.silu;

import java.util.Arrays;

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
 *       {@code dA = dL/da} and {@code dB = dL/db} (derive both by the chain rule)</li>
 * </ul>
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>The gate is the second argument: {@code glu(a, b)} is not {@code glu(b, a)}.</li>
 *   <li>Two gradient paths: what reaches the content, and what reaches the gate? With a closed gate
 *       ({@code b} very negative), which of the two survives? With a wide-open one?</li>
 *   <li>Mismatched lengths, empty input and an odd length to split are errors
 *       ({@code IllegalArgumentException}), not a silently truncated result. Return new arrays; leave the
 *       arguments untouched.</li>
 *   <li>{@code b = +-1000} must give finite results, and at {@code b = 40} the gate's gradient is tiny but not
 *       0: does a subtraction in your formula round it away?</li>
 * </ul>
 *
 * <h2>Given</h2>
 * Stable {@code sigmoid}, {@code gelu} and {@code silu} are imported from {@code workbook.given.Ex01Given} and
 * {@code workbook.given.Ex07Given}: they are Ex01's and Ex07's answers, so finish those before you open them.
 * The argument checks are given complete at the end of this file.
 *
 * <h2>Where to look</h2>
 * The two gradient paths are derived in {@writeup gated-units}. Stuck? {@code java exercises/hints/Hint.java ex08}
 * shows the next hint.
 */
public final class Ex08GatedUnits {
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
        requireSameLength(a, b);
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] * sigmoid(b[i]);
        }
        return y;
    }

    /**
     * Returns {@code glu(a, b)} for the halves {@code a = x[0 .. n/2)} and {@code b = x[n/2 .. n)} of x.
     *
     * @throws IllegalArgumentException if x is empty or its length is odd
     */
    public static double[] glu(double[] x) {
        requireEvenLength(x);
        int half = x.length / 2;
        return glu(Arrays.copyOfRange(x, 0, half), Arrays.copyOfRange(x, half, x.length));
    }

    /**
     * Returns {@code a * gelu(b)} elementwise, with the exact GELU {@code x * Phi(x)}.
     *
     * @throws IllegalArgumentException if a or b is empty or their lengths differ
     */
    public static double[] geglu(double[] a, double[] b) {
        requireSameLength(a, b);
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] * gelu(b[i]);
        }
        return y;
    }

    /**
     * Returns {@code a * silu(b)} elementwise, with {@code silu(x) = x * sigmoid(x)}.
     *
     * @throws IllegalArgumentException if a or b is empty or their lengths differ
     */
    public static double[] swiglu(double[] a, double[] b) {
        requireSameLength(a, b);
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] * silu(b[i]);
        }
        return y;
    }

    /**
     * Returns the gradients of a loss L with respect to a and b, given {@code upstream = dL/dy} for
     * {@code y = glu(a, b)}.
     *
     * @throws IllegalArgumentException if any argument is empty or the three lengths differ
     */
    public static GateGradients gluBackward(double[] a, double[] b, double[] upstream) {
        requireSameLength(a, b);
        requireUpstreamLength(upstream, a.length);
        double[] dA = new double[a.length];
        double[] dB = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double gate = sigmoid(b[i]);
            dA[i] = upstream[i] * gate;
            // d sigmoid / db = sigmoid(b) sigmoid(-b), exact in both tails
            dB[i] = upstream[i] * a[i] * gate * sigmoid(-b[i]);
        }
        return new GateGradients(dA, dB);
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
