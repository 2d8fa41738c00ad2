package workbook.charts.mnist.protocol;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import workbook.charts.mnist.protocol.RunStore.StoredRun;

/**
 * Part 3 (e)'s rules, stated once:
 * <ul>
 * <li><b>Diverged</b>: some epoch's loss is NaN or infinite.
 * <li><b>Converged in the run's epochs</b>: not diverged, and the final training loss is at most a threshold
 *     ({@code --converged-loss}, default 0.2: the mean probability the net gives the right digit is then
 *     above e^-0.2 = 0.82 in the geometric mean, against 0.1 for a guess, loss ln 10 = 2.30).
 * <li><b>Best rate</b>: among the runs that did not diverge, the highest final validation accuracy; ties go
 *     to the lower final validation loss, then to the smaller rate.
 * <li><b>Not at the edge</b>: if the best rate is the grid's largest (or smallest), or every rate diverged,
 *     the grid grows by one more rate past that edge, spaced like its two outermost rates, and the search
 *     repeats, at most {@code --max-extensions} times per activation. A diverged rate is a valid edge: a best
 *     rate just below a diverging one is inside the grid.
 * </ul>
 */
public final class RateSearch {
    private static final double HALF_DECADE = Math.sqrt(10);

    private RateSearch() {}

    /**
     * One activation's search.
     *
     * @param activation the activation
     * @param runs       its runs, by increasing rate
     * @param best       the best run, empty if every run diverged
     * @param atEdge     true if the best rate is still at an edge of the grid (extensions used up)
     */
    public record SearchResult(LabActivation activation, List<StoredRun> runs, Optional<StoredRun> best, boolean atEdge) {}

    /** True if the run's loss ever became NaN or infinite. */
    public static boolean diverged(StoredRun run) {
        return run.result().diverged();
    }

    /** True if the run did not diverge and its final training loss is at most {@code threshold}. */
    public static boolean converged(StoredRun run, double threshold) {
        return !diverged(run) && run.result().last().trainLoss() <= threshold;
    }

    /** The best run by the rule above; empty if all diverged. */
    public static Optional<StoredRun> best(List<StoredRun> runs) {
        return ranked(runs).stream().findFirst();
    }

    /** The runs that did not diverge, best first by the rule above. */
    static List<StoredRun> ranked(List<StoredRun> runs) {
        return runs.stream().filter(r -> !diverged(r))
                .sorted(Comparator.<StoredRun>comparingDouble(r -> r.result().last().evalAccuracy())
                        .thenComparing(Comparator.<StoredRun>comparingDouble(r -> r.result().last().evalLoss()).reversed())
                        .thenComparing(Comparator.<StoredRun>comparingDouble(r -> r.spec().learningRate()).reversed())
                        .reversed())
                .toList();
    }

    /**
     * The rate to add to the grid of {@code runs} (any order), or empty if the best is inside it. The new rate is
     * rounded to the 4 significant digits a run's name shows, so that names and rates correspond one to one.
     */
    static OptionalDouble extension(List<StoredRun> runs) {
        OptionalDouble next = unrounded(runs);
        return next.isPresent() ? OptionalDouble.of(Double.parseDouble(RunSpec.rate(next.getAsDouble()))) : next;
    }

    private static OptionalDouble unrounded(List<StoredRun> runs) {
        List<Double> rates = runs.stream().map(r -> r.spec().learningRate()).sorted().toList();
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        double low = rates.get(0), high = rates.get(rates.size() - 1);
        Optional<StoredRun> best = best(runs);
        if (best.isEmpty()) {
            return OptionalDouble.of(low / (rates.size() > 1 ? rates.get(1) / low : HALF_DECADE));
        }
        double rate = best.get().spec().learningRate();
        if (rate == high) {
            return OptionalDouble.of(high * (rates.size() > 1 ? high / rates.get(rates.size() - 2) : HALF_DECADE));
        }
        if (rate == low) {
            return OptionalDouble.of(low / (rates.size() > 1 ? rates.get(1) / low : HALF_DECADE));
        }
        return OptionalDouble.empty();
    }

    /** The outcome of a finished search over {@code runs}. */
    static SearchResult outcome(LabActivation activation, List<StoredRun> runs) {
        List<StoredRun> sorted = runs.stream().sorted(Comparator.comparingDouble(r -> r.spec().learningRate())).toList();
        return new SearchResult(activation, sorted, best(sorted), extension(sorted).isPresent());
    }
}
