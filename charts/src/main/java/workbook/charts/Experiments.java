package workbook.charts;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.Initializer;

/**
 * The settings the initialization figures (6 to 12) share: their seed, and the initializers under the names their
 * legends show. (Their activations are the engine's {@code Activations}, already named as legends show them.)
 * Every matrix product, network and training loop of the figures is the theory module's engine
 * ({@code workbook.theory.engine}).
 *
 * <p>Initializers point at the exercise code on the class path (the reference solutions, or your own with
 * {@code -Plearner}); nothing is called until a figure runs, so a stub only skips the figures that need it.
 */
public final class Experiments {
    /** The one seed of the initialization figures: every batch and every weight matrix follows from it. */
    static final long SEED = 20240607L;

    static final Initializer NAIVE = Ex09Initialization::naiveNormal;
    static final Initializer XAVIER = Ex09Initialization::xavierNormal;
    static final Initializer HE = Ex09Initialization::heNormal;
    /**
     * Glorot and Bengio's "standard" initialization: U(-1/sqrt(fanIn), 1/sqrt(fanIn)), variance 1/(3 fanIn); also
     * PyTorch's {@code nn.Linear} default, which the MNIST lab starts from.
     */
    public static final Initializer STANDARD_UNIFORM = (fanIn, fanOut, rng) -> {
        double bound = 1 / Math.sqrt(fanIn);
        double[][] w = new double[fanIn][fanOut];
        for (double[] row : w) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = rng.nextDouble(-bound, bound);
            }
        }
        return w;
    };

    /** An initializer with the name its curves carry in a legend. */
    record NamedInit(String name, Initializer init) {}

    /** The lab's three initializers, in the order every legend lists them. */
    static final List<NamedInit> LAB_INITS = List.of(new NamedInit("naive N(0, 1)", NAIVE),
            new NamedInit("Xavier", XAVIER), new NamedInit("He", HE));

    private Experiments() {}

    /** A fresh generator for {@code SEED + stream}, so that independent experiments do not share draws. */
    static RandomGenerator rng(long stream) {
        return new SplittableRandom(SEED + stream);
    }
}
