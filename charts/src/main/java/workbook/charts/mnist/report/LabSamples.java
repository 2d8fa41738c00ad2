package workbook.charts.mnist.report;

import java.awt.Color;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import workbook.charts.Charts;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.data.Mnist;

/**
 * Part 3 (a) of the lab: three random training images and three random test images, each titled with its
 * label, drawn as grey blocks (ink dark on white). The images are picked with a fixed seed, so the figure
 * is the same on every run. Writes {@code lab/lab-a-samples.png} under the figure folder.
 */
public final class LabSamples {
    /** The file this figure writes, relative to the figure folder. */
    public static final String FILE = "lab/lab-a-samples.png";
    static final long SEED = 3;
    static final int PER_SET = 3;

    private LabSamples() {}

    /** One image to draw: which set, its index there, its label and its pixels as an (x, y, ink) grid. */
    record Sample(String set, int index, int label, DefaultXYZDataset grid) {}

    /** Three random images of each set, with a fixed seed, training first. */
    static List<Sample> createDataset(Mnist mnist) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Sample> samples = new ArrayList<>();
        for (ImageSet set : List.of(mnist.train(), mnist.test())) {
            String kind = set == mnist.train() ? "training" : "test";
            random.ints(0, set.size()).distinct().limit(PER_SET)
                    .forEach(i -> samples.add(new Sample(kind, i, set.labels()[i], grid(set, i))));
        }
        return samples;
    }

    /** Pixel (r, c) at x = c, y = rows - 1 - r, so that the digit stands upright. */
    static DefaultXYZDataset grid(ImageSet set, int i) {
        int n = set.features();
        double[][] xyz = new double[3][n];
        for (int k = 0; k < n; k++) {
            xyz[0][k] = k % set.cols();
            xyz[1][k] = set.rows() - 1 - k / set.cols();
            xyz[2][k] = set.pixel(i, k);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("image " + i, xyz);
        return dataset;
    }

    static JFreeChart createChart(Sample sample) {
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(INK);
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        for (NumberAxis axis : List.of(x, y)) {
            axis.setRange(-0.5, 27.5);
            axis.setVisible(false);
        }
        XYPlot plot = new XYPlot(sample.grid(), x, y, renderer);
        JFreeChart chart = Charts.style(new JFreeChart(
                String.format("%s image %d: label %d", sample.set(), sample.index(), sample.label()), plot));
        chart.removeLegend();
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // A square image in a 640 x 460 panel: pad the sides by the difference.
        chart.setPadding(new RectangleInsets(8, 120, 16, 120));
        return chart;
    }

    /** 0 is white paper, 1 is black ink. */
    private static final PaintScale INK = unitScale(value -> {
        int grey = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, value))));
        return new Color(grey, grey, grey);
    });

    /** A paint scale on [0, 1] that colours a value with {@code paint}. */
    static PaintScale unitScale(java.util.function.DoubleFunction<Paint> paint) {
        return new PaintScale() {
            @Override public double getLowerBound() {
                return 0;
            }

            @Override public double getUpperBound() {
                return 1;
            }

            @Override public Paint getPaint(double value) {
                return paint.apply(value);
            }
        };
    }

    /** Draws the figure from {@code mnist} into {@code file}. */
    public static void render(Mnist mnist, Path file) throws java.io.IOException {
        Charts.save(file, PER_SET, createDataset(mnist).stream().map(LabSamples::createChart).toList());
    }

    public static void main(String[] args) throws Exception {
        Path file = Charts.output(args, FILE);
        render(Mnist.bundled(), file);
        System.out.println("wrote " + file);
    }
}
