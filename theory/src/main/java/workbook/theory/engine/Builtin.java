package workbook.theory.engine;

import workbook.exercises.Ex10Propagation.Activation;

/**
 * The activations built into the engine: on the float path each layer's values and slopes come from whole vectors
 * at once ({@link Gemm#activate}: the Vector API's {@code EXP}, {@code TANH} and {@code LOG1P}, which the JIT
 * compiles to the CPU's vector math library), instead of a call of an exercise's method per entry, which costs a
 * {@code double} transcendental function and a branch each. The same functions as the reference solutions of
 * Ex01, Ex02, Ex03 and Ex07 (a test holds them to float precision); to train on your own, use {@link Activations}.
 *
 * <p>{@link #value} and {@link #slope} are the scalar forms, in {@code double}: what the double network and the
 * portable kernel compute.
 */
public enum Builtin {
    /** {@code max(z, 0)}; slope 1 for z > 0, else 0. */
    RELU("ReLU"),
    /** {@code z} for z > 0, else {@code 0.01 z} (PyTorch's default slope). */
    LEAKY_RELU("leaky ReLU"),
    /** {@code 1 / (1 + e^-z)}. */
    SIGMOID("sigmoid"),
    /** {@code tanh z}. */
    TANH("tanh"),
    /** Swish with beta = 1 (SiLU): {@code z sigmoid(z)}. */
    SWISH("SiLU"),
    /** Mish: {@code z tanh(softplus(z))}. */
    MISH("Mish");

    /** Leaky ReLU's slope for negative inputs, PyTorch's default and Ex03's. */
    public static final double LEAKY_SLOPE = 0.01;

    private final String label;

    Builtin(String label) {
        this.label = label;
    }

    /** The activation's value at {@code z}. */
    public double value(double z) {
        return switch (this) {
            case RELU -> z > 0 ? z : 0;
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case SIGMOID -> sigmoid(z);
            case TANH -> Math.tanh(z);
            case SWISH -> swish(z, 1);
            case MISH -> z * Math.tanh(softplus(z));
        };
    }

    /** The activation's slope at {@code z}. */
    public double slope(double z) {
        return switch (this) {
            case RELU -> z > 0 ? 1 : 0;
            case LEAKY_RELU -> z > 0 ? 1 : LEAKY_SLOPE;
            case SIGMOID -> sigmoid(z) * sigmoid(-z);
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
            case SWISH -> swishSlope(z, 1);
            case MISH -> {
                double t = Math.tanh(softplus(z));
                yield t + z * (1 - t * t) * sigmoid(z);
            }
        };
    }

    /** Swish with slope parameter {@code beta}: {@code z sigmoid(beta z)} (beta = 1 is {@link #SWISH}). */
    public static double swish(double z, double beta) {
        return z * sigmoid(beta * z);
    }

    /** The slope in z of {@link #swish(double, double)}: {@code s + beta z s (1 - s)}, with {@code s = sigmoid(beta z)}. */
    public static double swishSlope(double z, double beta) {
        double s = sigmoid(beta * z);
        return s + beta * z * s * sigmoid(-beta * z);
    }

    /** The slope in beta of {@link #swish(double, double)}: {@code z^2 s (1 - s)}, with {@code s = sigmoid(beta z)}. */
    public static double swishBetaSlope(double z, double beta) {
        return z * z * sigmoid(beta * z) * sigmoid(-beta * z);
    }

    /** How reports and figures name it ("Mish (built-in)"). */
    public String label() {
        return label + " (built-in)";
    }

    /** The engine's record of this activation, for the double network and {@link Nonlinearity}. */
    public Activation activation() {
        return new Activation(label(), this::value, this::slope);
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
