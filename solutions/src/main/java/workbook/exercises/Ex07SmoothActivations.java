package workbook.exercises;

import static workbook.given.Ex01Given.sigmoid;
import static workbook.given.Ex01Given.softplus;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * The smooth activations of modern networks (GELU in transformers, SiLU/Swish in EfficientNet, Mish) keep
 * ReLU's shape but trade its kink for a curve with a small negative dip; and a design task of your own.
 *
 * <h2>Task</h2>
 * Implement each activation from its definition, and derive each derivative yourself:
 * <ul>
 *   <li>{@code gelu(x) = x * Phi(x)}, with the standard normal CDF {@code Phi(x) = (1 + erf(x / sqrt(2))) / 2};
 *       {@code geluDerivative(x)} is its slope. The standard normal density is
 *       {@code phi(x) = exp(-x^2 / 2) / sqrt(2 pi)}. The JDK has no erf: Commons Numbers has
 *       {@code Erf.value(x)} and {@code Erfc.value(x) = 1 - erf(x)}, both within 2 ulps.</li>
 *   <li>{@code geluTanh(x) = 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}, the fast approximation of
 *       BERT and GPT-2 (within 5e-4 of the exact GELU)</li>
 *   <li>{@code swish(x, beta) = x * sigmoid(beta x)} and {@code silu(x) = swish(x, 1)};
 *       {@code swishDerivative(x, beta)} is the slope in x and {@code swishBetaGradient(x, beta)} the slope in
 *       beta, which trains a learnable beta</li>
 *   <li>{@code mish(x) = x * tanh(softplus(x))} and its slope {@code mishDerivative(x)}</li>
 *   <li>{@code customActivation(x)} and {@code customActivationDerivative(x)}: an activation of your own
 *       design with the four properties below. The grader checks the properties, not a formula.</li>
 * </ul>
 *
 * <h2>Your own activation: the four properties, and how they are checked</h2>
 * <ol>
 *   <li>Non-linear: on [-5, 5], f strays by more than 0.01 from the straight line through
 *       {@code (0, f(0))} and {@code (1, f(1))}.</li>
 *   <li>Differentiable everywhere, with your derivative: {@code customActivationDerivative} matches central
 *       differences of {@code customActivation} on a grid over [-20, 20] with extra points hugging \( 0, \pm 1 \) and
 *       \( \pm 2 \) (where hand-made kinks hide), and far out at \( \pm 50, \pm 1000 \) and \( \pm 10^6 \).</li>
 *   <li>No vanishing gradient for {@code x >= 0}: the derivative is at least 0.01 everywhere on [0, 1e6].</li>
 *   <li>Bounded below: f stays finite down to {@code x = -1e6}, and its lowest value on [-1e6, -1000] is
 *       within 0.01 of its lowest value on [-1000, 0] (a leaky slope, however small, keeps falling).</li>
 * </ol>
 * ReLU fails 2 (its kink), leaky ReLU fails 4, sigmoid and tanh fail 3, {@code x + x^3} fails 4, the identity
 * fails 1. Check the four properties on paper before you code, and mind the far tails: a formula that cancels
 * to 0 or overflows there fails property 2 or 4.
 *
 * <h2>Traps</h2>
 * <ul>
 *   <li>{@code gelu(-10)} is about -7.6e-23. What does {@code 1 + erf(-10 / sqrt(2))} give in double
 *       precision?</li>
 *   <li>Everything must stay finite at \( \pm 1000 \): what is {@code exp(1000)}, and what is
 *       {@code 0 * Infinity}?</li>
 *   <li>{@code swishBetaGradient(40, 1)} is about 6.8e-15, not 0. Does any subtraction in your formula round
 *       the answer away?</li>
 *   <li>GELU, SiLU and Mish are not monotonic: each dips below 0 (SiLU to about -0.2785 near x = -1.2785)
 *       before rising back to 0 as x goes to -Infinity.</li>
 *   <li>Checks you can run yourself: GELU and SiLU are {@code x * g(x)} for a CDF g with
 *       {@code g(-x) = 1 - g(x)}, so {@code f(x) - f(-x) = x}; what does that say about {@code f'(x) + f'(-x)}?
 *   </li>
 * </ul>
 *
 * <h2>Given</h2>
 * {@code sigmoid} and {@code softplus}, stable, are imported from {@code workbook.given.Ex01Given}: they are
 * Ex01's answers, so finish Ex01 before you open that file.
 *
 * <h2>Where to look</h2>
 * Every slope here is derived in {@writeup derivatives}; {@writeup floats} covers the tails;
 * {@writeup choosing} compares the curves. Stuck? {@code java exercises/hints/Hint.java ex07} shows the
 * next hint.
 */
