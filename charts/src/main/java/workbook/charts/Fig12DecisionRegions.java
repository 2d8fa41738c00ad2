package workbook.charts;

import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Network;
import workbook.theory.engine.Scheme;
import workbook.theory.engine.SoftmaxCrossEntropy;

/**
 * Figure 12, {@code fig12-decision-regions.png}: the lecture's exercise 3. The same small network
 * (the engine's {@link Network}: 2 inputs, 10 hidden units, a logistic output) learns the two-moons data set once per
 * activation; the background is its predicted probability of class 1 (white where it is 1/2: the decision
 * boundary), the markers are the training points.
 *
 * <p>Everything is seeded: 200 points (100 per moon, Gaussian noise of std 0.15), weights from
 * {@code Ex09Initialization} (He for ReLU and GELU, Xavier for tanh and sigmoid), biases 0, then 800 steps
 * of full-batch gradient descent at rate 2, the same for every activation. ReLU carves the plane with
 * straight pieces; tanh and GELU bend smoothly. The sigmoid net is still on its plateau: its units sit near
 * the middle of sigma, where sigma is nearly linear with slope 1/4 and an offset of 1/2, so the whole net
 * acts like a straight-line classifier and the gradient that would bend it is small.
 */
public final class Fig12DecisionRegions {
    static final String FILE = "fig12-decision-regions.png";
    static final int POINTS_PER_CLASS = 100;
    static final double NOISE = 0.15;
    static final int HIDDEN = 10;
    static final int STEPS = 800;
    static final double RATE = 2.0;
    static final double X_MIN = -2, X_MAX = 2, Y_MIN = -1.25, Y_MAX = 1.25;
    // square cells of about 2 pixels at the PNG's full size, so that the boundary shows no steps
    static final int CELLS_X = 480, CELLS_Y = 300;
    /** The colours of p(class 1), shared by every panel and the one colour bar. */
    static final PaintScale SCALE = HeatMaps.divergingUnitScale();

    private Fig12DecisionRegions() {}

    /** The training set: points {@code x[i] = (x1, x2)} with labels {@code y[i]} in {0, 1}. */
    record Moons(double[][] x, int[] y) {}

    /** One panel: the activation, its trained network, its training accuracy and the probability grid. */
    record Panel(Activation act, Network net, double accuracy, DefaultXYZDataset grid) {}

    record Dataset(Moons moons, List<Panel> panels) {}

    /** Two interleaved half circles, shifted so that the set is centred on the origin. */
    static Moons moons(RandomGenerator rng) {
        double[][] x = new double[2 * POINTS_PER_CLASS][];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double t = Math.PI * rng.nextDouble();
            y[i] = i % 2;
            double cx = y[i] == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double cy = y[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            x[i] = new double[] {cx - 0.5 + NOISE * rng.nextGaussian(), cy - 0.25 + NOISE * rng.nextGaussian()};
        }
        return new Moons(x, y);
    }

    static Dataset createDataset() {
        Moons moons = moons(Experiments.rng(12));
        List<Panel> panels = new ArrayList<>();
        panels.add(panel(Activations.RELU, Scheme.HE, moons));
        panels.add(panel(Activations.TANH, Scheme.XAVIER, moons));
        panels.add(panel(Activations.GELU, Scheme.HE, moons));
        panels.add(panel(Activations.SIGMOID, Scheme.XAVIER, moons));
        return new Dataset(moons, panels);
    }

    static Panel panel(Activation act, Initializer init, Moons moons) {
        Network net = Network.classifier(new int[] {2, HIDDEN, 1}, act, init, Experiments.rng(120));
        for (int s = 0; s < STEPS; s++) {
            net.step(net.gradient(moons.x(), moons.y()), RATE);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("p(class 1)", probabilityGrid(net));
        double[][] logits = net.forward(moons.x()).output();
        double accuracy = (double) SoftmaxCrossEntropy.of(logits, moons.y()).correct() / moons.y().length;
        return new Panel(act, net, accuracy, dataset);
    }

    /**
     * The network's p(class 1) at the centres of a {@link #CELLS_X} x {@link #CELLS_Y} grid over the plotted range,
     * as the rows x, y, p of an XYZ series; cell (i, j) is item {@code i * CELLS_Y + j}.
     */
    static double[][] probabilityGrid(Network net) {
        double[][] grid = new double[3][CELLS_X * CELLS_Y];
        double[][] points = new double[CELLS_X * CELLS_Y][];
        for (int i = 0; i < CELLS_X; i++) {
            for (int j = 0; j < CELLS_Y; j++) {
                int k = i * CELLS_Y + j;
                grid[0][k] = X_MIN + (i + 0.5) * (X_MAX - X_MIN) / CELLS_X;
                grid[1][k] = Y_MIN + (j + 0.5) * (Y_MAX - Y_MIN) / CELLS_Y;
                points[k] = new double[] {grid[0][k], grid[1][k]};
            }
        }
        double[][] p = probabilities(net, points);
        for (int k = 0; k < points.length; k++) {
            grid[2][k] = p[k][0];
        }
        return grid;
    }

    /** The network's p(class 1) at each point: its single logistic output. */
    static double[][] probabilities(Network net, double[][] points) {
        return SoftmaxCrossEntropy.probabilities(net.forward(points).output());
    }

    static List<JFreeChart> createChart(Dataset data) {
        XYSeriesCollection points = points(data.moons());
        List<JFreeChart> charts = new ArrayList<>();
        char letter = 'a';
        for (Panel p : data.panels()) {
            String title = String.format(Locale.ROOT, "(%c) %s: training accuracy %.1f %%", letter++, p.act().name(),
                    100 * p.accuracy());
            charts.add(heatMap(title, p.grid(), points));
        }
        return charts;
    }

    /**
     * A panel: p(class 1) as a diverging heat map ({@link #SCALE}) over the plotted range, the training points on top;
     * no colour bar (the figure has one for all panels: {@link #colourBar}).
     */
    static JFreeChart heatMap(String title, DefaultXYZDataset grid, XYSeriesCollection points) {
        List<Paint> paints = List.of(new Color(0x004488), new Color(0x994400)); // darker ends of the scale
        JFreeChart chart = HeatMaps.heatMap(title, "x₁", "x₂", grid, (X_MAX - X_MIN) / CELLS_X,
                (Y_MAX - Y_MIN) / CELLS_Y, SCALE, points, paints);
        chart.getXYPlot().getDomainAxis().setRange(X_MIN, X_MAX);
        chart.getXYPlot().getRangeAxis().setRange(Y_MIN, Y_MAX);
        return chart;
    }

    /** The training points, one series per class. */
    static XYSeriesCollection points(Moons moons) {
        XYSeriesCollection points = new XYSeriesCollection();
        for (int label = 0; label <= 1; label++) {
            XYSeries series = new XYSeries(label == 0 ? "class 0 (upper moon)" : "class 1 (lower moon)", false, true);
            for (int i = 0; i < moons.x().length; i++) {
                if (moons.y()[i] == label) {
                    series.add(moons.x()[i][0], moons.x()[i][1]);
                }
            }
            points.addSeries(series);
        }
        return points;
    }

    /** The colour bar of p(class 1): one for the whole figure, below its panels, or beside a single panel. */
    static PaintScaleLegend colourBar(RectangleEdge position) {
        return HeatMaps.colourBar(SCALE, "p(class 1)", position);
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()), colourBar(RectangleEdge.BOTTOM));
    }
}
