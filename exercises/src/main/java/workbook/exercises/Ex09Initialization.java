package workbook.exercises;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * Weight initialization picks the scale of a layer's first weights so that signals and gradients neither grow
 * nor shrink from layer to layer; the right scale depends on the layer's fans and on its activation.
 *
 * <h2>Task</h2>
 * A weight matrix is {@code double[fanIn][fanOut]} and is used as {@code Y = X W} (a row of X is a sample), so
 * {@code fanIn} counts its rows and {@code fanOut} its columns. Weights are drawn independently with mean 0;
 * what you choose, and derive, is their variance.
 * <ul>
 *   <li>Scales. Xavier {@cite glorot2010} asks for the weight variance that keeps the variance of the activations
 *       constant going forward and that of the gradients constant going backward, for an activation that is
 *       odd with slope 1 at 0; the two demands disagree unless {@code fanIn = fanOut}, and Xavier settles for
 *       the average of the two fans. He {@cite he2015}, in fan-in mode, asks for the forward demand alone, for a
 *       ReLU layer. The ReLU compromise of {@writeup kaiming} applies He's correction for ReLU to Xavier's averaged
 *       fans. Each has a normal std ({@code xavierStd}, {@code heStd}, {@code kaimingCompromiseStd}) and a
 *       uniform bound \( b \) for \( U(-b, b) \) with the same variance ({@code xavierUniformBound},
 *       {@code heUniformBound}, {@code kaimingCompromiseBound}).</li>
 *   <li>Matrices. {@code naiveNormal} draws \( N(0, 1) \) (std 1, the bad baseline of the MNIST lab);
 *       {@code xavierNormal} and {@code heNormal} draw \( N(0, \sigma^2) \) with the std \( \sigma \) above;
 *       {@code xavierUniform} and {@code heUniform} draw \( U(-b, b) \) with the bound \( b \) above. Draw a
 *       normal entry as {@code std * rng.nextGaussian()} and a uniform one as {@code rng.nextDouble(-bound, bound)},
 *       and let the given {@code fill} helper place them row by row: then a seed gives one documented matrix, the
 *       same on every machine.</li>
 *   <li>{@code gain(nonlinearity, negativeSlope)}: the factor that PyTorch's {@code calculate_gain} recommends
 *       for a nonlinearity, by its PyTorch name: {@code linear} 1, {@code sigmoid} 1, {@code tanh} 5/3,
 *       {@code selu} 3/4; for {@code relu} and {@code leaky_relu} (with its {@code negativeSlope}) the gain g is
 *       yours to derive: the std {@code g / sqrt(fanIn)} keeps the forward variance of such a layer. The slope
 *       matters only for {@code leaky_relu}.</li>
 * </ul>
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>What is {@code 2 / (3 + 4)} in Java? And {@code Integer.MAX_VALUE + 1}? Fans are ints.</li>
 *   <li>Your matrices' variance comes out as the square of what you meant, or its square root: did you
 *       multiply {@code rng.nextGaussian()} by a std or by a variance?</li>
 *   <li>A constant that reads right can still be wrong: a real framework once documented a uniform limit of
 *       {@code 3 / fanIn} while its code used {@code 3 / sqrt(fanIn)}. The grader does not read your constant;
 *       it measures the variance of the matrices you draw.</li>
 *   <li>A non-positive fan, a null generator or an unknown nonlinearity is an
 *       {@code IllegalArgumentException} whose message names the argument (for a nonlinearity: and lists the
 *       valid names). A NaN {@code negativeSlope} for {@code leaky_relu} is one too.</li>
 * </ul>
 *
 * <h2>Where to look</h2>
 * The two demands, normal against uniform: {@writeup xavier}; ReLU's factor, the compromise, the gain:
 * {@writeup kaiming}. Stuck?
 * {@code java exercises/hints/Hint.java ex09} shows the next hint.
 */
public final class Ex09Initialization {
    private Ex09Initialization() {}

    /** The nonlinearities {@link #gain} knows, by their PyTorch names. */
    private static final List<String> NONLINEARITIES =
            List.of("linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu");

    /** Returns \( N(0, 1) \) weights of shape {@code [fanIn][fanOut]}: each entry is {@code rng.nextGaussian()}. */
    public static double[][] naiveNormal(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with rng.nextGaussian() draws.
        throw new UnsupportedOperationException("Ex09Initialization.naiveNormal is not implemented yet");
    }

