package workbook.charts.mnist.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.charts.Charts;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.exercises.Ex07SmoothActivations;

/**
 * Part 3 (g), {@code lab/lab-g-swish.png}: the learned Swish {@code x sigmoid(beta x)} of each hidden layer of
 * the trainable-beta model, against the fixed {@code beta = 1} (SiLU). The betas are read from the stored run;
 * the curves come from {@code Ex07SmoothActivations.swish} (the learner's own under {@code -Plearner}).
 */
final class LabSwish {
    /** The file this figure writes, relative to the figure folder. */
    public static final String FILE = "lab/lab-g-swish.png";
    static final double RANGE = 5;
    static final int POINTS = 201;

    private LabSwish() {}

    /** Swish with {@code beta = 1}, then one curve per learned beta (in layer order). */
    static XYSeriesCollection createDataset(StoredRun run) {
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(Charts.sample("β = 1 (fixed)", x -> Ex07SmoothActivations.swish(x, 1), -RANGE, RANGE, POINTS));
        Map<String, Double> betas = new TreeMap<>(run.result().learned());
        betas.forEach((name, beta) -> curves.addSeries(Charts.sample(String.format(Locale.ROOT,
                "layer %s: learned β = %.3f", name.replace("beta", ""), beta), x -> Ex07SmoothActivations.swish(x, beta), -RANGE, RANGE, POINTS)));
        return curves;
    }

    static JFreeChart createChart(XYSeriesCollection dataset) {
        return Charts.lineChart("(g) learned Swish per hidden layer", "x", "x σ(βx)", dataset);
    }

    static void render(Path file, StoredRun run, String mark) throws IOException {
        Charts.save(file, LabFigures.marked(createChart(createDataset(run)), mark));
    }
}
