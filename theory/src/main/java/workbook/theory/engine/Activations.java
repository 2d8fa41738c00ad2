package workbook.theory.engine;

import java.util.List;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex10Propagation.Activation;

/**
 * The workbook's activations as {@link Activation} records (the exercise API's type), each pointing at the
 * exercise code on the class path: the reference solutions, or your own under {@code -Plearner}. Nothing is
 * called until a network runs, so an unfinished stub fails only the experiments that use it.
 */
public final class Activations {
    /** {@code f(z) = z}: the output layer of a classifier (its logits). */
    public static final Activation IDENTITY = new Activation("identity", z -> z, z -> 1);
    public static final Activation SIGMOID =
            new Activation("sigmoid", Ex01Sigmoid::sigmoid, Ex01Sigmoid::sigmoidDerivative);
    public static final Activation TANH = new Activation("tanh", Ex02Tanh::tanh, Ex02Tanh::tanhDerivative);
    public static final Activation RELU = new Activation("relu", Ex03ReluFamily::relu, Ex03ReluFamily::reluDerivative);
    /** Leaky ReLU with the default slope 0.01. */
    public static final Activation LEAKY_RELU = new Activation("leaky_relu",
            z -> Ex03ReluFamily.leakyRelu(z, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE),
            z -> Ex03ReluFamily.leakyReluDerivative(z, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE));
    /** ELU with alpha = 1. */
    public static final Activation ELU = new Activation("elu", z -> Ex03ReluFamily.elu(z, 1),
            z -> Ex03ReluFamily.eluDerivative(z, 1));
    public static final Activation SELU = new Activation("selu", Ex03ReluFamily::selu, Ex03ReluFamily::seluDerivative);
    public static final Activation HARDSWISH =
            new Activation("hardswish", Ex03ReluFamily::hardswish, Ex03ReluFamily::hardswishDerivative);
    public static final Activation GELU =
            new Activation("gelu", Ex07SmoothActivations::gelu, Ex07SmoothActivations::geluDerivative);
    /** SiLU, Swish with beta = 1 (a fixed beta; see {@link Nonlinearity#trainableSwish} for a learned one). */
    public static final Activation SILU = new Activation("silu", Ex07SmoothActivations::silu,
            z -> Ex07SmoothActivations.swishDerivative(z, 1));
    public static final Activation MISH =
            new Activation("mish", Ex07SmoothActivations::mish, Ex07SmoothActivations::mishDerivative);

    private Activations() {}

    /** Every activation above except the identity, in the order of the exercises. */
    public static List<Activation> all() {
        return List.of(SIGMOID, TANH, RELU, LEAKY_RELU, ELU, SELU, HARDSWISH, GELU, SILU, MISH);
    }

    /** The activation called {@code name} (e.g. {@code "relu"}), identity included. */
    public static Activation named(String name) {
        for (Activation a : all()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        if (IDENTITY.name().equals(name)) {
            return IDENTITY;
        }
        throw new IllegalArgumentException("name must be one of identity, sigmoid, tanh, relu, leaky_relu, elu, "
                + "selu, hardswish, gelu, silu, mish; got " + name);
    }
}
