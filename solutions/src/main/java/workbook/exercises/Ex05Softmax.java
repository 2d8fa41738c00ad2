package workbook.exercises;

import java.util.Arrays;

/**
 * Softmax turns a vector of real scores (logits) into a probability vector; the temperature sets how sharply
 * it prefers the largest score, and the entropy measures how undecided the result is.
 *
 * <h2>Task</h2>
 * <ul>
 *   <li>{@code softmax(z)_i = exp(z_i) / sum_j exp(z_j)}: positive entries that sum to 1.</li>
 *   <li>{@code softmax(z, T) = softmax(z / T)}: as {@code T -> 0} it tends to the one-hot vector of the
 *       largest entry (ties share), as {@code T -> infinity} to the uniform vector {@code 1/n}.</li>
 *   <li>{@code logSumExp(z) = log(sum_j exp(z_j))}, a smooth maximum: {@code max(z) <= logSumExp(z) <=
 *       max(z) + log(n)}.</li>
 *   <li>{@code logSoftmax(z)_i = log(softmax(z)_i)}.</li>
 *   <li>{@code entropy(p) = -sum_i p_i * log(p_i)} (natural log, with {@code 0 * log(0) = 0}): 0 for a
 *       one-hot vector, {@code log(n)} for the uniform one.</li>
 * </ul>
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>What is {@code Math.exp(1000) / Math.exp(1000)} in Java? {@code softmax([1000, 1000])} must be
 *       {@code [0.5, 0.5]} and {@code logSumExp([1000, 1000])} must be {@code 1000 + log 2}.</li>
 *   <li>{@code logSoftmax([0, -1000])} must be about {@code [0, -1000]}. What does
 *       {@code log(softmax([0, -1000])[1])} give?</li>
 *   <li>A tiny temperature: {@code softmax([1, 2], 1e-300)} must be {@code [0, 1]}. What is {@code 2 / 1e-300}?
 *   </li>
 *   <li>In Java {@code 0 * Math.log(0)} is NaN, not 0.</li>
 * </ul>
 *
 * <h2>Special values and bad input</h2>
 * Every method throws an {@code IllegalArgumentException} that names the argument for a null or empty array,
 * or an entry that is NaN. For logits: {@code -Infinity} is allowed and means "impossible" (probability exactly
 * 0, as in an attention mask) as long as at least one entry is finite; {@code +Infinity} is rejected. The
 * temperature must be positive and finite. {@code entropy} accepts only a probability vector: finite,
 * non-negative entries whose sum is within {@link #SUM_TOLERANCE} of 1. The helpers {@code requireLogits} and
 * {@code requireProbabilities} at the end of this file are given complete: they check exactly these rules.
 *
 * <h2>Where to look</h2>
 * Softmax, temperature and entropy: {@writeup softmax}; overflow and underflow of {@code exp}:
 * {@writeup floats}. Stuck? {@code java exercises/hints/Hint.java ex05} shows the next hint.
 */
public final class Ex05Softmax {
    /** How far from 1 the entries of a probability vector may sum; rounding in softmax stays far below it. */
    public static final double SUM_TOLERANCE = 1e-9;

    private Ex05Softmax() {}

    /**
     * Returns {@code exp(z_i) / sum_j exp(z_j)} for every i, without overflow at any finite input.
     *
     * @param z the logits: non-empty, no NaN, no {@code +Infinity}, at least one finite entry
     * @return a new array of non-negative entries summing to 1 ({@code z} is left untouched)
     * @throws IllegalArgumentException if {@code z} breaks the rules above
     */
    public static double[] softmax(double[] z) {
        return softmax(z, 1);
    }

    /**
     * Returns {@code softmax(z / temperature)}, computed so that neither a tiny nor a huge temperature overflows.
     *
     * @param z the logits: non-empty, no NaN, no {@code +Infinity}, at least one finite entry
     * @param temperature positive and finite; small values sharpen, large values flatten
     * @return a new array of non-negative entries summing to 1
     * @throws IllegalArgumentException if {@code z} or {@code temperature} breaks the rules above
     */
    public static double[] softmax(double[] z, double temperature) {
        requireLogits(z);
        if (!(temperature > 0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        double m = max(z);
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            // shift before dividing: (z_i - m) / T <= 0, so exp never overflows, however small T is
            p[i] = Math.exp((z[i] - m) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Returns {@code log(sum_j exp(z_j))}, finite for every valid input (e.g. 1000 + log 2 for [1000, 1000]).
     *
     * @param z the logits: non-empty, no NaN, no {@code +Infinity}, at least one finite entry
     * @return the log of the sum of exponentials
     * @throws IllegalArgumentException if {@code z} breaks the rules above
     */
    public static double logSumExp(double[] z) {
        requireLogits(z);
        double m = max(z);
        double sum = 0;
        for (double zi : z) {
            sum += Math.exp(zi - m);
        }
        return m + Math.log(sum);
    }

    /**
     * Returns {@code log(softmax(z)_i)} for every i: finite wherever {@code z_i} is finite.
     *
     * @param z the logits: non-empty, no NaN, no {@code +Infinity}, at least one finite entry
     * @return a new array of log-probabilities, all at most 0 ({@code -Infinity} exactly where {@code z_i} is)
     * @throws IllegalArgumentException if {@code z} breaks the rules above
     */
    public static double[] logSoftmax(double[] z) {
        requireLogits(z);
        double m = max(z);
        double sum = 0;
        for (double zi : z) {
            sum += Math.exp(zi - m);
        }
        double logSum = Math.log(sum);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            // (z_i - m) is exact for nearby entries; z_i - logSumExp(z) would subtract two large numbers
            out[i] = (z[i] - m) - logSum;
        }
        return out;
    }

    /**
     * Returns the Shannon entropy {@code -sum_i p_i log(p_i)} in nats, with {@code 0 log 0 = 0}.
     *
     * @param p a probability vector: non-empty, finite non-negative entries summing to 1 within
     *     {@link #SUM_TOLERANCE}
     * @return a value in {@code [0, log(n)]}
     * @throws IllegalArgumentException if {@code p} is not a probability vector
     */
    public static double entropy(double[] p) {
        requireProbabilities(p);
        double h = 0;
        for (double pi : p) {
            // Java's 0 * log(0) is NaN; the limit of p log p as p -> 0 is 0
            if (pi > 0) {
                h -= pi * Math.log(pi);
            }
        }
        return h;
    }

    /** Given: the largest entry of {@code z}. */
    private static double max(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double zi : z) {
            m = Math.max(m, zi);
        }
        return m;
    }

    /** Given: checks the rules on logits stated in the class comment. */
    private static void requireLogits(double[] z) {
        if (z == null || z.length == 0) {
            throw new IllegalArgumentException("z must be a non-empty array of logits, got " + Arrays.toString(z));
        }
        boolean anyFinite = false;
        for (int i = 0; i < z.length; i++) {
            if (Double.isNaN(z[i]) || z[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("z must not contain NaN or +Infinity, got " + z[i]
                        + " at index " + i);
            }
            anyFinite |= z[i] > Double.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("z needs at least one finite entry, got only -Infinity");
        }
    }

    /** Given: checks that {@code p} is a probability vector as stated in {@link #entropy(double[])}. */
    private static void requireProbabilities(double[] p) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("p must be a non-empty probability vector, got " + Arrays.toString(p));
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0)) {
                throw new IllegalArgumentException("p must hold non-negative probabilities, got " + p[i]
                        + " at index " + i);
            }
            sum += p[i];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("p must sum to 1 within " + SUM_TOLERANCE + ", got " + sum);
        }
    }
}
