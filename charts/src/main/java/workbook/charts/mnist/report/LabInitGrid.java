package workbook.charts.mnist.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import workbook.charts.Charts;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.Seeds;

/**
 * Part 4, {@code lab/lab-init-grid.png}: the final validation accuracy of every initialization x activation
 * configuration as a grid of cells, the mean over its seeds with their standard deviation, shaded from white
 * (chance, 10 %) to blue (100 %); a cell within 2 points of chance says so, and one whose every seed diverged is
 * grey and says "diverged".
 */
final class LabInitGrid {
    /** The file this figure writes, relative to the figure folder. */
    public static final String FILE = "lab/lab-init-grid.png";

    private LabInitGrid() {}

    /**
     * The grid's cells.
     *
     * @param inits       row names, top to bottom
     * @param activations column names
     * @param cells       x = activation column, y = init row (0 at the bottom), z = the mean accuracy over the
     *                    configuration's seeds (a diverged seed counts as chance), NaN if every seed diverged
     * @param labels      each cell's text, in the order of {@code cells}
     */
    record Grid(List<Init> inits, List<LabActivation> activations, DefaultXYZDataset cells, List<String> labels) {}

    static Grid createDataset(List<StoredRun> runs) {
        List<Init> inits = runs.stream().map(r -> r.spec().init()).distinct().toList();
        List<LabActivation> activations = runs.stream().map(r -> r.spec().activation()).distinct().toList();
        List<List<StoredRun>> configurations = new java.util.ArrayList<>(Seeds.group(runs,
                r -> r.spec().init() + " " + r.spec().activation()).values());
        double[][] xyz = new double[3][configurations.size()];
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            List<StoredRun> seeds = configurations.get(i);
            RunSpec spec = seeds.get(0).spec();
            Seeds.Spread accuracy = Seeds.Spread.of(seeds, Seeds::accuracy);
            boolean diverged = seeds.stream().allMatch(r -> r.result().diverged());
            xyz[0][i] = activations.indexOf(spec.activation());
            xyz[1][i] = inits.size() - 1 - inits.indexOf(spec.init());
            xyz[2][i] = diverged ? Double.NaN : accuracy.mean();
            labels.add(diverged ? "diverged" : String.format(Locale.ROOT, "%.1f%%", 100 * accuracy.mean())
                    + (accuracy.n() > 1 ? String.format(Locale.ROOT, " ± %.1f", 100 * accuracy.sd()) : "")
                    + (Seeds.atChance(accuracy.mean()) ? "\n(chance)" : ""));
        }
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries("final validation accuracy", xyz);
        return new Grid(inits, activations, cells, labels);
    }

    static JFreeChart createChart(Grid grid) {
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(SHADE);
        renderer.setBlockWidth(0.97); // thin white gaps between the cells
        renderer.setBlockHeight(0.97);
        SymbolAxis x = new SymbolAxis("activation", grid.activations().stream().map(LabActivation::label)
                .toArray(String[]::new));
        List<Init> bottomUp = new java.util.ArrayList<>(grid.inits());
        java.util.Collections.reverse(bottomUp);
        SymbolAxis y = new SymbolAxis("initialization", bottomUp.stream().map(Init::label).toArray(String[]::new));
        XYPlot plot = new XYPlot(grid.cells(), x, y, renderer);
        int seeds = grid.labels().stream().anyMatch(l -> l.contains("±")) ? 1 : 0;
        JFreeChart chart = Charts.style(new JFreeChart("Part 4: validation accuracy" + (seeds > 0
                ? ", mean ± sd of seeds" : ""), plot));
        chart.removeLegend();
        for (SymbolAxis axis : List.of(x, y)) {
            axis.setGridBandsVisible(false);
        }
        for (int i = 0; i < grid.cells().getItemCount(0); i++) {
            double z = grid.cells().getZValue(0, i);
            String[] lines = grid.labels().get(i).split("\n");
            for (int line = 0; line < lines.length; line++) { // an annotation draws one line: a second one below it
                XYTextAnnotation text = new XYTextAnnotation(lines[line], grid.cells().getXValue(0, i),
                        grid.cells().getYValue(0, i) - 0.24 * line + 0.12 * (lines.length - 1));
                text.setFont(line == 0 ? Charts.font(Charts.LABEL_SIZE).deriveFont(Font.BOLD)
                        : Charts.font(Charts.TEXT_SIZE));
                text.setPaint(z > 0.7 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(text);
            }
        }
        return chart;
    }

    /** White at chance (0.1), deep blue at 1; grey for NaN (diverged). */
    private static final PaintScale SHADE = LabSamples.unitScale(z -> {
        if (Double.isNaN(z)) {
            return new Color(0xBBBBBB);
        }
        double t = Math.max(0, Math.min(1, (z - 0.1) / 0.9));
        return new Color((int) Math.round(255 * (1 - t)), (int) Math.round(255 - t * (255 - 0x55)),
                (int) Math.round(255 - t * (255 - 0x99)));
    });

    static void render(Path file, List<StoredRun> runs, String mark) throws IOException {
        Charts.save(file, LabFigures.marked(createChart(createDataset(runs)), mark));
    }
}
