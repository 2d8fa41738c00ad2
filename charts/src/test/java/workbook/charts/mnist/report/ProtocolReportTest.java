package workbook.charts.mnist.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import workbook.charts.mnist.protocol.EpochStats;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.RunResult;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import org.junit.jupiter.api.Test;

/** What the printed report says of the gaps between activations. */
class ProtocolReportTest {
    /** Runs of one activation with the given final validation accuracies, seeds 1, 2, ... */
    private static Map.Entry<LabActivation, List<StoredRun>> runs(LabActivation a, double... accuracies) {
        List<StoredRun> runs = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            RunSpec spec = new RunSpec("f", a, Init.PYTORCH, List.of(8), 0.1, 2, 0, false, i + 1, 40, "test", 10);
            runs.add(new StoredRun(spec, new RunResult(List.of(new EpochStats(1, 1.0, 0.5, 1.1, accuracies[i])),
                    Map.of()), Map.of()));
        }
        return Map.entry(a, runs);
    }

    @Test
    void theEndsOfARankingAreToldApartWhereNoNeighbourIs() {
        // tanh - relu and relu - swish vary from seed to seed (within the noise of 5 seeds); tanh - swish is +1 point
        // with every seed
        var tanh = runs(LabActivation.TANH, 0.70, 0.60, 0.80, 0.65, 0.75);
        var relu = runs(LabActivation.RELU, 0.70, 0.59, 0.80, 0.64, 0.745);
        var swish = runs(LabActivation.SWISH, 0.69, 0.59, 0.79, 0.64, 0.74);
        assertThat(ProtocolReport.beyondTheNoise(List.of(tanh, relu, swish))).containsExactly("Tanh > Swish (+1.00)");
        assertThat(ProtocolReport.beyondTheNoise(List.of(tanh, relu))).isEmpty();
        // one line per activation ahead: mish is 2 points below tanh with every seed
        var mish = runs(LabActivation.MISH, 0.68, 0.58, 0.78, 0.63, 0.73);
        assertThat(ProtocolReport.beyondTheNoise(List.of(tanh, relu, swish, mish))).containsExactly(
                "Tanh > Swish (+1.00), Mish (+2.00)", "ReLU > Mish (+1.50)", "Swish > Mish (+1.00)");
    }
}
