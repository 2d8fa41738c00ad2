package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What the decision-region explorer shows, as charts: (a) the regions (p(class 1) as a heat map, the training
 * points, the p = 1/2 contour in black) and (b) the training loss so far, against the steps taken. The window ({@link DecisionExplorerApp})
 * shows these in a JFreeChart {@code ChartPanel}; {@code main} renders the same view without a window, to
 * {@code explorer/explorer.png} in the figure folder, for the docs and for CI:
 * {@code ./mvnw -q -pl charts -am compile exec:java -Dexec.mainClass=workbook.charts.DecisionExplorerView}
 * (optional arguments: the folder, activation, width, depth, seed, steps, initializer, rate).
 */
public final class DecisionExplorerView {
    static final String FILE = "explorer/explorer.png";
    /** Steps of the headless render: figure 12's. */
    static final int STEPS = Fig12DecisionRegions.STEPS;

    private DecisionExplorerView() {}

    /** The regions panel: heat map, points and the p = 1/2 contour. */
    public static JFreeChart regions(DecisionExplorer.View view) {
        DefaultXYZDataset grid = new DefaultXYZDataset();
        grid.addSeries("p(class 1)", view.grid());
        ExplorerSettings s = view.settings();
        // the step and the accuracy are in the loss panel's title: one line each at the house title size
        String title = String.format(Locale.ROOT, "%s %d × %d, %s, lr %s, seed %d", s.activation(), s.depth(),
                s.width(), s.initializer(), workbook.charts.mnist.protocol.RunSpec.rate(s.rate()), s.seed());
        JFreeChart chart = Fig12DecisionRegions.heatMap(title, grid,
                Fig12DecisionRegions.points(DecisionExplorer.MOONS));
        chart.addSubtitle(Fig12DecisionRegions.colourBar(org.jfree.chart.ui.RectangleEdge.RIGHT));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Color.BLACK);
        line.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        line.setSeriesVisibleInLegend(0, false);
        int index = plot.getDatasetCount();
        plot.setDataset(index, new XYSeriesCollection(boundary(view.boundary())));
        plot.setRenderer(index, line);
        return chart;
    }

    /** The contour as one series, each segment followed by a gap (a point with y = NaN breaks the line). */
    static XYSeries boundary(List<Contour.Segment> segments) {
        XYSeries series = new XYSeries("p = 1/2", false, true);
        for (Contour.Segment s : segments) {
            series.add(s.x1(), s.y1());
            series.add(s.x2(), s.y2());
            series.add(s.x2(), Double.NaN);
        }
        return series;
    }

    /** The loss panel: training loss against steps, log scale. */
    public static JFreeChart loss(DecisionExplorer.View view) {
        XYSeries series = new XYSeries(view.settings().activation() + " net, training loss", false, true);
        view.losses().forEach(point -> series.add(point[0], point[1]));
        String title = String.format(Locale.ROOT, "Training loss: step %d, %.1f %% right", view.steps(),
                100 * view.accuracy());
        JFreeChart chart = Charts.lineChart(title, "step", "loss",
                new XYSeriesCollection(series));
        if (series.getItemCount() < 2) { // before the first step: an empty frame with room for the curve to come
            chart.getXYPlot().getDomainAxis().setRange(0, DecisionExplorerApp.STEPS_PER_PRESS);
            double start = series.getItemCount() == 1 && Double.isFinite(series.getY(0).doubleValue())
                    ? series.getY(0).doubleValue() : 1;
            chart.getXYPlot().getRangeAxis().setRange(0, Math.max(0.1, 1.2 * start));
        } else {
            chart.getXYPlot().getRangeAxis().setLowerBound(0);
        }
        chart.removeLegend();
        return chart;
    }

    /** Trains a network for {@code steps} in batches of 50 and returns the last view. */
    static DecisionExplorer.View trained(ExplorerSettings settings, int steps) {
        DecisionExplorer explorer = new DecisionExplorer(settings);
        while (explorer.steps() < steps) {
            explorer.train(Math.min(50, steps - explorer.steps()));
        }
        return explorer.view();
    }

    /**
     * The settings of {@code args} (folder, activation, width, depth, seed, steps, initializer, rate; any tail may
     * be left out); a bad value ends the program with one line that names it.
     */
    static ExplorerSettings settings(String[] args) {
        ExplorerSettings d = ExplorerSettings.DEFAULT;
        try {
            return new ExplorerSettings(args.length > 1 ? args[1] : d.activation(),
                    args.length > 2 ? Integer.parseInt(args[2]) : d.width(),
                    args.length > 3 ? Integer.parseInt(args[3]) : d.depth(),
                    args.length > 4 ? Long.parseLong(args[4]) : d.seed(),
                    args.length > 6 ? args[6] : d.initializer(),
                    args.length > 7 ? Double.parseDouble(args[7]) : d.rate());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("width, depth, seed, steps and rate must be numbers (arguments: FOLDER"
                    + " ACTIVATION WIDTH DEPTH SEED STEPS INITIALIZER RATE), got " + String.join(" ", args));
        }
    }

    public static void main(String[] args) throws IOException {
        ExplorerSettings settings;
        int steps;
        try {
            settings = settings(args);
            steps = args.length > 5 ? Integer.parseInt(args[5]) : STEPS;
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be at least 1, got " + steps);
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included: one line, no stack trace
            System.err.println("explorer: " + e.getMessage());
            System.exit(2);
            return;
        }
        DecisionExplorer.View view;
        try {
            view = trained(settings, steps);
        } catch (RuntimeException | Error e) { // -Plearner: a stub, or code that throws; one line, no stack trace
            String failure = workbook.theory.tools.LearnerCode.failure(e).orElse(null);
            if (failure == null) {
                throw e;
            }
            System.out.println(RenderAll.skipNote(FILE, failure));
            return;
        }
        Path file = Charts.output(args.length > 0 ? new String[] {args[0]} : new String[0], FILE);
        Charts.save(file, 2, List.of(regions(view), loss(view)));
        System.out.println("Explorer view: " + file.toAbsolutePath().normalize());
    }
}
