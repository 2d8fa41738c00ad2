package workbook.charts.mnist;

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
import workbook.charts.mnist.RunStore.StoredRun;

/**
 * Part 4, {@code lab/lab-init-grid.png}: the final validation accuracy of every initialization x activation run
 * as a grid of cells, shaded from white (chance, 10 %) to blue (100 %); a diverged run's cell is grey and says
 * "diverged".
 */
public final class LabInitGrid {
    /** The file this figure writes, relative to the figure folder. */
    public static final String FILE = "lab/lab-init-grid.png";

    private LabInitGrid() {}

    /**
     * The grid's cells.
     *
     * @param inits       row names, top to bottom
     * @param activations column names
     * @param cells       x = activation column, y = init row (0 at the bottom), z = accuracy, NaN if diverged
     */
    record Grid(List<Init> inits, List<Activation> activations, DefaultXYZDataset cells) {}

    static Grid createDataset(List<StoredRun> runs) {
        List<Init> inits = runs.stream().map(r -> r.spec().init()).distinct().toList();
        List<Activation> activations = runs.stream().map(r -> r.spec().activation()).distinct().toList();
        double[][] xyz = new double[3][runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            StoredRun run = runs.get(i);
            xyz[0][i] = activations.indexOf(run.spec().activation());
            xyz[1][i] = inits.size() - 1 - inits.indexOf(run.spec().init());
            xyz[2][i] = run.result().diverged() ? Double.NaN : run.result().last().evalAccuracy();
        }
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries("final validation accuracy", xyz);
        return new Grid(inits, activations, cells);
    }

    static JFreeChart createChart(Grid grid) {
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(SHADE);
        renderer.setBlockWidth(0.97); // thin white gaps between the cells
        renderer.setBlockHeight(0.97);
        SymbolAxis x = new SymbolAxis("activation", grid.activations().stream().map(Activation::label)
                .toArray(String[]::new));
        List<Init> bottomUp = new java.util.ArrayList<>(grid.inits());
        java.util.Collections.reverse(bottomUp);
        SymbolAxis y = new SymbolAxis("initialization", bottomUp.stream().map(Init::label).toArray(String[]::new));
        XYPlot plot = new XYPlot(grid.cells(), x, y, renderer);
        JFreeChart chart = Charts.style(new JFreeChart("Part 4: final validation accuracy", plot));
        chart.removeLegend();
        for (SymbolAxis axis : List.of(x, y)) {
            axis.setGridBandsVisible(false);
        }
        for (int i = 0; i < grid.cells().getItemCount(0); i++) {
            double z = grid.cells().getZValue(0, i);
            XYTextAnnotation text = new XYTextAnnotation(Double.isNaN(z) ? "diverged"
                    : String.format(Locale.ROOT, "%.1f%%", 100 * z), grid.cells().getXValue(0, i),
                    grid.cells().getYValue(0, i));
            text.setFont(new Font("DejaVu Sans", Font.BOLD, 15));
            text.setPaint(z > 0.7 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(text);
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
        JFreeChart chart = createChart(createDataset(runs));
        chart.setTitle(chart.getTitle().getText() + mark);
        Charts.save(file, chart);
    }
}
