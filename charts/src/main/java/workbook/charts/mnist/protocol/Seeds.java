package workbook.charts.mnist.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import workbook.charts.mnist.protocol.RunStore.StoredRun;

/**
 * A configuration's runs over several seeds, and what the report says about them: each number as a mean with its
 * standard deviation and range ({@link Spread}), and comparisons between two configurations paired by seed
 * ({@link Paired}): runs with the same seed start from initial weights drawn from the same seed and are scored on
 * the same images, so the per-seed difference cancels what the two share, which the two separate spreads do not.
 */
public final class Seeds {
    private Seeds() {}

    /** Two-sided 95 % quantiles of Student's t with 1 ... 10 degrees of freedom (2.0 beyond: within 10 %). */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    /** {@code runs} grouped by {@code key} (one group per configuration, its runs by seed), in first-seen order. */
    public static <K> Map<K, List<StoredRun>> group(List<StoredRun> runs, Function<StoredRun, K> key) {
        Map<K, List<StoredRun>> groups = new LinkedHashMap<>();
        runs.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /**
     * Mean, sample standard deviation and range of one number over seeds.
     *
     * @param n the number of seeds; the standard deviation is NaN for one
     */
    public record Spread(double mean, double sd, double min, double max, int n) {
        /** The spread of {@code values} (at least one). */
        public static Spread of(double... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("values must hold at least one number");
            }
            double mean = Arrays.stream(values).average().orElseThrow();
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            return new Spread(mean, values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : Double.NaN,
                    Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow(), values.length);
        }

        /** The spread of {@code value} over {@code runs}. */
        public static Spread of(List<StoredRun> runs, ToDoubleFunction<StoredRun> value) {
            return of(runs.stream().mapToDouble(value).toArray());
        }

        /** {@code "61.23 ± 3.71 % (56.40-65.10)"} for a fraction, one seed {@code "61.23 %"}. */
        public String percent() {
            return n == 1 ? String.format(Locale.ROOT, "%.2f %%", 100 * mean)
                    : String.format(Locale.ROOT, "%.2f ± %.2f %% (%.2f-%.2f)", 100 * mean, 100 * sd, 100 * min, 100 * max);
        }

        /** {@code "0.3120 ± 0.0210 (0.2900-0.3400)"}, one seed {@code "0.3120"}. */
        public String plain() {
            return n == 1 ? String.format(Locale.ROOT, "%.4f", mean)
                    : String.format(Locale.ROOT, "%.4f ± %.4f (%.4f-%.4f)", mean, sd, min, max);
        }
    }

    /**
     * The difference {@code a - b} of one number over the seeds both have, seed by seed.
     *
     * @param seeds  how many seeds both have
     * @param mean   the mean per-seed difference
     * @param sd     its standard deviation over seeds (NaN for one seed)
     * @param beyond whether the difference exceeds the seed-to-seed noise: the 95 % paired t interval of the mean
     *               difference excludes 0, with at least {@value #FEWEST} seeds (two seeds that happen to agree
     *               give a standard deviation of 0, and prove nothing)
     */
    public record Paired(int seeds, double mean, double sd, boolean beyond) {
        /** The fewest seeds a difference is judged on. */
        static final int FEWEST = 3;

        /** {@code a - b} paired by seed; empty when the two share no seed. */
        public static Optional<Paired> of(List<StoredRun> a, List<StoredRun> b, ToDoubleFunction<StoredRun> value) {
            Map<Long, Double> bySeed = new LinkedHashMap<>();
            b.forEach(r -> bySeed.put(r.spec().seed(), value.applyAsDouble(r)));
            double[] differences = a.stream().filter(r -> bySeed.containsKey(r.spec().seed()))
                    .mapToDouble(r -> value.applyAsDouble(r) - bySeed.get(r.spec().seed())).toArray();
            if (differences.length == 0) {
                return Optional.empty();
            }
            Spread d = Spread.of(differences);
            int n = differences.length;
            boolean beyond = n >= FEWEST && Math.abs(d.mean()) > t975(n - 1) * d.sd() / Math.sqrt(n);
            return Optional.of(new Paired(n, d.mean(), d.sd(), beyond));
        }

        /** {@code "+2.10 ± 0.80 points over 5 seeds: beyond the noise"} for a difference of fractions. */
        public String points() {
            double shown = Math.abs(100 * mean) < 0.005 ? 0 : 100 * mean; // no "-0.00"
            String size = String.format(Locale.ROOT, "%+.2f", shown)
                    + (seeds > 1 ? String.format(Locale.ROOT, " ± %.2f", 100 * sd) : "") + " points";
            return size + " over " + seeds + (seeds == 1 ? " seed" : " seeds") + ": " + (seeds < FEWEST
                    ? "too few seeds to tell it from the noise (" + FEWEST + " at least)"
                    : beyond ? "beyond the noise" : "within the noise");
        }
    }

    static double t975(int degrees) {
        return degrees <= T_975.length ? T_975[degrees - 1] : 2.0;
    }

    /**
     * One run whose curve is the epoch-by-epoch mean of {@code runs} (as far as the shortest of them goes) and whose
     * learned values are their means: what the figures draw for a configuration. The spec is the first run's.
     */
    public static StoredRun mean(List<StoredRun> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        int epochs = runs.stream().mapToInt(r -> r.result().curve().size()).min().orElseThrow();
        List<EpochStats> curve = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            int at = e;
            ToDoubleFunction<ToDoubleFunction<EpochStats>> mean = f -> runs.stream()
                    .mapToDouble(r -> f.applyAsDouble(r.result().curve().get(at))).average().orElseThrow();
            curve.add(new EpochStats(e + 1, mean.applyAsDouble(EpochStats::trainLoss),
                    mean.applyAsDouble(EpochStats::trainAccuracy), mean.applyAsDouble(EpochStats::evalLoss),
                    mean.applyAsDouble(EpochStats::evalAccuracy)));
        }
        Map<String, Double> learned = new LinkedHashMap<>();
        runs.get(0).result().learned().keySet().forEach(k -> learned.put(k, runs.stream()
                .mapToDouble(r -> r.result().learned().getOrDefault(k, Double.NaN)).average().orElseThrow()));
        return new StoredRun(runs.get(0).spec(), new RunResult(curve, learned), runs.get(0).info());
    }

    /** Ten classes: a network that guesses is right one time in ten. */
    static final double CHANCE = 0.1;

    /** Whether a mean accuracy is within 2 points of chance: the network learned nothing worth a number. */
    public static boolean atChance(double meanAccuracy) {
        return meanAccuracy < CHANCE + 0.02;
    }

    /**
     * The final validation (or test) accuracy of a run, what the report ranks by; a diverged run guesses, so it
     * counts as chance.
     */
    public static double accuracy(StoredRun run) {
        return run.result().diverged() ? CHANCE : run.result().last().evalAccuracy();
    }
}
