package workbook.charts.mnist.protocol;

import java.util.function.Supplier;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Builtin;
import workbook.theory.engine.Nonlinearity;

/**
 * The activations of the lab (part 3 (d): ReLU, Sigmoid, LeakyReLU, Tanh, Mish, Swish, in the seed's order), named
 * as on the command line, and a seventh that runs only when asked for ({@code --activations ...,custom}): Ex07's
 * {@code customActivation}, the learner's own design under {@code -Plearner} (the reference design otherwise).
 * Leaky ReLU has slope 0.01 below 0; Swish is {@code x sigmoid(beta x)} with {@code beta = 1} unless the run
 * trains beta (part 3 (g)).
 *
 * <p>Each constant carries its unit of the engine ({@link #unit}): the engine's built-in twin, and the exercise
 * code it stands for. Another activation is one more line here.
 */
public enum LabActivation implements Keyed {
    RELU("ReLU", Builtin.RELU, () -> Activations.RELU),
    SIGMOID("Sigmoid", Builtin.SIGMOID, () -> Activations.SIGMOID),
    LEAKY_RELU("LeakyReLU", Builtin.LEAKY_RELU, () -> Activations.LEAKY_RELU),
    TANH("Tanh", Builtin.TANH, () -> Activations.TANH),
    MISH("Mish", Builtin.MISH, () -> Activations.MISH),
    SWISH("Swish", Builtin.SWISH, () -> Activations.SILU),
    CUSTOM("Custom", null, () -> Custom.ACTIVATION); // the exercise's own design, in either source: no built-in twin

    /** The seed's six, what {@code --activations} means when it is not given. */
    static final java.util.List<LabActivation> SEEDS_SIX = java.util.List.of(RELU, SIGMOID, LEAKY_RELU, TANH, MISH,
            SWISH);

    private final String label;
    /** The engine's own vector code for this activation, or {@code null} if it has none. */
    private final Builtin builtin;
    /** The exercise code on the class path, fetched only when a run needs it (a stub is not touched before). */
    private final Supplier<Activation> exercise;

    LabActivation(String label, Builtin builtin, Supplier<Activation> exercise) {
        this.label = label;
        this.builtin = builtin;
        this.exercise = exercise;
    }

    /** The name in figures and tables. */
    public String label() {
        return label;
    }

    /** The constant named {@code key} (as {@link #key()}, case-insensitive). */
    public static LabActivation of(String key) {
        return Keyed.of(LabActivation.class, "activation", key);
    }

    /** All keys, comma-separated. */
    static String keys() {
        return Keyed.keys(LabActivation.class);
    }

    /** The keys of the seed's six, comma-separated. */
    static String seedsSix() {
        return String.join(",", SEEDS_SIX.stream().map(LabActivation::key).toList());
    }

    /**
     * This activation as the engine runs it: on the reference solutions the engine's built-in twin (its own vector
     * code, checked against the solutions); on the learner's code ({@code learnersCode}, {@code -Plearner}) the
     * exercise's methods, called entry by entry. Custom has no twin: always the exercise's.
     */
    public Nonlinearity unit(boolean learnersCode) {
        return builtin != null && !learnersCode ? Nonlinearity.builtin(builtin) : Nonlinearity.of(exercise.get());
    }

    /** Ex07's {@code customActivation} and its slope, as the engine calls an activation (built on first use). */
    private static final class Custom {
        static final Activation ACTIVATION = new Activation("custom (Ex07)", Ex07SmoothActivations::customActivation,
                Ex07SmoothActivations::customActivationDerivative);
    }
}