    /**
     * Returns \( N(0, \sigma^2) \) weights of shape {@code [fanIn][fanOut]} with \( \sigma \) = {@link #xavierStd}:
     * {@code std * rng.nextGaussian()}.
     */
    public static double[][] xavierNormal(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then draw at the Xavier std (write-up: XavierInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.xavierNormal is not implemented yet");
    }

    /** Returns \( U(-b, b) \) weights with {@code b = xavierUniformBound}: {@code rng.nextDouble(-b, b)}. */
    public static double[][] xavierUniform(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with rng.nextDouble(-bound, bound) draws.
        throw new UnsupportedOperationException("Ex09Initialization.xavierUniform is not implemented yet");
    }

    /**
     * Returns \( N(0, \sigma^2) \) weights of shape {@code [fanIn][fanOut]} with \( \sigma \) = {@link #heStd}:
     * {@code std * rng.nextGaussian()}.
     */
    public static double[][] heNormal(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then draw at the He std (write-up: KaimingInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.heNormal is not implemented yet");
    }

    /** Returns \( U(-b, b) \) weights with {@code b = heUniformBound(fanIn)}: {@code rng.nextDouble(-b, b)}. */
    public static double[][] heUniform(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with rng.nextDouble(-bound, bound) draws.
        throw new UnsupportedOperationException("Ex09Initialization.heUniform is not implemented yet");
    }

    /** Returns the Xavier (Glorot) normal std for a layer with these fans. */
    public static double xavierStd(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return the Xavier std (write-up: XavierInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.xavierStd is not implemented yet");
    }

    /** Returns the bound b of the Xavier uniform {@code U(-b, b)}: the same variance as the Xavier normal. */
    public static double xavierUniformBound(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return the Xavier uniform bound (write-up: XavierInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.xavierUniformBound is not implemented yet");
    }

    /** Returns the He (Kaiming fan-in) normal std for a ReLU layer. */
    public static double heStd(int fanIn) {
        // TODO(Ex09): reject a fan below 1, then return the He std (write-up: KaimingInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.heStd is not implemented yet");
    }

    /** Returns the bound b of the He uniform {@code U(-b, b)}: the same variance as the He normal. */
    public static double heUniformBound(int fanIn) {
        // TODO(Ex09): reject a fan below 1, then return the He uniform bound (write-up: KaimingInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.heUniformBound is not implemented yet");
    }

    /** Returns the normal std of the ReLU compromise: He's ReLU factor on Xavier's averaged fans. */
    public static double kaimingCompromiseStd(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return the compromise std (write-up: KaimingInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.kaimingCompromiseStd is not implemented yet");
    }

    /** Returns the uniform bound of the ReLU compromise: the same variance as its normal std. */
    public static double kaimingCompromiseBound(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return the compromise bound (write-up: KaimingInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.kaimingCompromiseBound is not implemented yet");
    }

    /**
     * Returns the recommended gain for a nonlinearity named as in PyTorch ({@code linear}, {@code sigmoid},
     * {@code tanh}, {@code relu}, {@code leaky_relu}, {@code selu}; case matters). {@code negativeSlope} is read
     * only for {@code leaky_relu}.
     */
    public static double gain(String nonlinearity, double negativeSlope) {
        // TODO(Ex09): return the gain, or reject the name listing NONLINEARITIES (write-up: KaimingInitialization).
        throw new UnsupportedOperationException("Ex09Initialization.gain is not implemented yet");
    }

    /**
     * Given: a {@code [fanIn][fanOut]} matrix filled row by row (row 0 from left to right, then row 1, ...)
     * with successive values of {@code draw}.
     */
    private static double[][] fill(int fanIn, int fanOut, DoubleSupplier draw) {
        double[][] w = new double[fanIn][fanOut];
        for (double[] row : w) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = draw.getAsDouble();
            }
        }
        return w;
    }

    /** Given: rejects a fan below 1 with a message that names it. */
    private static void requireFan(String name, int fan) {
        if (fan < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + fan);
        }
    }

    /** Given: checks both fans and the generator of a matrix initializer. */
    private static void requireFans(int fanIn, int fanOut, RandomGenerator rng) {
        requireFan("fanIn", fanIn);
        requireFan("fanOut", fanOut);
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null: pass a seeded generator such as "
                    + "new SplittableRandom(42)");
        }
    }
}
