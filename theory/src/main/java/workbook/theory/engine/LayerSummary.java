package workbook.theory.engine;

import workbook.exercises.Ex10Propagation.LayerStats;

/** Accumulates one layer's {@link LayerStats} from (activation, local derivative) pairs, in either precision. */
final class LayerSummary {
    /** The saturation threshold of {@code Ex10}: tanh is flat beyond |a| = 0.95. */
    static final double SATURATED = 0.95;

    private long count;
    private double sum;
    private double sumSquares;
    private long zeros;
    private long saturated;
    private double slopes;

    void add(double a, double slope) {
        count++;
        sum += a;
        sumSquares += a * a;
        zeros += a == 0 ? 1 : 0;
        saturated += Math.abs(a) > SATURATED ? 1 : 0;
        slopes += slope;
    }

    LayerStats stats(int layer) {
        double mean = sum / count;
        double variance = Math.max(0, sumSquares / count - mean * mean);
        return new LayerStats(layer, mean, Math.sqrt(variance), (double) zeros / count, (double) saturated / count,
                slopes / count);
    }
}
