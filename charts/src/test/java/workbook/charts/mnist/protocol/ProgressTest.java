package workbook.charts.mnist.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private long now;

    @Test
    void aLogShowsRunEpochLossAccuracyAndTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> now);
        RunSpec spec = new RunSpec("d", LabActivation.TANH, Init.PYTORCH, List.of(200, 64), 0.005, 4, 0, false, 1, 40,
                "validation", 10);
        progress.startBatch("part (d)", 2, 2, 8);
        EpochListener listener = progress.listener(1, spec);
        now = Progress.LOG_INTERVAL_NANOS; // 30 s for the first epoch of 8: 7 left take 3m30s
        listener.epochDone(new EpochStats(1, 2.25, 0.2, 2.3, 0.125));
        progress.runFinished(1, spec, new RunResult(List.of(new EpochStats(1, 1, 0.5, Double.NaN, 0.1)), Map.of()), 30);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("part (d): 2 runs, 0 stored, 2 to train")
                .contains("run 1/2 tanh lr 0.005 epoch 1/4 loss 2.250 acc 12.5% | 3m30s left")
                .contains("run 1/2 tanh lr 0.005 done in 30s: DIVERGED at epoch 1");
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(Progress.duration(42.4)).isEqualTo("42s");
        assertThat(Progress.duration(185)).isEqualTo("3m05s");
        assertThat(Progress.duration(7620)).isEqualTo("2h07m");
    }
}
