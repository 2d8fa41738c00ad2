package workbook.theory.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import workbook.exercises.Ex10Propagation.Initializer;

/**
 * An initializer that hands out what another one draws and keeps every matrix, layer by layer: it lets an
 * experiment rebuild, with {@link Network#fromWeights}, the very network an exercise drew.
 */
public final class Recorder implements Initializer {
    private final Initializer initializer;
    private final List<double[][]> weights = new ArrayList<>();

    public Recorder(Initializer initializer) {
        this.initializer = initializer;
    }

    @Override
    public double[][] init(int fanIn, int fanOut, RandomGenerator rng) {
        double[][] w = initializer.init(fanIn, fanOut, rng);
        weights.add(w);
        return w;
    }

    /** The matrices drawn so far, in order (the live list). */
    public List<double[][]> weights() {
        return weights;
    }
}
