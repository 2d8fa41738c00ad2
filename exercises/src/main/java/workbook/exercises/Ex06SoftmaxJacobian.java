package workbook.exercises;

import static workbook.given.Ex05Given.softmax;

/**
 * Softmax couples its outputs: nudging one logit moves every probability, so its derivative is a matrix, the
 * Jacobian {@code J[i][j] = d s_i / d z_j}; cross-entropy, the loss that usually follows softmax, has a
 * gradient with respect to the logits that you will find strikingly simple.
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code jacobian(s)}: the n-by-n matrix {@code J[i][j] = d s_i / d z_j} of {@code s = softmax(z)},
 *       written in terms of s alone (derive it: differentiate {@code s_i = exp(z_i) / sum_k exp(z_k)})</li>
 *   <li>{@code jacobianVectorProduct(s, v) = J v}, in O(n) time and memory, without ever forming J</li>
 *   <li>{@code crossEntropyLoss(z, label) = -log(softmax(z)[label])}</li>
 *   <li>{@code crossEntropyGradient(z, label)}: the gradient of that loss with respect to the logits z</li>
 * </ul>
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>Checks to run on your J: does every row sum to 0 (the probabilities still sum to 1 after any nudge)?
 *       Is J symmetric and positive semi-definite? For a strictly positive s, is its rank n - 1 (shifting every
 *       logit alike changes nothing)? And what should J be for a saturated {@code s = (0, 1, 0)}?</li>
 *   <li>For 100,000 classes J has \( 10^{10} \) entries (80 GB): what does J v cost if you form J first?</li>
 *   <li>{@code crossEntropyLoss([1000, -1000], 1)} is a plain 2000. What do {@code exp(1000)} and
 *       {@code log(softmax(z)[1])} give?</li>
 * </ul>
 *
 * <h2>Given</h2>
 * A stable {@code softmax} is imported from {@code workbook.given.Ex05Given}: it is Ex05's answer, so finish
 * Ex05 before you open that file. The argument checks are given complete at the end of this file.
 *
 * <h2>Where to look</h2>
 * The Jacobian, its vector product and the cross-entropy gradient are derived in {@writeup softmax}.
 * Stuck? {@code java exercises/hints/Hint.java ex06} shows the next hint.
 */
public final class Ex06SoftmaxJacobian {
    /** How far from 1 the entries of a probability vector may sum: a softmax of n entries is off by ~n ulps. */
    public static final double SUM_TOLERANCE = 1e-9;

    private Ex06SoftmaxJacobian() {}

    /**
     * Returns the n-by-n softmax Jacobian {@code J[i][j] = d s_i / d z_j} at {@code s = softmax(z)}.
     *
     * @param s a probability vector: non-empty, finite, non-negative entries that sum to 1 within
     *          {@link #SUM_TOLERANCE}
     * @throws IllegalArgumentException if s is not such a vector
     */
    public static double[][] jacobian(double[] s) {
        // TODO(Ex06): check s with requireProbabilityVector, then fill J (write-up: SoftmaxCalculus).
        throw new UnsupportedOperationException("Ex06SoftmaxJacobian.jacobian is not implemented yet");
    }

    /**
     * Returns {@code J v} for the softmax Jacobian J of s, in O(n) time and memory.
     *
     * @param s a probability vector, as for {@link #jacobian(double[])}
     * @param v a vector of the same length as s
     * @throws IllegalArgumentException if s is not a probability vector or the lengths differ
     */
    public static double[] jacobianVectorProduct(double[] s, double[] v) {
        // TODO(Ex06): check s and v, then return J v without forming J (write-up: SoftmaxCalculus).
        throw new UnsupportedOperationException("Ex06SoftmaxJacobian.jacobianVectorProduct is not implemented yet");
    }

    /**
     * Returns the cross-entropy {@code -log(softmax(logits)[label])}, finite for logits as large as \( \pm 1000 \).
     *
     * @param logits non-empty, finite scores
     * @param label  the index of the true class, in {@code [0, logits.length)}
     * @throws IllegalArgumentException if the logits are empty or not finite, or the label is out of range
     */
    public static double crossEntropyLoss(double[] logits, int label) {
        // TODO(Ex06): check the arguments, then return the loss, finite at +-1000 (write-up: FloatingPoint).
        throw new UnsupportedOperationException("Ex06SoftmaxJacobian.crossEntropyLoss is not implemented yet");
    }

    /**
     * Returns the gradient of {@link #crossEntropyLoss} with respect to the logits. Its entries sum to 0; only
     * the label's entry is negative.
     *
     * @param logits non-empty, finite scores
     * @param label  the index of the true class, in {@code [0, logits.length)}
     * @throws IllegalArgumentException if the logits are empty or not finite, or the label is out of range
     */
    public static double[] crossEntropyGradient(double[] logits, int label) {
        // TODO(Ex06): check the arguments, then return the loss gradient (write-up: SoftmaxCalculus).
        throw new UnsupportedOperationException("Ex06SoftmaxJacobian.crossEntropyGradient is not implemented yet");
    }

    private static void requireProbabilityVector(double[] s) {
        if (s == null || s.length == 0) {
            throw new IllegalArgumentException("s must be a non-empty probability vector, got "
                    + (s == null ? "null" : "an empty array"));
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0 && s[i] <= 1)) {
                throw new IllegalArgumentException(
                        "s must hold probabilities in [0, 1], got s[" + i + "] = " + s[i]);
            }
            sum += s[i];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("s must sum to 1 (within " + SUM_TOLERANCE + "), got " + sum);
        }
    }

    private static void requireSameLength(double[] s, double[] v) {
        if (v == null || v.length != s.length) {
            throw new IllegalArgumentException("v must have the same length as s (" + s.length + "), got "
                    + (v == null ? "null" : v.length));
        }
    }

    private static void requireLogits(double[] logits, int label) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("logits must be a non-empty array, got "
                    + (logits == null ? "null" : "an empty array"));
        }
        for (int i = 0; i < logits.length; i++) {
            if (!Double.isFinite(logits[i])) {
                throw new IllegalArgumentException("logits must be finite, got logits[" + i + "] = " + logits[i]);
            }
        }
        if (label < 0 || label >= logits.length) {
            throw new IllegalArgumentException("label must be in [0, " + logits.length + "), got " + label);
        }
    }
}
