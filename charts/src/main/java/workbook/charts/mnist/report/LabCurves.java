package workbook.charts.mnist.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.charts.Charts;
import workbook.charts.OrderedColours;
import workbook.charts.SeriesStyle;
import workbook.charts.mnist.protocol.EpochStats;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.Seeds;

/**
 * The four curves of part 3 against the epoch (training loss, validation loss, training accuracy, validation
 * accuracy), one line per run, drawn from stored runs: part (d) with one line per activation
 * ({@code lab/lab-d-curves.png}), part (e) with one line per rate for each activation
 * ({@code lab/lab-e-<activation>.png}), part 4 with one line per initialization for each activation
 * ({@code lab/lab-init-<activation>.png}). Losses are on a log scale; a diverged run's line stops where its
 * loss stopped being a number, and its legend entry says "diverged". Activations and initializers wear the
 * workbook's {@link workbook.charts.SeriesStyle}; the rates of part (e), an ordered series, run along {@link OrderedColours}' ramp
 * from the smallest (dark) to the largest (light).
 */
final class LabCurves {
    private LabCurves() {}

    /** The four curves; {@code name} labels a run's line. */
    record Curves(XYSeriesCollection trainLoss, XYSeriesCollection evalLoss, XYSeriesCollection trainAccuracy,
            XYSeriesCollection evalAccuracy) {}

    static Curves createDataset(List<StoredRun> runs, Function<StoredRun, String> name) {
        Curves curves = new Curves(new XYSeriesCollection(), new XYSeriesCollection(), new XYSeriesCollection(),
                new XYSeriesCollection());
        for (StoredRun run : runs) {
            String key = name.apply(run) + (run.result().diverged() ? " (diverged)" : "");
            curves.trainLoss().addSeries(series(key, run, EpochStats::trainLoss));
            curves.evalLoss().addSeries(series(key, run, EpochStats::evalLoss));
            curves.trainAccuracy().addSeries(series(key, run, EpochStats::trainAccuracy));
            curves.evalAccuracy().addSeries(series(key, run, EpochStats::evalAccuracy));
        }
        return curves;
    }

    /** One run's values by epoch; non-finite values (and non-positive losses, for the log axis) are left out. */
    private static XYSeries series(String key, StoredRun run, ToDoubleFunction<EpochStats> value) {
        XYSeries series = new XYSeries(key, false, false);
        for (EpochStats stats : run.result().curve()) {
            double y = value.applyAsDouble(stats);
            if (Double.isFinite(y) && y > 0) {
                series.add(stats.epoch(), y);
            }
        }
        return series;
    }

    /** The four panels; {@code ordered} colours the lines along the ramp, in the order of the runs. */
    static List<JFreeChart> createChart(String title, String evalName, Curves curves, boolean ordered) {
        List<JFreeChart> panels = List.of(
                Charts.lineChart(title + ": training loss", "epoch", "cross-entropy (log scale)", curves.trainLoss()),
                Charts.lineChart(title + ": " + evalName + " loss", "epoch", "cross-entropy (log scale)", curves.evalLoss()),
                Charts.lineChart(title + ": training accuracy", "epoch", "accuracy", curves.trainAccuracy()),
                Charts.lineChart(title + ": " + evalName + " accuracy", "epoch", "accuracy", curves.evalAccuracy()));
        if (ordered) {
            panels.forEach(panel -> OrderedColours.colourInOrder(panel.getXYPlot()));
        }
        for (JFreeChart loss : panels.subList(0, 2)) {
            XYSeriesCollection data = (XYSeriesCollection) loss.getXYPlot().getDataset();
            // Within a factor 4 a linear axis reads best; ticks at powers of 2 (0.25, 0.5, 1, 2) over a medium
            // range, powers of 10 over a long one (a run that blew up before its loss became NaN).
            double low = data.getRangeLowerBound(false), high = data.getRangeUpperBound(false);
            if (!(high / low < 4)) {
                boolean wide = !(high / low < 1000);
                Charts.logRangeAxis(loss.getXYPlot(), wide ? 10 : 2, wide ? "0.####" : "0.###");
            } else {
                loss.getXYPlot().getRangeAxis().setLabel("cross-entropy");
            }
        }
        return panels;
    }

    /**
     * Part (e)'s plots of one activation: each rate in its colour from {@code allRates} (every rate of every
     * activation's grid, so that a rate looks the same in all six figures), the best rate solid and thicker, the
     * others dashed; losses always on a log axis, where rates that learn and rates that do not are decades apart.
     */
    static void renderRates(Path file, String title, List<StoredRun> runs, StoredRun best, List<Double> allRates)
            throws IOException {
        Charts.save(file, 2, createRateChart(title, runs, best, allRates));
    }

