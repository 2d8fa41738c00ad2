package workbook.charts;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.theory.engine.Scheme;

/**
 * The settings the initialization figures (6 to 12) share: their seed, and the initializers under the names their
 * legends show. (Their activations and initializers are the engine's {@code Activations} and {@code Scheme}.)
 * Every matrix product, network and training loop of the figures is the theory module's engine
 * ({@code workbook.theory.engine}).
 *
 * <p>Initializers point at the exercise code on the class path (the reference solutions, or your own with
 * {@code -Plearner}); nothing is called until a figure runs, so a stub only skips the figures that need it.
 */
public final class Experiments {
    /** The one seed of the initialization figures: every batch and every weight matrix follows from it. */
    static final long SEED = 20240607L;

    /** An initializer with the name its curves carry in a legend. */
    record NamedInit(String name, Initializer init) {}

    /** The lab's three initializers, in the order every legend lists them. */
    static final List<NamedInit> LAB_INITS = List.of(new NamedInit("naive N(0, 1)", Scheme.NAIVE),
            new NamedInit("Xavier", Scheme.XAVIER), new NamedInit("He", Scheme.HE));

    private Experiments() {}

    /** A fresh generator for {@code SEED + stream}, so that independent experiments do not share draws. */
    static RandomGenerator rng(long stream) {
        return new SplittableRandom(SEED + stream);
    }
}
