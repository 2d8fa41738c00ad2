package workbook.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex08GatedUnits;
import workbook.theory.tools.Claim;

/**
 * {@summary <span class="book-lede">Gated units: GLU, GEGLU and SwiGLU multiply a content vector by a gate, and
 * back-propagation splits into two paths, one through the content and one through the gate.</span>}{@writeup}
 *
 * <p>Gated linear units come from {@citet dauphin2017}; GEGLU and SwiGLU from {@citet shazeer2020}.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>A gated unit computes, entry by entry, \( y = a \cdot g(b) \) from a content \( a \) and a gate input
 *       \( b \), usually two linear projections of the same vector. GLU uses \( g = \sigma \), GEGLU uses
 *       \( g = \mathrm{GELU} \) and SwiGLU uses \( g = \mathrm{SiLU} \), \( \mathrm{SiLU}(b) = b\,\sigma(b) \) (Ex08;
 *       SwiGLU and GEGLU are the feed-forward blocks of several large transformers).</li>
 *   <li>A loss \( \mathcal{L} \) sends back \( u = \partial\mathcal{L}/\partial y \), one entry per unit.</li>
 * </ul>
 *
 * <h2>Derivation</h2>
 * <p><b>Two paths.</b> \( y = a\,g(b) \) is a product, so the product rule splits the gradient:
 * {@eq two-paths \frac{\partial \mathcal{L}}{\partial a} = u\, g(b), \qquad
 *    \frac{\partial \mathcal{L}}{\partial b} = u\, a\, g'(b).}
 * The content receives the gate's value; the gate receives the content times the gate's slope. For the bilinear
 * gate \( y = a \cdot g \) (the gate taken as a variable in its own right) the two are symmetric:
 * \( \partial y/\partial a = g \) and \( \partial y/\partial g = a \), as in the small example
 * \( a = (2, -1) \), \( g = (0.25, 0.75) \), \( y = (0.5, -0.75) \).
 *
 * <p><b>GLU: a gate in (0, 1).</b> With \( g = \sigma \),
 * \[ \frac{\partial\mathcal{L}}{\partial a} = u\,\sigma(b), \qquad
 *    \frac{\partial\mathcal{L}}{\partial b} = u\,a\,\sigma(b)(1 - \sigma(b)) : \]
 * the first is never larger than \( u \), the second at most \( |ua|/4 \). A closed gate
 * (\( b \ll 0 \)) stops both paths. A wide-open gate (\( b \gg 0 \)) passes the
 * content's gradient unchanged, \( u\sigma(b) \to u \), but stops its own, because \( \sigma'(b) \to 0 \): an open
 * GLU gate no longer learns.
 *
 * <p><b>GEGLU and SwiGLU: gates that are not probabilities.</b> \( \mathrm{GELU}(b) \) and \( \mathrm{SiLU}(b) \)
 * grow without bound for large \( b \) and dip below 0 for negative \( b \), so the "gate" can amplify the content
 * or flip its sign. Their slopes tend to 1 for large \( b \), so an open gate keeps learning, unlike GLU's. The
 * dip of SiLU has a closed form:
 * \[ \mathrm{SiLU}'(x) = \sigma(x)\left(1 + x\sigma(-x)\right) = 0 \iff -x = 1 + e^{x}
 *    \iff w e^{w} = e^{-1} \quad \text{with } x = -1 - w , \]
 * so \( w \) is the Lambert function \( W(1/e) \approx 0.2785 \), the minimum sits at \( x^{*} = -1 - w \) and
 * {@eq silu-min \mathrm{SiLU}(x^{*}) = x^{*}\sigma(x^{*}) = x^{*} + 1 = -w \approx -0.2785 .}
 * GELU's dip, where
 * \( \Phi(x) + x\varphi(x) = 0 \), is about \( -0.170 \) at \( x \approx -0.752 \).
 *
 * <h2>Result</h2>
 * \[ \frac{\partial\mathcal{L}}{\partial a} = u\,g(b), \qquad \frac{\partial\mathcal{L}}{\partial b} = u\,a\,g'(b),
 *    \qquad |u\,a\,\sigma'(b)| \le \frac{|ua|}{4}, \qquad \min \mathrm{SiLU} = -W(1/e) \approx -0.2785. \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>{@link Ex08GatedUnits#glu(double[], double[]) Ex08GatedUnits.glu} on \( a = (1, -2, 3) \),
 *       \( b = (-2, 0, 2) \) equals \( a(1 + \tanh(b/2))/2 \) computed with {@code Math.tanh}; the one-argument
 *       {@link Ex08GatedUnits#glu(double[]) Ex08GatedUnits.glu} splits \( [a \mid b] \) the same way;
 *       {@link Ex08GatedUnits#geglu Ex08GatedUnits.geglu} and {@link Ex08GatedUnits#swiglu Ex08GatedUnits.swiglu}
 *       equal \( a\,b\,\Phi(b) \) (Commons Math's normal distribution) and \( a\,b/(1 + e^{-b}) \).</li>
 *   <li>{@link Ex08GatedUnits#gluBackward Ex08GatedUnits.gluBackward} equals central differences of \( \sum u\,y \)
 *       in both arguments on random inputs; \( |dB| \le |u a|/4 \); the closed gate stops both paths, the open gate
 *       only its own; with \( b = \operatorname{logit}(0.25, 0.75) \) it reproduces the bilinear example
 *       (\( dB/(g(1-g)) = a \)).</li>
 *   <li>Central differences of GEGLU and SwiGLU in \( b \) equal \( a \) times
 *       {@link Ex07SmoothActivations#geluDerivative Ex07SmoothActivations.geluDerivative} and
 *       {@link Ex07SmoothActivations#swishDerivative Ex07SmoothActivations.swishDerivative}; at \( b = 30 \) SwiGLU's
 *       gate gradient is still \( a \), where GLU's is 0.</li>
 *   <li>With \( w \) from Brent's method on \( w e^w = 1/e \) (Commons Math), \( \mathrm{SiLU}'(-1 - w) = 0 \) and
 *       \( \mathrm{SiLU}(-1 - w) = -w \); with Brent on \( \Phi(x) + x\varphi(x) = 0 \), GELU's minimum is about
 *       -0.170.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=gated-units}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>A gated unit \( a\,g(b) \) sends its gradient down two paths {@eqref two-paths}: to the content, scaled by
 *       the gate, and to the gate, scaled by the content and the gate's slope.</li>
 *   <li>A sigmoid gate (GLU) passes at most a quarter of \( |ua| \) to the gate, and an open GLU gate stops learning;
 *       GELU and SiLU gates keep a slope near 1 when open.</li>
 *   <li>SiLU, the gate of SwiGLU, dips to \( -W(1/e) \approx -0.2785 \) {@eqref silu-min}, where its slope
 *       vanishes.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class GatedUnits {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_014L;
    private static final double[] A = {1, -2, 3};
    private static final double[] B = {-2, 0, 2};
    private static final int N = 16;
    /** Central differences with h = 1e-5: error h^2 |y'''| / 6 + 1e-16 |y| / h, about 1e-10 here. */
    private static final double H = 1e-5;
    private static final double FD_TOLERANCE = 1e-8;

    private GatedUnits() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        forward(checks);
        gluPaths(checks, random);
        smoothGates(checks, random);
        dips(checks);
        return checks;
    }

    private static void forward(List<Claim> checks) {
        NormalDistribution normal = new NormalDistribution(0, 1);
        double[] glu = Ex08GatedUnits.glu(A, B);
        double[] geglu = Ex08GatedUnits.geglu(A, B);
        double[] swiglu = Ex08GatedUnits.swiglu(A, B);
        double gluGap = 0;
        double gegluGap = 0;
        double swigluGap = 0;
        for (int i = 0; i < A.length; i++) {
            gluGap = Math.max(gluGap, Math.abs(glu[i] - A[i] * (1 + Math.tanh(B[i] / 2)) / 2));
            gegluGap = Math.max(gegluGap, Math.abs(geglu[i] - A[i] * B[i] * normal.cumulativeProbability(B[i])));
            swigluGap = Math.max(swigluGap, Math.abs(swiglu[i] - A[i] * B[i] / (1 + Math.exp(-B[i]))));
        }
        // the values are at most 6 in size; two formulas for the same double differ by a few ulps (1e-15)
        checks.add(new Claim("GLU(a, b) = a (1 + tanh(b/2)) / 2 for a = (1, -2, 3), b = (-2, 0, 2)", 0, gluGap, 1e-14));
        checks.add(new Claim("GEGLU(a, b) = a b Phi(b) (Commons Math's normal distribution)", 0, gegluGap, 1e-14));
        checks.add(new Claim("SwiGLU(a, b) = a b / (1 + e^-b)", 0, swigluGap, 1e-14));
        double[] joined = {A[0], A[1], A[2], B[0], B[1], B[2]};
        double[] split = Ex08GatedUnits.glu(joined);
        double splitGap = 0;
        for (int i = 0; i < A.length; i++) {
            splitGap = Math.max(splitGap, Math.abs(split[i] - glu[i]));
        }
        checks.add(new Claim("glu([a | b]) = glu(a, b): the first half is the content, the second the gate", 0,
                splitGap, 0));
    }

    private static void gluPaths(List<Claim> checks, SplittableRandom random) {
        double[] a = normals(random, 2);
        double[] b = normals(random, 2);
        double[] u = normals(random, 1);
        Ex08GatedUnits.GateGradients grads = Ex08GatedUnits.gluBackward(a, b, u);
        double worst = 0;
        double largestGateShare = 0;
        for (int i = 0; i < N; i++) {
            double dA = partial(Ex08GatedUnits::glu, a, b, u, i, true);
            double dB = partial(Ex08GatedUnits::glu, a, b, u, i, false);
            worst = Math.max(worst, Math.max(Math.abs(grads.dA()[i] - dA), Math.abs(grads.dB()[i] - dB)));
            largestGateShare = Math.max(largestGateShare, Math.abs(grads.dB()[i] / (u[i] * a[i])));
        }
        checks.add(new Claim("gluBackward = central differences of sum u y, in a and in b (16 random units)", 0,
                worst, FD_TOLERANCE));
        checks.add(Claim.inRange("the gate's path is at most |u a| / 4 (sigma' <= 1/4)", 0, 0.25, largestGateShare));
        double[] one = {1};
        double[] content = {1.5};
        Ex08GatedUnits.GateGradients closed = Ex08GatedUnits.gluBackward(content, new double[] {-30}, one);
        Ex08GatedUnits.GateGradients open = Ex08GatedUnits.gluBackward(content, new double[] {30}, one);
        // sigma(-30) = 9.4e-14 and sigma'(+-30) = 9.4e-14: both "closed" values are below 1e-12
        checks.add(Claim.inRange("closed gate (b = -30): the content's gradient is below 1e-12", 0, 1e-12,
                Math.abs(closed.dA()[0])));
        checks.add(Claim.inRange("closed gate (b = -30): the gate's gradient is below 1e-12", 0, 1e-12,
                Math.abs(closed.dB()[0])));
        checks.add(Claim.relative("open gate (b = 30): the content's gradient passes, dA = u", 1, open.dA()[0], 1e-12));
        checks.add(Claim.inRange("open gate (b = 30): the gate's own gradient is below 1e-12", 0, 1e-12,
                Math.abs(open.dB()[0])));
        double[] gate = {0.25, 0.75};
        double[] logits = {Math.log(gate[0] / (1 - gate[0])), Math.log(gate[1] / (1 - gate[1]))};
        double[] bilinear = {2, -1};
        double[] y = Ex08GatedUnits.glu(bilinear, logits);
        Ex08GatedUnits.GateGradients g = Ex08GatedUnits.gluBackward(bilinear, logits, new double[] {1, 1});
        double gap = 0;
        for (int i = 0; i < 2; i++) {
            gap = Math.max(gap, Math.abs(g.dA()[i] - gate[i]));
            gap = Math.max(gap, Math.abs(g.dB()[i] / (gate[i] * (1 - gate[i])) - bilinear[i]));
        }
        checks.add(new Claim("bilinear gate a = (2, -1), g = (0.25, 0.75): y = (0.5, -0.75)", 0,
                Math.max(Math.abs(y[0] - 0.5), Math.abs(y[1] + 0.75)), 1e-15));
        checks.add(new Claim("... dy/da = g and dy/dg = dB / (g (1 - g)) = a", 0, gap, 1e-14));
    }

    private static void smoothGates(List<Claim> checks, SplittableRandom random) {
        double[] a = normals(random, 2);
        double[] b = normals(random, 2);
        double[] u = new double[N];
        Arrays.fill(u, 1);
        double geglu = 0;
        double swiglu = 0;
        for (int i = 0; i < N; i++) {
            geglu = Math.max(geglu, Math.abs(partial(Ex08GatedUnits::geglu, a, b, u, i, false)
                    - a[i] * Ex07SmoothActivations.geluDerivative(b[i])));
            swiglu = Math.max(swiglu, Math.abs(partial(Ex08GatedUnits::swiglu, a, b, u, i, false)
                    - a[i] * Ex07SmoothActivations.swishDerivative(b[i], 1)));
        }
        checks.add(new Claim("GEGLU: d y / d b = a GELU'(b) by central differences (16 random units)", 0, geglu,
                FD_TOLERANCE));
        checks.add(new Claim("SwiGLU: d y / d b = a SiLU'(b) by central differences (16 random units)", 0, swiglu,
                FD_TOLERANCE));
        double[] content = {1.5};
        double[] wideOpen = {30};
        // SiLU'(30) = sigma(30) (1 + 30 sigma(-30)) = 1 + 2.7e-12: the open SwiGLU gate still passes a's size
        checks.add(Claim.relative("open SwiGLU gate (b = 30): d y / d b = a, the gate keeps learning", 1.5,
                partial(Ex08GatedUnits::swiglu, content, wideOpen, new double[] {1}, 0, false), 1e-8));
    }

    private static void dips(List<Claim> checks) {
        BrentSolver brent = new BrentSolver(1e-15, 1e-15);
        double w = brent.solve(100, v -> v * Math.exp(v) - Math.exp(-1), 0, 1);
        double x = -1 - w;
        checks.add(new Claim("SiLU'(-1 - W(1/e)) = 0: the dip is at x* = -1.2785", 0,
                Ex07SmoothActivations.swishDerivative(x, 1), 1e-14));
        checks.add(Claim.relative("SiLU(x*) = -W(1/e) = -0.2785, its lowest value", -w, Ex07SmoothActivations.silu(x),
                1e-13));
        NormalDistribution normal = new NormalDistribution(0, 1);
        double xg = brent.solve(100, v -> normal.cumulativeProbability(v) + v * normal.density(v), -2, 0);
        checks.add(Claim.inRange("GELU's lowest value, at the root of Phi(x) + x phi(x) (Brent), is about -0.170",
                -0.1705, -0.1695, Ex07SmoothActivations.gelu(xg)));
    }

    /** Central difference of sum_k u_k y_k with respect to a_i (content) or b_i (gate). */
    private static double partial(BinaryOperator<double[]> unit, double[] a, double[] b, double[] u, int i,
                                  boolean content) {
        double[] x = (content ? a : b).clone();
        double saved = x[i];
        x[i] = saved + H;
        double up = dot(u, content ? unit.apply(x, b) : unit.apply(a, x));
        x[i] = saved - H;
        double down = dot(u, content ? unit.apply(x, b) : unit.apply(a, x));
        return (up - down) / (2 * H);
    }

    private static double dot(double[] u, double[] y) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * y[i];
        }
        return sum;
    }

    private static double[] normals(SplittableRandom random, double std) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = std * random.nextGaussian();
        }
        return x;
    }

    /** Prints the lab report: a small example through the three units and both paths, then every check. */
    public static void main(String[] args) {
        double[] glu = Ex08GatedUnits.glu(A, B);
        double[] geglu = Ex08GatedUnits.geglu(A, B);
        double[] swiglu = Ex08GatedUnits.swiglu(A, B);
        Ex08GatedUnits.GateGradients grads = Ex08GatedUnits.gluBackward(A, B, new double[] {1, 1, 1});
        double[][] rows = new double[A.length][];
        for (int i = 0; i < A.length; i++) {
            rows[i] = new double[] {A[i], B[i], glu[i], geglu[i], swiglu[i], grads.dA()[i], grads.dB()[i]};
        }
        WriteUps.of(GatedUnits.class).report()
                .table("A small example; GLU's two gradient paths for u = 1",
                        List.of("a", "b", "GLU", "GEGLU", "SwiGLU", "dA = sig(b)", "dB = a sig'(b)"), rows)
                .checks(checks())
                .print();
    }
}
