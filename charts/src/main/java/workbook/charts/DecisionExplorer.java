package workbook.charts;

import java.util.ArrayList;
import java.util.List;
import workbook.theory.engine.Network;
import workbook.theory.engine.SoftmaxCrossEntropy;

/**
 * The model behind the decision-region explorer (the lecture's exercise 3): one network, built from
 * {@link ExplorerSettings} with the engine, trained step by step on figure 12's two moons by full-batch gradient
 * descent at the settings' rate (figure 12's by default); after each batch of steps, a {@link View} of it: the probability grid, the p = 1/2
 * contour, the training accuracy and the loss so far.
 */
public final class DecisionExplorer {
    /** The two moons of figure 12, the same for every network. */
    static final Fig12DecisionRegions.Moons MOONS = Fig12DecisionRegions.moons(Experiments.rng(12));

    private final ExplorerSettings settings;
    private final Network net;
    private final List<double[]> losses = new ArrayList<>();
    private int steps;

    /** A fresh, untrained network for {@code settings}. */
    public DecisionExplorer(ExplorerSettings settings) {
        this.settings = settings;
        this.net = Network.classifier(settings.widths(), settings.act(), settings.init(),
                new java.util.SplittableRandom(settings.seed()));
        losses.add(new double[] {0, net.loss(MOONS.x(), MOONS.y())});
    }

    public ExplorerSettings settings() {
        return settings;
    }

    /** Steps taken so far. */
    public int steps() {
        return steps;
    }

    /** Takes {@code count} gradient-descent steps, then records the loss; stops early if the loss is not finite. */
    public void train(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        for (int s = 0; s < count; s++) {
            net.step(net.gradient(MOONS.x(), MOONS.y()), settings.rate());
            steps++;
        }
        losses.add(new double[] {steps, net.loss(MOONS.x(), MOONS.y())});
    }

    /** What the window shows now. */
    public View view() {
        double[][] grid = Fig12DecisionRegions.probabilityGrid(net);
        double[] xs = new double[Fig12DecisionRegions.CELLS_X];
        double[] ys = new double[Fig12DecisionRegions.CELLS_Y];
        double[][] p = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                int k = i * ys.length + j;
                xs[i] = grid[0][k];
                ys[j] = grid[1][k];
                p[i][j] = grid[2][k];
            }
        }
        double[][] logits = net.forward(MOONS.x()).output();
        double accuracy = (double) SoftmaxCrossEntropy.of(logits, MOONS.y()).correct() / MOONS.y().length;
        return new View(settings, steps, grid, Contour.of(xs, ys, p, 0.5), accuracy, List.copyOf(losses), net);
    }

    /**
     * One state of the explorer.
     *
     * @param grid     x, y and p(class 1) at the centres of figure 12's grid
     * @param boundary the p = 1/2 contour (the decision boundary)
     * @param losses   (step, training loss) after each batch of steps, from step 0
     * @param net      the network itself (for checks)
     */
    public record View(ExplorerSettings settings, int steps, double[][] grid, List<Contour.Segment> boundary,
                       double accuracy, List<double[]> losses, Network net) {
        /** The latest training loss. */
        public double loss() {
            return losses.get(losses.size() - 1)[1];
        }
    }
}
