package workbook.charts.mnist.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.Seeds.Paired;
import workbook.charts.mnist.protocol.Seeds.Spread;

/** Means, spreads and paired comparisons over seeds. */
class SeedsTest {
    /** Runs of one activation with the given final validation accuracies, seeds 1, 2, ... */
    private static List<StoredRun> runs(LabActivation a, double... accuracies) {
        List<StoredRun> runs = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            RunSpec spec = new RunSpec("d", a, Init.PYTORCH, List.of(8), 0.1, 2, 0, false, i + 1, 40, "validation", 10);
            runs.add(new StoredRun(spec, new RunResult(List.of(new EpochStats(1, 2.0, 0.2, 2.1, accuracies[i] / 2),
                    new EpochStats(2, 1.0, 0.5, 1.1, accuracies[i])), Map.of()), Map.of()));
        }
        return runs;
    }

    @Test
    void theSpreadIsTheMeanTheSampleStandardDeviationAndTheRange() {
        Spread s = Spread.of(0.564, 0.651, 0.602, 0.58, 0.613);
        assertThat(s.mean()).isCloseTo(0.602, within(1e-12));
        // sample sd by hand: deviations -0.038, 0.049, 0, -0.022, 0.011; squares sum 0.00445; / 4; sqrt
        assertThat(s.sd()).isCloseTo(Math.sqrt(0.00445 / 4), within(1e-12));
        assertThat(s.percent()).isEqualTo("60.20 ± 3.34 % (56.40-65.10)");
        assertThat(Spread.of(0.5).percent()).as("one seed has no spread to show").isEqualTo("50.00 %");
    }

    @Test
    void aGapTheSeedsAllAgreeOnIsBeyondTheNoiseThoughTheSpreadsOverlap() {
        // each seed moves both activations together: the spreads overlap, the per-seed gap is always +1 point
        List<StoredRun> a = runs(LabActivation.TANH, 0.70, 0.60, 0.80, 0.65, 0.75);
        List<StoredRun> b = runs(LabActivation.RELU, 0.69, 0.59, 0.79, 0.64, 0.74);
        Paired gap = Paired.of(a, b, Seeds::accuracy).orElseThrow();
        assertThat(gap.mean()).isCloseTo(0.01, within(1e-12));
        assertThat(gap.beyond()).isTrue();
        assertThat(gap.points()).isEqualTo("+1.00 ± 0.00 points over 5 seeds: beyond the noise");
    }

    @Test
    void aGapSmallerThanItsSeedToSeedChangesIsWithinTheNoise() {
        List<StoredRun> a = runs(LabActivation.TANH, 0.70, 0.60, 0.80);
        List<StoredRun> b = runs(LabActivation.RELU, 0.65, 0.66, 0.76);
        Paired gap = Paired.of(a, b, Seeds::accuracy).orElseThrow();
        assertThat(gap.beyond()).isFalse();
        assertThat(gap.points()).endsWith("over 3 seeds: within the noise");
        assertThat(Paired.of(runs(LabActivation.TANH, 0.9), runs(LabActivation.RELU, 0.1), Seeds::accuracy).orElseThrow()
                .points()).as("one seed is never enough").endsWith("over 1 seed: too few seeds to tell it from the noise (3 at least)");
        List<StoredRun> twoAgreeing = runs(LabActivation.TANH, 0.70, 0.60);
        assertThat(Paired.of(twoAgreeing, runs(LabActivation.RELU, 0.69, 0.59), Seeds::accuracy).orElseThrow().beyond())
                .as("two seeds that agree have a standard deviation of 0, and prove nothing").isFalse();
    }

    @Test
    void theFiguresMeanIsTakenEpochByEpoch() {
        StoredRun mean = Seeds.mean(runs(LabActivation.TANH, 0.6, 0.8));
        assertThat(mean.result().curve()).hasSize(2);
        assertThat(mean.result().last().evalAccuracy()).isCloseTo(0.7, within(1e-12));
        assertThat(mean.result().curve().get(0).evalAccuracy()).isCloseTo(0.35, within(1e-12));
    }

    @Test
    void partsHaveTheirSeedCountsAndSeedsOverridesAllButTheRateGrid() {
        LabConfig defaults = LabConfig.parse();
        assertThat(List.of(defaults.seeds("d"), defaults.seeds("e"), defaults.seeds("f"), defaults.seeds("g"),
                defaults.seeds("init"))).containsExactly(3, 1, 5, 5, 5);
        LabConfig seven = LabConfig.parse("--seeds", "7", "--seed", "10");
        assertThat(seven.seedsOf("d")).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L);
        assertThat(seven.seeds("e")).isEqualTo(1);
        assertThat(LabConfig.parse("--quick").seeds("f")).isEqualTo(2);
    }
}
