package workbook.theory.engine;

import java.util.random.RandomGenerator;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.Initializer;

/**
 * The lab's three weight initializers (the {@code Ex09} code on the class path), each with the weight variance
 * its derivation prescribes, so that an experiment can compare what was drawn with what was predicted.
 */
public enum Scheme implements Initializer {
    /** N(0, 1) weights: the lab's bad baseline. */
    NAIVE("naive", Ex09Initialization::naiveNormal) {
        @Override
        public double variance(int fanIn, int fanOut) {
            return 1;
        }
    },
    /** Xavier (Glorot) normal: Var[W] = 2 / (fanIn + fanOut). */
    XAVIER("xavier", Ex09Initialization::xavierNormal) {
        @Override
        public double variance(int fanIn, int fanOut) {
            return 2.0 / (fanIn + fanOut);
        }
    },
    /** He (Kaiming) normal: Var[W] = 2 / fanIn. */
    HE("he", Ex09Initialization::heNormal) {
        @Override
        public double variance(int fanIn, int fanOut) {
            return 2.0 / fanIn;
        }
    };

    private final String label;
    private final Initializer initializer;

    Scheme(String label, Initializer initializer) {
        this.label = label;
        this.initializer = initializer;
    }

    /**
     * Every weight {@code value}, drawn from nothing. It is the initialization that keeps every unit of a layer the
     * same through training (the symmetry of {@writeup 8}, the explorer's "constant 0.3").
     */
    public static Initializer constant(double value) {
        return (fanIn, fanOut, rng) -> {
            double[][] w = new double[fanIn][fanOut];
            for (double[] row : w) {
                java.util.Arrays.fill(row, value);
            }
            return w;
        };
    }

    /** A lower-case name for reports: {@code naive}, {@code xavier}, {@code he}. */
    public String label() {
        return label;
    }

    /** The variance of one weight, from the derivation (not from the code that draws the weights). */
    public abstract double variance(int fanIn, int fanOut);

    @Override
    public double[][] init(int fanIn, int fanOut, RandomGenerator rng) {
        return initializer.init(fanIn, fanOut, rng);
    }
}
