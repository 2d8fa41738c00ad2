package workbook.theory.engine;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex10Propagation.Activation;

/**
 * The workbook's activations as {@link Activation} records (the exercise API's type), each pointing at the
 * exercise code on the class path: the reference solutions, or your own under {@code -Plearner}. Nothing is
 * called until a network runs, so an unfinished stub fails only the experiments that use it. Each is named as
 * figures and reports show it ("ReLU", "tanh"), so a legend can take its name as it is.
 */
public final class Activations {
    /** {@code f(z) = z}: the output layer of a classifier (its logits). */
    public static final Activation IDENTITY = new Activation("identity", z -> z, z -> 1);
    public static final Activation SIGMOID =
            new Activation("sigmoid", Ex01Sigmoid::sigmoid, Ex01Sigmoid::sigmoidDerivative);
    public static final Activation TANH = new Activation("tanh", Ex02Tanh::tanh, Ex02Tanh::tanhDerivative);
    public static final Activation RELU = new Activation("ReLU", Ex03ReluFamily::relu, Ex03ReluFamily::reluDerivative);
    /** Leaky ReLU with the default slope 0.01. */
    public static final Activation LEAKY_RELU = new Activation("leaky ReLU",
            z -> Ex03ReluFamily.leakyRelu(z, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE),
            z -> Ex03ReluFamily.leakyReluDerivative(z, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE));
    /** ELU with alpha = 1. */
    public static final Activation ELU = new Activation("ELU", z -> Ex03ReluFamily.elu(z, 1),
            z -> Ex03ReluFamily.eluDerivative(z, 1));
    public static final Activation SELU = new Activation("SELU", Ex03ReluFamily::selu, Ex03ReluFamily::seluDerivative);
    public static final Activation HARDSWISH =
            new Activation("hardswish", Ex03ReluFamily::hardswish, Ex03ReluFamily::hardswishDerivative);
    public static final Activation GELU =
            new Activation("GELU", Ex07SmoothActivations::gelu, Ex07SmoothActivations::geluDerivative);
    /** SiLU, Swish with beta = 1 (a fixed beta; see {@link Nonlinearity#trainableSwish} for a learned one). */
    public static final Activation SILU = new Activation("SiLU", Ex07SmoothActivations::silu,
            z -> Ex07SmoothActivations.swishDerivative(z, 1));
    public static final Activation MISH =
            new Activation("Mish", Ex07SmoothActivations::mish, Ex07SmoothActivations::mishDerivative);

    private Activations() {}

    /** Every activation above except the identity, in the order of the exercises. */
    public static List<Activation> all() {
        return List.of(SIGMOID, TANH, RELU, LEAKY_RELU, ELU, SELU, HARDSWISH, GELU, SILU, MISH);
    }

    /** The activation called {@code name} in any case (e.g. {@code "relu"} or {@code "ReLU"}), identity included. */
    public static Activation named(String name) {
        return Stream.concat(all().stream(), Stream.of(IDENTITY)).filter(a -> a.name().equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("name must be one of "
                        + Stream.concat(Stream.of(IDENTITY), all().stream()).map(Activation::name)
                                .collect(Collectors.joining(", ")) + "; got " + name));
    }
}
