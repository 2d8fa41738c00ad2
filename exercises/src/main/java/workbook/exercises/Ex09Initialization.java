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
 * {@code fanIn} counts its rows and {@code fanOut} its columns.
 * <ul>
 *   <li>Scales. Xavier (Glorot) keeps {@code Var(W) = 2 / (fanIn + fanOut)}:
 *       {@code xavierStd = sqrt(2 / (fanIn + fanOut))}, {@code xavierUniformBound = sqrt(6 / (fanIn + fanOut))}.
 *       He (Kaiming, fan-in mode) keeps {@code Var(W) = 2 / fanIn} for ReLU layers:
 *       {@code heStd = sqrt(2 / fanIn)}, {@code heUniformBound = sqrt(6 / fanIn)}. The assignment's ReLU
 *       compromise averages both directions, {@code Var(W) = 4 / (fanIn + fanOut)}:
 *       {@code kaimingCompromiseStd = sqrt(4 / (fanIn + fanOut))},
 *       {@code kaimingCompromiseBound = sqrt(12 / (fanIn + fanOut))}.</li>
 *   <li>Matrices. {@code naiveNormal} draws N(0, 1) (std 1, the lab's bad baseline); {@code xavierNormal} and
 *       {@code heNormal} draw N(0, std^2) with the std above; {@code xavierUniform} and {@code heUniform} draw
 *       U(-bound, bound) with the bound above. Draw a normal entry as {@code std * rng.nextGaussian()} and a
 *       uniform one as {@code rng.nextDouble(-bound, bound)}, and let the given {@code fill} helper place them
 *       row by row: then a seed gives one documented matrix, the same on every machine.</li>
 *   <li>{@code gain(nonlinearity, negativeSlope)}: the factor that PyTorch's {@code calculate_gain} recommends
 *       for a nonlinearity, by its PyTorch name: {@code linear} 1, {@code sigmoid} 1, {@code tanh} 5/3,
 *       {@code relu} sqrt(2), {@code leaky_relu} {@code sqrt(2 / (1 + negativeSlope^2))}, {@code selu} 3/4.
 *       The slope matters only for {@code leaky_relu}. He's std is {@code gain("relu", 0) / sqrt(fanIn)}.</li>
 * </ul>
 * Why the uniform bound is sqrt(3) times the std: U(-d, d) has variance {@code d^2 / 3}.
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>{@code 2 / (fanIn + fanOut)} with int operands is integer division: 0 for any real layer. And
 *       {@code fanIn + fanOut} itself can overflow an int: add them as doubles.</li>
 *   <li>A std is not a variance: {@code variance * rng.nextGaussian()} draws at the wrong scale.</li>
 *   <li>He uses {@code fanIn} only; Xavier uses both fans.</li>
 *   <li>A constant that reads right can still be wrong: a real framework once documented a uniform limit of
 *       {@code 3 / fanIn} while its code used {@code 3 / sqrt(fanIn)}. The grader does not read your constant;
 *       it measures the variance of the matrices you draw.</li>
 *   <li>A non-positive fan, a null generator or an unknown nonlinearity is an
 *       {@code IllegalArgumentException} whose message names the argument (for a nonlinearity: and lists the
 *       valid names). A NaN {@code negativeSlope} for {@code leaky_relu} is one too.</li>
 * </ul>
 *
 * <h2>Hint</h2>
 * Compute the scale once, then {@code return fill(fanIn, fanOut, () -> std * rng.nextGaussian());}.
 */
public final class Ex09Initialization {
    private Ex09Initialization() {}

    /** The nonlinearities {@link #gain} knows, by their PyTorch names. */
    private static final List<String> NONLINEARITIES =
            List.of("linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu");

    /** Returns N(0, 1) weights of shape {@code [fanIn][fanOut]}: each entry is {@code rng.nextGaussian()}. */
    public static double[][] naiveNormal(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with rng.nextGaussian() draws.
        throw new UnsupportedOperationException("Ex09Initialization.naiveNormal is not implemented yet");
    }

    /** Returns N(0, xavierStd^2) weights of shape {@code [fanIn][fanOut]}: {@code xavierStd * rng.nextGaussian()}. */
    public static double[][] xavierNormal(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with xavierStd * rng.nextGaussian() draws.
        throw new UnsupportedOperationException("Ex09Initialization.xavierNormal is not implemented yet");
    }

    /** Returns U(-b, b) weights with {@code b = xavierUniformBound}: {@code rng.nextDouble(-b, b)}. */
    public static double[][] xavierUniform(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with rng.nextDouble(-bound, bound) draws.
        throw new UnsupportedOperationException("Ex09Initialization.xavierUniform is not implemented yet");
    }

    /** Returns N(0, heStd^2) weights of shape {@code [fanIn][fanOut]}: {@code heStd * rng.nextGaussian()}. */
    public static double[][] heNormal(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with heStd * rng.nextGaussian() draws.
        throw new UnsupportedOperationException("Ex09Initialization.heNormal is not implemented yet");
    }

    /** Returns U(-b, b) weights with {@code b = heUniformBound(fanIn)}: {@code rng.nextDouble(-b, b)}. */
    public static double[][] heUniform(int fanIn, int fanOut, RandomGenerator rng) {
        // TODO(Ex09): check the arguments, then fill the matrix with rng.nextDouble(-bound, bound) draws.
        throw new UnsupportedOperationException("Ex09Initialization.heUniform is not implemented yet");
    }

    /** Returns {@code sqrt(2 / (fanIn + fanOut))}, the Xavier normal std. */
    public static double xavierStd(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return sqrt(2 / (fanIn + fanOut)) in double arithmetic.
        throw new UnsupportedOperationException("Ex09Initialization.xavierStd is not implemented yet");
    }

    /** Returns {@code sqrt(6 / (fanIn + fanOut))}, the Xavier uniform bound (variance bound^2 / 3). */
    public static double xavierUniformBound(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return sqrt(6 / (fanIn + fanOut)) in double arithmetic.
        throw new UnsupportedOperationException("Ex09Initialization.xavierUniformBound is not implemented yet");
    }

    /** Returns {@code sqrt(2 / fanIn)}, the He (Kaiming fan-in) normal std. */
    public static double heStd(int fanIn) {
        // TODO(Ex09): reject a fan below 1, then return sqrt(2 / fanIn) in double arithmetic.
        throw new UnsupportedOperationException("Ex09Initialization.heStd is not implemented yet");
    }

    /** Returns {@code sqrt(6 / fanIn)}, the He (Kaiming fan-in) uniform bound. */
    public static double heUniformBound(int fanIn) {
        // TODO(Ex09): reject a fan below 1, then return sqrt(6 / fanIn) in double arithmetic.
        throw new UnsupportedOperationException("Ex09Initialization.heUniformBound is not implemented yet");
    }

    /** Returns {@code sqrt(4 / (fanIn + fanOut))}, the std of the assignment's ReLU compromise. */
    public static double kaimingCompromiseStd(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return sqrt(4 / (fanIn + fanOut)) in double arithmetic.
        throw new UnsupportedOperationException("Ex09Initialization.kaimingCompromiseStd is not implemented yet");
    }

    /** Returns {@code sqrt(12 / (fanIn + fanOut))}, the uniform bound of the assignment's ReLU compromise. */
    public static double kaimingCompromiseBound(int fanIn, int fanOut) {
        // TODO(Ex09): reject a fan below 1, then return sqrt(12 / (fanIn + fanOut)) in double arithmetic.
        throw new UnsupportedOperationException("Ex09Initialization.kaimingCompromiseBound is not implemented yet");
    }

    /**
     * Returns the recommended gain for a nonlinearity named as in PyTorch ({@code linear}, {@code sigmoid},
     * {@code tanh}, {@code relu}, {@code leaky_relu}, {@code selu}; case matters). {@code negativeSlope} is read
     * only for {@code leaky_relu}.
     */
    public static double gain(String nonlinearity, double negativeSlope) {
        // TODO(Ex09): return the named nonlinearity's gain; reject an unknown name, listing NONLINEARITIES.
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
