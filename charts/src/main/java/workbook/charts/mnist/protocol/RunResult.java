package workbook.charts.mnist.protocol;

import java.util.List;
import java.util.Map;

/**
 * What a {@link RunTrainer} returns: the curves of every epoch it ran, and any learned scalars worth reporting.
 *
 * @param curve   one entry per epoch, in order; a diverged run ends at the first non-finite epoch
 * @param learned named learned values, e.g. {@code beta1}, {@code beta2} (the learned Swish beta of hidden
 *                layers 1 and 2); empty if there are none
 */
public record RunResult(List<EpochStats> curve, Map<String, Double> learned) {
    public RunResult {
        curve = List.copyOf(curve);
        learned = Map.copyOf(learned);
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("curve must hold at least one epoch");
        }
        for (int i = 0; i < curve.size(); i++) {
            if (curve.get(i).epoch() != i + 1) {
                throw new IllegalArgumentException("curve must list epochs 1, 2, ... in order, entry " + i
                        + " is epoch " + curve.get(i).epoch());
            }
        }
    }

    /** True if some epoch's loss is NaN or infinite (the run blew up). */
    public boolean diverged() {
        return curve.stream().anyMatch(s -> !s.finite());
    }

    /** The last epoch's values. */
    public EpochStats last() {
        return curve.get(curve.size() - 1);
    }
}
