package workbook.exercises;

/**
 * Softmax couples its outputs: nudging one logit moves every probability, so its derivative is a matrix, the
 * Jacobian {@code J[i][j] = d s_i / d z_j}; paired with cross-entropy, that matrix collapses to {@code p - y}.
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code jacobian(s) = diag(s) - s s^T} for a probability vector {@code s = softmax(z)}, that is
 *       {@code J[i][j] = s[i] * (delta_ij - s[j])}: {@code s[i] * (1 - s[i])} on the diagonal,
 *       {@code -s[i] * s[j]} off it</li>
 *   <li>{@code jacobianVectorProduct(s, v) = J v}, computed as {@code (J v)[i] = s[i] * (v[i] - dot(s, v))}
 *       in O(n) time without ever forming J</li>
 *   <li>{@code crossEntropyLoss(z, label) = -log(softmax(z)[label]) = logsumexp(z) - z[label]}</li>
 *   <li>{@code crossEntropyGradient(z, label) = softmax(z) - onehot(label)}, the gradient of that loss with
 *       respect to the logits</li>
 * </ul>
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>The diagonal is {@code s[i] - s[i]^2}, not {@code 1 - s[i]}. Checks to run on your J: every row sums to
 *       0 (the probabilities still sum to 1 after any nudge), J is symmetric and positive semi-definite, and
 *       for a strictly positive s its rank is n - 1 (the all-ones direction, shifting every logit alike, changes
 *       nothing).</li>
 *   <li>A saturated softmax has a vanishing Jacobian: for {@code s = (0, 1, 0)}, J is all zeros.</li>
 *   <li>For 100,000 classes J has 10^10 entries (80 GB): J v needs one dot product, not the matrix.</li>
 *   <li>{@code log(softmax(z)[label])} is {@code log(0) = -Infinity} for {@code z = (1000, -1000)} and
 *       {@code label = 1}, although the true loss is a plain 2000; {@code exp(1000)} overflows. Subtract the
 *       largest logit before exponentiating.</li>
 * </ul>
 *
 * <h2>Hint</h2>
 * With {@code m = max(z)}, {@code logsumexp(z) = m + log(sum_i exp(z[i] - m))}: every exponent is at most 0 and
 * the sum is at least 1. The argument checks and a stable {@code softmax} are given below.
 */
public final class Ex06SoftmaxJacobian {
    /** How far from 1 the entries of a probability vector may sum: a softmax of n entries is off by ~n ulps. */
    public static final double SUM_TOLERANCE = 1e-9;

    private Ex06SoftmaxJacobian() {}

    /**
     * Returns the n-by-n softmax Jacobian {@code diag(s) - s s^T}.
     *
     * @param s a probability vector: non-empty, finite, non-negative entries that sum to 1 within
     *          {@link #SUM_TOLERANCE}
     * @throws IllegalArgumentException if s is not such a vector
     */
    public static double[][] jacobian(double[] s) {
        // TODO(Ex06): check s with requireProbabilityVector, then fill J[i][j] = s[i] * (delta_ij - s[j]).
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
        // TODO(Ex06): check s and v, then return s[i] * (v[i] - dot(s, v)) without forming J.
        throw new UnsupportedOperationException("Ex06SoftmaxJacobian.jacobianVectorProduct is not implemented yet");
    }

    /**
     * Returns the cross-entropy {@code -log(softmax(logits)[label])}, finite for logits as large as +-1000.
     *
     * @param logits non-empty, finite scores
     * @param label  the index of the true class, in {@code [0, logits.length)}
     * @throws IllegalArgumentException if the logits are empty or not finite, or the label is out of range
     */
    public static double crossEntropyLoss(double[] logits, int label) {
        // TODO(Ex06): check the arguments, then return logsumexp(logits) - logits[label], max subtracted.
        throw new UnsupportedOperationException("Ex06SoftmaxJacobian.crossEntropyLoss is not implemented yet");
    }

    /**
     * Returns the gradient of {@link #crossEntropyLoss} with respect to the logits:
     * {@code softmax(logits) - onehot(label)}. Its entries sum to 0; only the label's entry is negative.
     *
     * @param logits non-empty, finite scores
     * @param label  the index of the true class, in {@code [0, logits.length)}
     * @throws IllegalArgumentException if the logits are empty or not finite, or the label is out of range
     */
    public static double[] crossEntropyGradient(double[] logits, int label) {
        // TODO(Ex06): check the arguments, then return softmax(logits) - onehot(label).
        throw new UnsupportedOperationException("Ex06SoftmaxJacobian.crossEntropyGradient is not implemented yet");
    }

    /** Returns {@code exp(z[i] - max(z)) / sum_k exp(z[k] - max(z))}: finite for any finite logits. */
    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : z) {
            max = Math.max(max, value);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
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