public final class Ex07SmoothActivations {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double SQRT_2_PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private Ex07SmoothActivations() {}

    /** Returns the exact GELU {@code x * Phi(x)}: about x for large x, about 0 (from below) far left. */
    public static double gelu(double x) {
        // erfc(-x / sqrt 2) / 2 keeps Phi's lower tail, where 1 + erf(x / sqrt 2) cancels to 0
        return x * 0.5 * Erfc.value(-x / SQRT_2);
    }

    /** Returns the tanh approximation {@code 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}. */
    public static double geluTanh(double x) {
        return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
    }

    /** Returns the exact slope of GELU: 1/2 at 0, tending to 1 and to 0 in the tails. */
    public static double geluDerivative(double x) {
        return 0.5 * Erfc.value(-x / SQRT_2) + x * Math.exp(-0.5 * x * x) / SQRT_2_PI;
    }

    /** Returns SiLU, {@code x * sigmoid(x)}: the swish with beta = 1. */
    public static double silu(double x) {
        return x * sigmoid(x);
    }

    /**
     * Returns {@code x * sigmoid(beta x)}: x/2 at beta = 0, SiLU at beta = 1, close to ReLU for large beta.
     */
    public static double swish(double x, double beta) {
        return x * sigmoid(beta * x);
    }

    /** Returns the slope in x of {@code swish(x, beta)}, finite at \( \pm 1000 \). */
    public static double swishDerivative(double x, double beta) {
        double s = sigmoid(beta * x);
        // 1 - s = sigmoid(-beta x) avoids cancellation when s rounds to 1
        return s + beta * x * s * sigmoid(-beta * x);
    }

    /** Returns the slope in beta of {@code swish(x, beta)}, finite at \( \pm 1000 \). */
    public static double swishBetaGradient(double x, double beta) {
        return x * x * sigmoid(beta * x) * sigmoid(-beta * x);
    }

    /** Returns Mish, {@code x * tanh(softplus(x))}: about x for large x, about 0 (from below) far left. */
    public static double mish(double x) {
        return x * Math.tanh(softplus(x));
    }

    /** Returns the slope of Mish, finite at \( \pm 1000 \). */
    public static double mishDerivative(double x) {
        double t = Math.tanh(softplus(x));
        return t + x * (1 - t * t) * sigmoid(x);
    }

    /**
     * Returns your own activation: non-linear, differentiable everywhere, with a slope of at least 0.01 for
     * {@code x >= 0}, and bounded below (see the class comment for how each property is checked).
     */
    public static double customActivation(double x) {
        // squareplus (x + sqrt(x^2 + 4)) / 2, a hyperbola above y = 0 and y = x; for x < 0 the equal
        // 2 / (sqrt(x^2 + 4) - x) avoids cancelling; hypot avoids overflowing x^2
        return x >= 0 ? 0.5 * x + 0.5 * Math.hypot(x, 2) : 2 / (Math.hypot(x, 2) - x);
    }

    /** Returns the slope of {@link #customActivation(double)}, finite everywhere. */
    public static double customActivationDerivative(double x) {
        // (1 + x / r) / 2 with r = sqrt(x^2 + 4) lies in (0, 1) and is at least 1/2 for x >= 0
        return 0.5 * (1 + x / Math.hypot(x, 2));
    }
}
