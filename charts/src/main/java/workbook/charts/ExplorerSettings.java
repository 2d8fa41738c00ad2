package workbook.charts;

import java.util.List;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Scheme;

/**
 * What the decision-region explorer trains: a network with {@code depth} hidden layers of {@code width} units of
 * one activation, its weights drawn by one initializer from {@code seed}, trained by gradient descent at {@code
 * rate} on the two moons of figure 12.
 *
 * @param activation the engine's name of the hidden activation, in any case, e.g. {@code ReLU}
 *                   ({@link Activations#all()})
 * @param width      hidden units per layer, 1 to {@link #MAX_WIDTH}
 * @param depth      hidden layers, 1 to {@link #MAX_DEPTH}
 * @param seed       the seed of the weights (the data set is always figure 12's)
 * @param initializer one of {@link #INITIALIZERS}, in any case (its first word is enough): {@code matched} is
 *                   figure 12's choice, Xavier for sigmoid and tanh and He for the rest; {@code constant 0.3} gives
 *                   every weight the same value, so every unit of a layer stays the same (write-up 8)
 * @param rate       the learning rate, above 0 and at most {@link #MAX_RATE}
 */
public record ExplorerSettings(String activation, int width, int depth, long seed, String initializer, double rate) {
    /** The initializers the explorer offers. */
    public static final List<String> INITIALIZERS = List.of("matched", "naive N(0, 1)", "Xavier", "He", "constant 0.3");
    /** A learning rate above this diverges for every network of the explorer. */
    public static final double MAX_RATE = 10;
    public static final int MAX_WIDTH = 64;
    public static final int MAX_DEPTH = 6;
    /** Figure 12's network: ReLU, one hidden layer of 10 units, He's initializer, its rate. */
    public static final ExplorerSettings DEFAULT = new ExplorerSettings("ReLU", 10, 1, 120);

    /** Figure 12's initializer ({@code matched}) and rate. */
    public ExplorerSettings(String activation, int width, int depth, long seed) {
        this(activation, width, depth, seed, "matched", Fig12DecisionRegions.RATE);
    }

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
        String init = initializer;
        String named = init == null ? null : INITIALIZERS.stream().filter(name -> name.equalsIgnoreCase(init)
                || name.split(" ")[0].equalsIgnoreCase(init)).findFirst().orElse(null);
        if (named == null) {
            throw new IllegalArgumentException("initializer must be one of " + INITIALIZERS + ", got " + initializer);
        }
        initializer = named;
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be above 0 and at most " + MAX_RATE + ", got " + rate);
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

    /** The chosen initializer; {@code matched}: Xavier for the saturating sigmoid and tanh, He for the rest. */
    public Initializer init() {
        return switch (initializer) {
            case "naive N(0, 1)" -> Scheme.NAIVE;
            case "Xavier" -> Scheme.XAVIER;
            case "He" -> Scheme.HE;
            case "constant 0.3" -> Scheme.constant(0.3);
            default -> act() == Activations.SIGMOID || act() == Activations.TANH ? Scheme.XAVIER : Scheme.HE;
        };
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