    /** The panels of {@link #renderRates}. */
    static List<JFreeChart> createRateChart(String title, List<StoredRun> runs, StoredRun best, List<Double> allRates) {
        Curves curves = createDataset(runs, run -> "lr " + RunSpec.rate(run.spec().learningRate())
                + (run == best ? " (best)" : ""));
        List<JFreeChart> panels = createChart(title, runs.get(0).spec().evalName(), curves, false);
        for (int p = 0; p < panels.size(); p++) {
            XYPlot plot = panels.get(p).getXYPlot();
            XYItemRenderer renderer = plot.getRenderer();
            for (int i = 0; i < runs.size(); i++) {
                StoredRun run = runs.get(i);
                renderer.setSeriesPaint(i, OrderedColours.colourAmong(run.spec().learningRate(), allRates));
                renderer.setSeriesStroke(i, run == best ? SeriesStyle.Dash.SOLID.stroke(2 * SeriesStyle.LINE_WIDTH)
                        : SeriesStyle.Dash.DASHED.stroke(SeriesStyle.LINE_WIDTH));
            }
            if (p < 2 && !(plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis)) {
                XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
                double low = data.getRangeLowerBound(false), high = data.getRangeUpperBound(false);
                Charts.logRangeAxis(plot, high / low < 1000 ? 2 : 10, high / low < 1000 ? "0.###" : "0.####");
            }
        }
        return panels;
    }

    /**
     * Draws each configuration of {@code groups} (its runs over seeds) as the mean of its seeds, with a band from the
     * lowest to the highest seed at each epoch, in the line's colour; one seed each draws plain curves.
     */
    static void renderWithBands(Path file, String title, List<List<StoredRun>> groups, Function<StoredRun, String> name)
            throws IOException {
        List<StoredRun> means = groups.stream().map(Seeds::mean).toList();
        List<JFreeChart> panels = createChart(title, means.get(0).spec().evalName(), createDataset(means, name), false);
        if (groups.stream().anyMatch(g -> g.size() > 1)) {
            List<ToDoubleFunction<EpochStats>> metrics = List.of(EpochStats::trainLoss, EpochStats::evalLoss,
                    EpochStats::trainAccuracy, EpochStats::evalAccuracy);
            for (int p = 0; p < panels.size(); p++) {
                addBand(panels.get(p).getXYPlot(), groups, metrics.get(p), name);
            }
        }
        Charts.save(file, 2, panels);
    }

    /** The band of each configuration under its line (dataset 1, drawn first), in the line's colour, see-through. */
    static void addBand(XYPlot plot, List<List<StoredRun>> groups, ToDoubleFunction<EpochStats> metric,
                        Function<StoredRun, String> name) {
        org.jfree.data.xy.YIntervalSeriesCollection bands = new org.jfree.data.xy.YIntervalSeriesCollection();
        for (List<StoredRun> seeds : groups) {
            org.jfree.data.xy.YIntervalSeries band = new org.jfree.data.xy.YIntervalSeries(name.apply(seeds.get(0))
                    + " (seeds)", false, false);
            int epochs = seeds.stream().mapToInt(r -> r.result().curve().size()).min().orElse(0);
            for (int e = 0; e < epochs; e++) {
                int at = e;
                double[] values = seeds.stream().mapToDouble(r -> metric.applyAsDouble(r.result().curve().get(at)))
                        .toArray();
                if (java.util.Arrays.stream(values).allMatch(v -> Double.isFinite(v) && v > 0)) {
                    Seeds.Spread spread = Seeds.Spread.of(values);
                    band.add(e + 1, spread.mean(), spread.min(), spread.max());
                }
            }
            bands.addSeries(band);
        }
        org.jfree.chart.renderer.xy.DeviationRenderer renderer = new org.jfree.chart.renderer.xy.DeviationRenderer(
                false, false);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < groups.size(); i++) {
            renderer.setSeriesFillPaint(i, plot.getRenderer().getSeriesPaint(i));
            renderer.setSeriesVisibleInLegend(i, false);
        }
        plot.setDataset(1, bands);
        plot.setRenderer(1, renderer);
    }

    /** Draws the four curves of {@code runs} as a 2 x 2 figure into {@code file}. */
    static void render(Path file, String title, List<StoredRun> runs, Function<StoredRun, String> name,
                       boolean ordered) throws IOException {
        Charts.save(file, 2, createChart(title, runs.get(0).spec().evalName(), createDataset(runs, name), ordered));
    }
}
