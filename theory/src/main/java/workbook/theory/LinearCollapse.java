package workbook.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import workbook.exercises.Ex04AffineCollapse;
import workbook.theory.tools.Claim;
import workbook.theory.tools.FiniteDifferences;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">Without a nonlinearity depth buys nothing; with ReLUs a single hidden layer
 * bends a line into any curve.</span>}{@writeup}
 *
 * <p>That one hidden layer of enough nonlinear units approximates any continuous function is the universal
 * approximation theorem ({@cite goodfellow2016}, section 6.4.1); this write-up builds the smallest case by hand.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>A network with one hidden layer, in the front page's convention (a sample is a row):
 *       \( g(x) = \sigma(x W_1 + b_1)\, W_2 + b_2 \), with \( W_1 \) input-by-hidden and \( W_2 \)
 *       hidden-by-output.</li>
 *   <li>The target is \( f(x) = x^2 \) on [0, 1] with scalar input and output, and the error is uniform:
 *       \( \sup_{x \in [0, 1]} |g(x) - x^2| \). The goal is an error of at most 0.04.</li>
 * </ul>
 *
 * {@figure 4}
 * <h2>Derivation</h2>
 * <p><b>Identity activations collapse.</b> With \( \sigma(x) = x \),
 * {@eq collapse (x W_1 + b_1) W_2 + b_2 = x\,(W_1 W_2) + (b_1 W_2 + b_2) = x M + c,}
 * one affine map, whatever the width; by induction, whatever the depth. For scalar input and output the network
 * is a straight line.
 *
 * <p><b>No line is within 1/8 of \( x^2 \).</b> Let \( e(x) = x^2 - (mx + q) \). A line has zero second
 * difference, so \( e(0) - 2e(\tfrac12) + e(1) = 0 - \tfrac12 + 1 = \tfrac12 \) for every \( m, q \). The left
 * side is at most \( 4 \max |e| \), hence \( \max |e| \ge \tfrac18 \). The line \( x - \tfrac18 \) attains it:
 * its error is \( +\tfrac18, -\tfrac18, +\tfrac18 \) at \( 0, \tfrac12, 1 \) (three alternating extremes, the
 * Chebyshev signature of a best approximation). So identity activations cannot reach 0.04.
 *
 * <p><b>k linear pieces reach \( 1/(8k^2) \), and no fewer pieces do better.</b> On a piece \( [a, b] \) of
 * width \( h \), the chord of \( x^2 \) lies above the parabola by \( (x - a)(b - x) \le h^2/4 \); lowering it by
 * \( h^2/8 \) balances the error at \( \pm h^2/8 \). The same second-difference argument on the piece,
 * \( e(a) - 2e(\tfrac{a+b}2) + e(b) = h^2/2 \), shows that no linear function does better on it. With k pieces
 * one of them is at least \( 1/k \) wide, so the best k-piece error is \( 1/(8k^2) \), reached by equal pieces:
 * 1/32 for two pieces. The polyline through the knots \( i/k \) is a sum of ramps,
 * \( \mathrm{ReLU}(x - i/k) \), one hidden unit per piece; that is the construction of Ex04.
 *
 * <p><b>One hidden ReLU cannot reach 0.04; its best is 1/18.</b> The unit \( w_2\,\mathrm{ReLU}(w_1 x + b_1) + b_2 \)
 * is either one line on [0, 1] (error at least 1/8) or has a kink at some \( t \in (0, 1) \) with a
 * <em>constant</em> piece on one side. If the constant piece is \( [0, t] \), where \( x^2 \) climbs by \( t^2 \),
 * the error there is at least \( t^2/2 \); the linear piece \( [t, 1] \) costs at least \( (1 - t)^2/8 \). The larger
 * of the two is smallest when \( t^2/2 = (1 - t)^2/8 \), at \( t = 1/3 \), where both are 1/18
 * (a constant piece on the right is worse: at least 1/10). The optimum is
 * \( \tfrac1{18} + \tfrac43\,\mathrm{ReLU}(x - \tfrac13) \), and \( \tfrac1{18} \approx 0.056 > 0.04 \).
 * Two units suffice: Ex04's two ramps give 1/32; spending the first piece as a flat one does even better,
 * {@eq two-relus \tfrac1{50} + \tfrac45\,\mathrm{ReLU}(x - \tfrac15) + \tfrac45\,\mathrm{ReLU}(x - \tfrac35)}
 * is within 1/50.
 *
 * <h2>Result</h2>
 * \[ \text{identity: } \min_{m, q} \max_{[0,1]} |x^2 - mx - q| = \tfrac18, \qquad
 *    \text{k pieces: } \tfrac1{8k^2}, \qquad \text{one ReLU: } \tfrac1{18}, \qquad
 *    \text{two ReLUs: } \le \tfrac1{32} \lt 0.04. \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>{@link Ex04AffineCollapse#collapse Ex04AffineCollapse.collapse} agrees with evaluating the two layers, on random shapes and inputs, and
 *       collapsing twice agrees with three layers.</li>
 *   <li>{@link Ex04AffineCollapse#minimaxLineForSquare Ex04AffineCollapse.minimaxLineForSquare} has error exactly 1/8 with the three alternating extremes,
 *       and no collapsed random identity-activation network does better.</li>
 *   <li>{@link Ex04AffineCollapse#reluApproximationOfSquare Ex04AffineCollapse.reluApproximationOfSquare} reaches exactly \( 1/(8k^2) \) with k units, within
 *       the tolerance asked, for 0.04 down to \( 10^{-4} \).</li>
 *   <li>The one-unit optimum has error 1/18, and 40 Nelder-Mead searches over all four parameters (Commons Math)
 *       find nothing better; the flat-start two-unit network has error 1/50.</li>
 * </ul>
 * Errors are computed exactly, not on a grid: on each linear piece the error \( x^2 - \ell(x) \) is convex, so
 * its extremes sit at the ends of the piece or at the vertex \( x = \ell'/2 \).
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=collapse}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>Stacked affine layers are one affine layer, \( xM + c \) {@eqref collapse}: without a nonlinearity depth
 *       buys nothing.</li>
 *   <li>The best line misses \( x^2 \) on \( [0, 1] \) by \( \tfrac18 \); \( k \) linear pieces miss it by
 *       \( 1/(8k^2) \).</li>
 *   <li>A hidden layer of ReLUs adds one kink per unit: two of them {@eqref two-relus} already bring the error
 *       below 0.04.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class LinearCollapse {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_003L;
    /** Rounding in a handful of products and sums of numbers below 10. */
    private static final double ROUNDING = 1e-12;
    private static final double[] TOLERANCES = {0.04, 0.01, 1e-3, 1e-4};
    private static final int SEARCHES = 40;

    private LinearCollapse() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        collapse(checks, random);
        bestLine(checks, random);
        reluNets(checks, random);
        return checks;
    }

    private static void collapse(List<Claim> checks, SplittableRandom random) {
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {4, 2, 6}};
        double largest = 0;
        for (int[] shape : shapes) {
            double[][] w1 = matrix(shape[1], shape[0], random);
            double[] b1 = vector(shape[1], random);
            double[][] w2 = matrix(shape[2], shape[1], random);
            double[] b2 = vector(shape[2], random);
            Ex04AffineCollapse.Affine affine = Ex04AffineCollapse.collapse(w1, b1, w2, b2);
            for (int trial = 0; trial < 20; trial++) {
                double[] x = vector(shape[0], random);
                double[] layered = add(multiply(w2, add(multiply(w1, x), b1)), b2);
                largest = Math.max(largest, FiniteDifferences.maxDifference(affine.apply(x), layered));
            }
        }
        checks.add(new Claim("W2 (W1 x + b1) + b2 = A x + c for random shapes and inputs", 0, largest, ROUNDING));

        double[][] w1 = matrix(4, 3, random);
        double[][] w2 = matrix(5, 4, random);
        double[][] w3 = matrix(2, 5, random);
        double[] b1 = vector(4, random);
        double[] b2 = vector(5, random);
        double[] b3 = vector(2, random);
        Ex04AffineCollapse.Affine first = Ex04AffineCollapse.collapse(w1, b1, w2, b2);
        Ex04AffineCollapse.Affine all = Ex04AffineCollapse.collapse(first.a(), first.c(), w3, b3);
        double[] x = vector(3, random);
        double[] layered = add(multiply(w3, add(multiply(w2, add(multiply(w1, x), b1)), b2)), b3);
        checks.add(new Claim("three affine layers collapse into one as well (depth buys nothing)", 0,
                FiniteDifferences.maxDifference(all.apply(x), layered), ROUNDING));
    }

    private static void bestLine(List<Claim> checks, SplittableRandom random) {
        Ex04AffineCollapse.Line line = Ex04AffineCollapse.minimaxLineForSquare();
        checks.add(new Claim("the best line's worst error on [0, 1] is 1/8", 0.125,
                lineError(line.slope(), line.intercept()), 1e-15));
        checks.add(new Claim("its error x^2 - line(x) is +1/8 at x = 0", 0.125, -line.evaluate(0), 1e-15));
        checks.add(new Claim("... -1/8 at x = 1/2", -0.125, 0.25 - line.evaluate(0.5), 1e-15));
        checks.add(new Claim("... and +1/8 at x = 1 (three alternating extremes)", 0.125, 1 - line.evaluate(1), 1e-15));
        double bestOfRandom = Double.POSITIVE_INFINITY;
        double secondDifference = 0;
        for (int trial = 0; trial < 2000; trial++) {
            Ex04AffineCollapse.Affine net = Ex04AffineCollapse.collapse(matrix(4, 1, random), vector(4, random),
                    matrix(1, 4, random), vector(1, random));
            double m = net.a()[0][0];
            double q = net.c()[0];
            bestOfRandom = Math.min(bestOfRandom, lineError(m, q));
            double e0 = -q;
            double eHalf = 0.25 - (0.5 * m + q);
            double e1 = 1 - (m + q);
            secondDifference = Math.max(secondDifference, Math.abs(e0 - 2 * eHalf + e1 - 0.5));
        }
        checks.add(new Claim("e(0) - 2 e(1/2) + e(1) = 1/2 for every collapsed identity network", 0,
                secondDifference, 1e-12));
        checks.add(Claim.inRange("no collapsed identity network (2000 random ones) comes within 1/8", 0.125, 100,
                bestOfRandom));
    }

    private static void reluNets(List<Claim> checks, SplittableRandom random) {
        for (double tolerance : TOLERANCES) {
            Ex04AffineCollapse.ReluNet net = Ex04AffineCollapse.reluApproximationOfSquare(tolerance);
            int k = net.hiddenUnits();
            double error = reluError(net.w1(), net.b1(), net.w2(), net.b2());
            checks.add(Claim.relative("Ex04 with tolerance " + WriteUpReport.format(tolerance) + ": " + k
                    + " units reach exactly 1/(8k^2)", 1 / (8.0 * k * k), error, 1e-9));
            checks.add(Claim.inRange("... which is within the tolerance " + WriteUpReport.format(tolerance), 0, tolerance,
                    error));
            checks.add(Claim.inRange("... with at most ceil(1/(2 sqrt(tol))) units", 1,
                    Math.ceil(1 / (2 * Math.sqrt(tolerance))), k));
        }
        double oneUnit = reluError(new double[] {1}, new double[] {-1.0 / 3}, new double[] {4.0 / 3}, 1.0 / 18);
        checks.add(new Claim("one ReLU: 1/18 + (4/3) ReLU(x - 1/3) has error 1/18 = 0.0556 > 0.04", 1.0 / 18, oneUnit,
                ROUNDING));
        // the searches settle on the optimum itself, so the lower end allows for rounding in the error
        checks.add(Claim.inRange("40 Nelder-Mead searches find no single ReLU unit better than 1/18", 1.0 / 18 - 1e-12,
                1.0 / 18 + 1e-6, bestSingleUnit(random)));
        double flatStart = reluError(new double[] {1, 1}, new double[] {-0.2, -0.6}, new double[] {0.8, 0.8}, 0.02);
        checks.add(new Claim("two ReLUs with a flat first piece have error 1/50", 0.02, flatStart, ROUNDING));
    }

    /** Minimises the exact error of one ReLU unit over (w1, b1, w2, b2) from random starts. */
    private static double bestSingleUnit(SplittableRandom random) {
        double best = Double.POSITIVE_INFINITY;
        for (int search = 0; search < SEARCHES; search++) {
            double[] start = {random.nextDouble(-1.5, 1.5), random.nextDouble(-1.5, 1.5), random.nextDouble(-1.5, 1.5),
                    random.nextDouble(-1.5, 1.5)};
            try {
                double value = new SimplexOptimizer(1e-13, 1e-15).optimize(new MaxEval(20_000),
                        new ObjectiveFunction(p -> reluError(new double[] {p[0]}, new double[] {p[1]},
                                new double[] {p[2]}, p[3])),
                        GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(4, 0.3)).getValue();
                best = Math.min(best, value);
            } catch (TooManyEvaluationsException e) {
                // a search that has not settled proves nothing either way; the others decide
            }
        }
        return best;
    }

    /** The exact worst error of a line against x^2 on [0, 1]: at an end or at the vertex x = slope / 2. */
    static double lineError(double slope, double intercept) {
        double vertex = Math.min(1, Math.max(0, slope / 2));
        double worst = 0;
        for (double x : new double[] {0, 1, vertex}) {
            worst = Math.max(worst, Math.abs(x * x - (slope * x + intercept)));
        }
        return worst;
    }

    /** The exact worst error against x^2 on [0, 1] of {@code sum_j w2[j] relu(w1[j] x + b1[j]) + b2}. */
    static double reluError(double[] w1, double[] b1, double[] w2, double b2) {
        double[] breaks = new double[w1.length + 2];
        int count = 0;
        breaks[count++] = 0;
        breaks[count++] = 1;
        for (int j = 0; j < w1.length; j++) {
            double kink = w1[j] == 0 ? -1 : -b1[j] / w1[j];
            if (kink > 0 && kink < 1) {
                breaks[count++] = kink;
            }
        }
        double[] knots = Arrays.copyOf(breaks, count);
        Arrays.sort(knots);
        double worst = 0;
        for (int piece = 0; piece + 1 < knots.length; piece++) {
            double a = knots[piece];
            double b = knots[piece + 1];
            double middle = (a + b) / 2;
            double slope = 0;
            for (int j = 0; j < w1.length; j++) {
                slope += w1[j] * middle + b1[j] > 0 ? w2[j] * w1[j] : 0;
            }
            double vertex = Math.min(b, Math.max(a, slope / 2));
            for (double x : new double[] {a, b, vertex}) {
                double net = b2;
                for (int j = 0; j < w1.length; j++) {
                    net += w2[j] * Math.max(0, w1[j] * x + b1[j]);
                }
                worst = Math.max(worst, Math.abs(x * x - net));
            }
        }
        return worst;
    }

    private static double[][] matrix(int rows, int columns, SplittableRandom random) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(columns, random);
        }
        return m;
    }

    private static double[] vector(int length, SplittableRandom random) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextDouble(-2, 2);
        }
        return v;
    }

    private static double[] multiply(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += m[i][j] * x[j];
            }
        }
        return y;
    }

    private static double[] add(double[] a, double[] b) {
        double[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    /** Prints the lab report: the best error for each kind of network, then every check. */
    public static void main(String[] args) {
        List<String> names = new ArrayList<>(List.of("identity activations (any width, any depth)",
                "one hidden ReLU", "two hidden ReLUs, two equal pieces (Ex04)", "two hidden ReLUs, flat first piece"));
        List<double[]> rows = new ArrayList<>(List.of(new double[] {0.125}, new double[] {1.0 / 18},
                new double[] {1.0 / 32}, new double[] {0.02}));
        for (double tolerance : TOLERANCES) {
            Ex04AffineCollapse.ReluNet net = Ex04AffineCollapse.reluApproximationOfSquare(tolerance);
            names.add("Ex04 for tolerance " + WriteUpReport.format(tolerance) + ": " + net.hiddenUnits() + " units");
            rows.add(new double[] {reluError(net.w1(), net.b1(), net.w2(), net.b2())});
        }
        WriteUps.of(LinearCollapse.class).report()
                .table("Best worst-case error against x^2 on [0, 1] (the goal: at most 0.04)",
                        List.of("network", "sup |g(x) - x^2|"), names, rows.toArray(double[][]::new))
                .checks(checks())
                .print();
    }
}
