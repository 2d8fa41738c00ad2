package workbook.charts;

import java.util.List;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Scheme;

/**
 * What the decision-region explorer trains: a network with {@code depth} hidden layers of {@code width} units of
 * one activation, seeded by {@code seed}, on the two moons of figure 12.
 *
 * @param activation the engine's name of the hidden activation, in any case, e.g. {@code ReLU}
 *                   ({@link Activations#all()})
 * @param width      hidden units per layer, 1 to {@link #MAX_WIDTH}
 * @param depth      hidden layers, 1 to {@link #MAX_DEPTH}
 * @param seed       the seed of the weights (the data set is always figure 12's)
 */
public record ExplorerSettings(String activation, int width, int depth, long seed) {
    public static final int MAX_WIDTH = 64;
    public static final int MAX_DEPTH = 6;
    /** Figure 12's network: ReLU, one hidden layer of 10 units. */
    public static final ExplorerSettings DEFAULT = new ExplorerSettings("ReLU", 10, 1, 120);

    public ExplorerSettings {
        String asked = activation;
        String spelled = names().stream().filter(name -> name.equalsIgnoreCase(asked)).findFirst().orElse(null);
        if (spelled == null) {
            throw new IllegalArgumentException("activation must be one of " + names() + ", got " + activation);
        }
        activation = spelled; // the engine's spelling: "relu" becomes "ReLU"
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be between 1 and " + MAX_WIDTH + ", got " + width);
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
        }
    }

    /** The activation names the explorer offers, in the exercises' order. */
    public static List<String> names() {
        return Activations.all().stream().map(Activation::name).toList();
    }

    /** The engine's activation of this name (calling the exercise code on the class path). */
    public Activation act() {
        return Activations.named(activation);
    }

    /** Xavier for the saturating sigmoid and tanh, He for the rest (the ReLU-like units), as in figure 12. */
    public Initializer init() {
        Activation act = act();
        return act == Activations.SIGMOID || act == Activations.TANH ? Scheme.XAVIER : Scheme.HE;
    }

    /** The layer widths: 2 inputs, {@code depth} hidden layers of {@code width}, one logit. */
    public int[] widths() {
        int[] widths = new int[depth + 2];
        java.util.Arrays.fill(widths, width);
        widths[0] = 2;
        widths[depth + 1] = 1;
        return widths;
    }
}
