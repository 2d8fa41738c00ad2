package workbook.theory.engine;

import java.util.function.DoubleUnaryOperator;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex10Propagation.Activation;

/**
 * The activation of one layer: a fixed {@link Activation}, or Swish {@code z sigmoid(beta z)} whose
 * {@code beta} is a parameter of the layer, trained with the gradient {@code Ex07.swishBetaGradient} (or, built
 * into the engine, {@link Builtin#swishBetaSlope}).
 *
 * <p>A trainable instance belongs to one layer: networks copy the one they are given for every layer.
 */
public final class Nonlinearity {
    private final Activation fixed;
    /** Not null for an activation built into the engine, whose float path runs on the kernel. */
    private final Builtin builtin;
    private double beta;

    private Nonlinearity(Activation fixed, Builtin builtin, double beta) {
        this.fixed = fixed;
        this.builtin = builtin;
        this.beta = beta;
    }

    /** A fixed activation: {@code f} and its derivative from the record. */
    public static Nonlinearity of(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        return new Nonlinearity(activation, null, Double.NaN);
    }

    /**
     * An activation built into the engine: the float path computes its values and slopes as vector operations
     * ({@link Builtin}) instead of calling an exercise entry by entry. The same functions as the reference
     * solutions; use {@link #of} with {@link Activations} to train on your own.
     */
    public static Nonlinearity builtin(Builtin kind) {
        return new Nonlinearity(kind.activation(), kind, Double.NaN);
    }

    /** {@link #builtin} ReLU. */
    public static Nonlinearity builtinRelu() {
        return builtin(Builtin.RELU);
    }

    /** Swish with a trainable {@code beta}, starting at {@code beta} (finite). */
    public static Nonlinearity trainableSwish(double beta) {
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite, got " + beta);
        }
        return new Nonlinearity(null, null, beta);
    }

    /**
     * Swish with a trainable {@code beta} built into the engine: the float path computes its values, slopes and
     * beta gradients as vector operations ({@link Builtin#swish(double, double)} and its slopes), the same
     * functions as Ex07's reference solution; {@link #trainableSwish} calls Ex07 entry by entry.
     */
    public static Nonlinearity builtinTrainableSwish(double beta) {
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite, got " + beta);
        }
        return new Nonlinearity(null, Builtin.SWISH, beta);
    }

    /** A fresh copy with the same current beta (for another layer). */
    Nonlinearity copy() {
        return new Nonlinearity(fixed, builtin, beta);
    }

    /** Whether this layer has a trainable beta. */
    public boolean trainable() {
        return fixed == null;
    }

    /** Whether this is the identity (the engine then skips the elementwise pass). */
    boolean identity() {
        return fixed == Activations.IDENTITY;
    }

    /** The current beta of a trainable Swish; NaN for a fixed activation. */
    public double beta() {
        return beta;
    }

    void beta(double value) {
        beta = value;
    }

    /** {@code act(z)}. */
    public double value(double z) {
        return fixed != null ? fixed.f().applyAsDouble(z)
                : builtin != null ? Builtin.swish(z, beta) : Ex07SmoothActivations.swish(z, beta);
    }

    /** {@code act'(z)}, the slope in z. */
    public double slope(double z) {
        return fixed != null ? fixed.derivative().applyAsDouble(z)
                : builtin != null ? Builtin.swishSlope(z, beta) : Ex07SmoothActivations.swishDerivative(z, beta);
    }

    /** {@code d act(z) / d beta} for a trainable Swish; 0 for a fixed activation. */
    public double betaSlope(double z) {
        return fixed != null ? 0
                : builtin != null ? Builtin.swishBetaSlope(z, beta) : Ex07SmoothActivations.swishBetaGradient(z, beta);
    }

    /** The activation's name, with the current beta for a trainable Swish. */
    public String name() {
        return fixed != null ? fixed.name() : "swish(beta=" + beta + ")" + (builtin != null ? " (built-in)" : "");
    }

    /**
     * The forward pass of a layer on rows {@code [from, to)}, columns {@code [0, n)} of row-major arrays with
     * row stride {@code stride}: {@code z += bias}, then {@code a = act(z)} (nothing more for the identity) and,
     * unless {@code slopes} is null, {@code slopes = act'(z)} for the backward pass. (Computing the slope right
     * after the value lets the CPU predict the second branch of a kinked unit from the first.) A built-in
     * activation runs on {@code kernel}.
     */
    void forward(float[] z, float[] bias, float[] a, float[] slopes, int from, int to, int n, int stride, Gemm kernel) {
        if (builtin != null) {
            kernel.activate(builtin, trainable() ? (float) beta : 1f, z, bias, a, slopes, from, to, n, stride);
            return;
        }
        DoubleUnaryOperator f = fixed == null ? v -> Ex07SmoothActivations.swish(v, beta) : fixed.f();
        DoubleUnaryOperator slope = fixed == null ? v -> Ex07SmoothActivations.swishDerivative(v, beta)
                : fixed.derivative();
        boolean apply = !identity();
        for (int i = from; i < to; i++) {
            for (int j = i * stride, end = j + n, bj = 0; j < end; j++, bj++) {
                z[j] += bias[bj];
                if (apply) {
                    a[j] = (float) f.applyAsDouble(z[j]);
                    if (slopes != null) {
                        slopes[j] = (float) slope.applyAsDouble(z[j]);
                    }
                }
            }
        }
    }

    /**
     * The backward step {@code dZ = act'(Z) * dA} on rows {@code [from, to)}, columns {@code [0, n)}, where
     * {@code dZ} holds {@code act'(Z)} from {@link #forward} on entry. For a trainable Swish it also writes each
     * row's share of {@code dL/dbeta = sum of dA * d act(Z) / d beta} into {@code betaRows} (summed later in row
     * order, so the result does not depend on which thread did which rows); a built-in one on {@code kernel}.
     */
    void backward(float[] z, float[] dA, float[] dZ, double[] betaRows, int from, int to, int n, int stride,
                  Gemm kernel) {
        boolean perEntryBeta = fixed == null && builtin == null;
        for (int i = from; i < to; i++) {
            double dBeta = 0;
            for (int j = i * stride, end = j + n; j < end; j++) {
                dZ[j] *= dA[j];
                if (perEntryBeta) {
                    dBeta += dA[j] * Ex07SmoothActivations.swishBetaGradient(z[j], beta);
                }
            }
            betaRows[i] = dBeta;
        }
        if (fixed == null && builtin != null) {
            kernel.swishBetaRows((float) beta, z, dA, betaRows, from, to, n, stride);
        }
    }
}
