package workbook.theory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.special.Erf;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.LayerStats;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.engine.Network;
import workbook.theory.engine.Recorder;
import workbook.theory.engine.Scheme;
import workbook.theory.tools.Claim;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.NormalIntegrals;
import workbook.theory.tools.WriteUpReport;

/**
 * {@summary <span class="book-lede">Signal propagation across depth: a batch pushed through 50 layers of width 64
 * for three initializers and two activations, and the one-layer variance argument that predicts every number it
 * prints.</span>}{@writeup}
 *
 * <p>The experiment follows {@citet glorot2010} (tanh, naive against normalized weights) and {@citet he2015}
 * (ReLU); the one-layer argument is the mean-field view of {@citet poole2016}.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>The network, in the front page's convention (rows are samples): \( A_l = f(A_{l-1} W_l) \)
 *       for \( l = 1, \dots, 50 \), no biases, width \( n = 64 \), a
 *       batch of 64 rows \( A_0 = X \) with independent \( N(0, 1) \) entries. Every \( W_l \) is drawn afresh with
 *       independent \( N(0, v) \) entries: naive \( v = 1 \), Xavier \( v = 2/(n + n) = 1/n \), He
 *       \( v = 2/n \).</li>
 *   <li>\( f \) is ReLU or tanh. A tanh unit counts as saturated when \( |a| > 0.95 \), that is when
 *       \( |z| > \operatorname{artanh} 0.95 \approx 1.8318 \).</li>
 *   <li>All three initializers are run from the same seed, so they draw the same standard normal numbers and their
 *       weights differ only by the factor \( \sqrt{v} \).</li>
 * </ul>
 *
 * {@figure 6}
 * <p>Figures 6 and 9 run this experiment on wider networks (width 256 and 128) than the report below (width 64):
 * the regimes are the same, the numbers those of their width.
 *
 * <h2>Derivation</h2>
 * <p><b>One layer, exactly.</b> Fix everything up to layer \( l - 1 \). Column \( j \) of \( W_l \), the weights
 * \( w_j \) into unit \( j \), is fresh, so for a row \( a \) of \( A_{l-1} \) the pre-activation is exactly
 * {@eq pre-activation z_j = a\, w_j \sim N\left(0,\ v\lVert a \rVert^2\right),}
 * and the \( n \) units of the layer are independent given the past. That is the
 * variance argument of {@writeup 8 write-up 8} and {@writeup 10} without any
 * approximation, and it predicts the expected value of every
 * statistic of layer \( l \) from the rows of layer \( l - 1 \):
 * \[ E[\text{saturated}] = \frac{1}{R}\sum_{r} 2\left(1 - \Phi\!\left(\frac{1.8318}{\sqrt{v}\lVert a_r \rVert}
 *    \right)\right), \qquad
 *    E[\text{mean } \tanh'] = \frac{1}{R}\sum_{r} E\left[\tanh'\!\left(\sqrt{v}\lVert a_r \rVert\, \xi\right)
 *    \right], \]
 * with \( \xi \sim N(0, 1) \), and the same for the mean square \( E[\tanh^2] \).
 *
 * <p><b>ReLU: the zero fraction does not care about the scale.</b> \( z_j \) is symmetric about 0 whatever
 * \( v \) is, so every unit is zero with probability exactly \( \tfrac12 \), at every layer and for every
 * initializer; the mean local derivative is the fraction of units that are not zero, \( 1 - \) the zero
 * fraction. The scale goes entirely into the size of the signal: the mean square \( m_l \) of layer \( l \)
 * satisfies
 * {@eq relu-moment E[m_l] = \tfrac12 n v\, m_{l-1} ,}
 * a factor of 32 per layer for the naive weights
 * (\( n/2 \)), \( \tfrac12 \) for Xavier and 1 for He. After 50 layers the standard deviation has grown or shrunk
 * by about \( 32^{25} \approx 10^{37.6} \) (naive) and \( 2^{-25} \approx 3 \times 10^{-8} \) (Xavier), while He
 * keeps it of order 1. Since ReLU is positively homogeneous, \( \mathrm{ReLU}(cz) = c\,\mathrm{ReLU}(z) \) for
 * \( c > 0 \), weights scaled by \( c \) scale layer \( l \) by exactly \( c^l \): with the same draws, the naive
 * network is the Xavier network times \( 8^l \) and the He network is the Xavier network times \( 2^{l/2} \).
 *
 * <p><b>tanh: the scale decides the regime.</b> tanh is bounded, so nothing explodes; the weights' scale
 * decides where the pre-activations sit. Naive weights give pre-activations of standard deviation about
 * \( \sqrt{n E[a^2]} \approx 7.6 \): about 81 % of the units are saturated and the mean local derivative is about
 * 0.10, so every layer multiplies the backward signal by a small slope. Xavier weights start in the linear
 * regime, and since \( \tanh^2 z &lt; z^2 \) the variance shrinks slowly, roughly like \( 1/(2l) \): after 50
 * layers the activations have a standard deviation of about 0.1, nothing saturates and the mean local
 * derivative is close to 1, so the network is almost linear. He weights (\( nv = 2 \)) balance the two: the
 * variance settles where \( 2E[\tanh^2] \) returns it, a few percent of the units saturate and the mean slope
 * is about 0.7.
 *
 * <p><b>How closely a single network follows.</b> Per layer, a fraction is a mean over \( n \) units that are
 * independent given the past, each contributing a number in \( [0, 1] \) (its average over the rows) with
 * predicted mean \( p_l \); a number in \( [0, 1] \) with mean \( p \) has variance at most \( p(1 - p) \). The
 * deviations of successive layers from their predictions are uncorrelated (each has mean 0 given everything
 * before it), so their average over the \( L = 50 \) layers has a standard error of at most
 * \[ \frac{1}{L}\sqrt{\sum_{l=1}^{L} \frac{p_l (1 - p_l)}{n}}, \]
 * which is \( 1/(2\sqrt{nL}) \approx 0.0088 \) for the ReLU zero fraction (\( p_l = \tfrac12 \)). A whole
 * network is thus a Monte Carlo experiment with a known error bar.
 *
 * <p><b>A single network at depth 50.</b> For ReLU with Gaussian weights, each layer multiplies a row's mean
 * square by an independent random factor with mean \( \tfrac12 nv \) and relative variance \( 5/n \) ({@writeup 10}).
 * The logarithm of a product of 50 such factors spreads by about \( \sqrt{50 \cdot 5/64} \approx 2 \) (natural
 * log, so 0.4 decades for the standard deviation) and sits about half its variance below the logarithm of the
 * mean. A single network's standard deviation at layer 50 therefore lies within a decade or so of
 * \( (\tfrac12 nv)^{25} \); 2 decades is a safe margin.
 *
 * {@figure 9}
 *
 * <h2>Result</h2>
 * From {@eqref pre-activation} and {@eqref relu-moment}:
 * \[ \text{ReLU: } P(\mathrm{ReLU}(z) = 0) = \tfrac12 \text{ at every layer}, \qquad
 *    E[m_l] = \tfrac12 n v\, m_{l-1} \in \{32, \tfrac12, 1\} \cdot m_{l-1}. \]
 * tanh: naive weights saturate about 81 % of the units, Xavier weights fade towards a linear network, He weights
 * settle in between; in every case one layer's statistics are predicted exactly, in expectation, by the previous
 * layer's rows.
 *
 * <h2>What the checks verify</h2>
 * <p>Each network is run by {@link Ex10Propagation#forwardStats Ex10Propagation.forwardStats} with weights from
 * {@link Ex09Initialization}; the predictions are recomputed from the weights each layer received, remembered
 * by a recording initializer.
 * <ul>
 *   <li>ReLU: the zero fraction averaged over the 50 layers is \( \tfrac12 \) within 4 standard errors (bound above);
 *       it is identical at every layer for the three initializers; the mean local derivative is \( 1 - \) the zero
 *       fraction at every layer.</li>
 *   <li>ReLU: layer by layer, the naive standard deviation is exactly \( 8^l \) and the He one exactly \( 2^{l/2} \)
 *       times the Xavier one (to rounding).</li>
 *   <li>ReLU: the average over layers of \( m_l/m_{l-1} \) is \( \tfrac12 nv \) (32, 0.5, 1) within 4 standard errors
 *       (sample standard deviation of the 50 ratios over \( \sqrt{50} \)); at layer 50 the standard deviation is
 *       within 2 decades of \( (\tfrac12 nv)^{25} \): \( 10^{37.6} \), \( 10^{-7.5} \) and 1.</li>
 *   <li>tanh, each initializer: the saturated fraction and the mean local derivative, averaged over layers, equal the
 *       averaged predictions within 4 standard errors (the bound above); the mean square divided by its prediction
 *       averages to 1 within 4 standard errors.</li>
 *   <li>tanh over layers 41 to 50 on average: naive has more than 70 % saturated units, Xavier none and a mean
 *       slope above 0.95, He between 0.5 % and 10 % saturated.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=signal-depth}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>Given the previous layer, each pre-activation is exactly normal {@eqref pre-activation}: one layer predicts
 *       the expected statistics of the next, with no approximation.</li>
 *   <li>ReLU zeroes half of the units at every scale, and multiplies the mean square by \( \tfrac12 n v \) per layer
 *       {@eqref relu-moment}: 32 for naive weights at width 64, \( \tfrac12 \) for Xavier, 1 for He.</li>
 *   <li>tanh with naive weights saturates about 81 % of its units; with Xavier weights it fades towards a linear
 *       network; He weights settle in between.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class SignalPropagation {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_011L;
    /** Monte Carlo tolerance in standard errors: a chance failure has probability about 6e-5 per check. */
    private static final double K = 4;
    private static final int ROWS = 64;
    private static final int WIDTH = 64;
    private static final int DEPTH = 50;
    /** |z| above artanh(0.95) gives |tanh z| above 0.95, the saturation threshold. */
    private static final double SATURATION_EDGE = 0.5 * Math.log((1 + 0.95) / (1 - 0.95));
    /** Decades a single network's log10 std at layer 50 may stray from the prediction (class comment). */
    private static final double DECADES = 2;
    private static final int[] SHOWN_LAYERS = {1, 2, 3, 5, 10, 20, 30, 40, 50};

    private SignalPropagation() {}

    /**
     * One network of the experiment and what the one-layer argument predicted for each of its layers.
     *
     * @param stats             the statistics {@link Ex10Propagation#forwardStats Ex10Propagation.forwardStats}
     * measured, layer 1 first
     * @param inputMeanSquare   the mean square of the input batch
     * @param saturated         predicted saturated fraction per layer (tanh only, else empty)
     * @param slope             predicted mean local derivative per layer (tanh only, else empty)
     * @param meanSquare        predicted mean square per layer (tanh only, else empty)
     */
    record Run(List<LayerStats> stats, double inputMeanSquare, double[] saturated, double[] slope,
               double[] meanSquare) {

        double std(int layer) {
            return stats.get(layer - 1).std();
        }

        double measuredMeanSquare(int layer) {
            LayerStats s = stats.get(layer - 1);
            return s.std() * s.std() + s.mean() * s.mean();
        }
    }

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        return checks(runs(Activations.RELU, seed), runs(Activations.TANH, seed));
    }

    private static Map<Scheme, Run> runs(Activation act, long seed) {
        Map<Scheme, Run> runs = new EnumMap<>(Scheme.class);
        for (Scheme scheme : Scheme.values()) {
            runs.put(scheme, run(scheme, act, seed));
        }
        return runs;
    }

    private static Run run(Scheme scheme, Activation act, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x0 = Matrices.gaussian(ROWS, WIDTH, random);
        Recorder recorder = new Recorder(scheme);
        List<LayerStats> stats = Ex10Propagation.forwardStats(x0, DEPTH, WIDTH, recorder, act, random);
        if (act != Activations.TANH) {
            return new Run(stats, Matrices.meanSquare(x0), new double[0], new double[0], new double[0]);
        }
        double[] saturated = new double[DEPTH];
        double[] slope = new double[DEPTH];
        double[] meanSquare = new double[DEPTH];
        Network.Pass pass = Network.fromWeights(recorder.weights(), act).forward(x0);
        for (int l = 0; l < DEPTH; l++) {
            double[][] a = pass.input(l);
            double v = scheme.variance(a[0].length, WIDTH);
            for (double[] row : a) {
                double norm = Matrices.squaredNorm(row);
                double std = Math.sqrt(v * norm); // z_j given this row is N(0, v ||a||^2)
                saturated[l] += Erf.erfc(SATURATION_EDGE / (std * Math.sqrt(2))) / ROWS; // 2 (1 - Phi(edge / std))
                slope[l] += NormalIntegrals.expectation(Ex02Tanh::tanhDerivative, std) / ROWS;
                meanSquare[l] += NormalIntegrals.expectation(z -> Math.pow(Ex02Tanh.tanh(z), 2), std) / ROWS;
            }
        }
        return new Run(stats, Matrices.meanSquare(x0), saturated, slope, meanSquare);
    }

    private static List<Claim> checks(Map<Scheme, Run> relu, Map<Scheme, Run> tanh) {
        List<Claim> checks = new ArrayList<>();
        reluZeros(checks, relu);
        reluScale(checks, relu);
        for (Scheme scheme : Scheme.values()) {
            tanhAgainstPrediction(checks, scheme, tanh.get(scheme));
        }
        Run naive = tanh.get(Scheme.NAIVE);
        Run xavier = tanh.get(Scheme.XAVIER);
        Run he = tanh.get(Scheme.HE);
        checks.add(Claim.inRange("tanh naive, layers 41-50: more than 70 % of the units are saturated", 0.7, 1,
                lastLayers(naive, LayerStats::saturatedFraction)));
        checks.add(new Claim("tanh Xavier, layers 41-50: no unit is saturated", 0,
                lastLayers(xavier, LayerStats::saturatedFraction), 0));
        checks.add(Claim.inRange("tanh Xavier, layers 41-50: the mean slope is above 0.95 (almost linear)", 0.95, 1,
                lastLayers(xavier, LayerStats::meanLocalDerivative)));
        checks.add(Claim.inRange("tanh He, layers 41-50: between 0.5 % and 10 % of the units are saturated", 0.005,
                0.1, lastLayers(he, LayerStats::saturatedFraction)));
        return checks;
    }

    /** The average of a statistic over the last 10 layers, where the regime has settled. */
    private static double lastLayers(Run run, ToDoubleFunction<LayerStats> statistic) {
        double sum = 0;
        for (LayerStats s : run.stats().subList(DEPTH - 10, DEPTH)) {
            sum += statistic.applyAsDouble(s) / 10;
        }
        return sum;
    }

    private static void reluZeros(List<Claim> checks, Map<Scheme, Run> relu) {
        Run he = relu.get(Scheme.HE);
        double zeros = 0;
        double slopeGap = 0;
        double schemeGap = 0;
        for (int l = 0; l < DEPTH; l++) {
            LayerStats s = he.stats().get(l);
            zeros += s.zeroFraction() / DEPTH;
            slopeGap = Math.max(slopeGap, Math.abs(s.meanLocalDerivative() - (1 - s.zeroFraction())));
            for (Run other : relu.values()) {
                schemeGap = Math.max(schemeGap, Math.abs(other.stats().get(l).zeroFraction() - s.zeroFraction()));
            }
        }
        checks.add(Claim.withinStandardErrors("ReLU: the zero fraction averaged over 50 layers is 1/2", 0.5, zeros,
                fractionStandardError(new double[] {0.5}), K));
        checks.add(new Claim("ReLU: the zero fraction is the same at every layer for naive, Xavier and He",
                0, schemeGap, 0));
        // both are sums of 4096 terms 0 or 1 divided by 4096: exact in binary
        checks.add(new Claim("ReLU: mean local derivative = 1 - zero fraction at every layer", 0, slopeGap, 0));
    }

    private static void reluScale(List<Claim> checks, Map<Scheme, Run> relu) {
        Run xavier = relu.get(Scheme.XAVIER);
        for (Scheme scheme : List.of(Scheme.NAIVE, Scheme.HE)) {
            Run run = relu.get(scheme);
            double c = Math.sqrt(scheme.variance(WIDTH, WIDTH) / Scheme.XAVIER.variance(WIDTH, WIDTH));
            double gap = 0;
            for (int l = 1; l <= DEPTH; l++) {
                double ratio = run.std(l) / xavier.std(l);
                gap = Math.max(gap, Math.abs(ratio / Math.pow(c, l) - 1));
            }
            // each layer adds a few roundings of relative size 1e-16 per entry; 50 layers stay far below 1e-12
            checks.add(new Claim("ReLU " + scheme.label() + ": std at layer l = " + WriteUpReport.format(c)
                    + "^l x the Xavier std, every layer (largest relative gap)", 0, gap, 1e-12));
        }
        for (Scheme scheme : Scheme.values()) {
            Run run = relu.get(scheme);
            double[] ratios = new double[DEPTH];
            double previous = run.inputMeanSquare();
            for (int l = 1; l <= DEPTH; l++) {
                ratios[l - 1] = run.measuredMeanSquare(l) / previous;
                previous = run.measuredMeanSquare(l);
            }
            // each ratio has conditional mean n v / 2 given the past, so the deviations are uncorrelated and the
            // standard error of their average is s / sqrt(50), s the sample standard deviation
            MonteCarlo.Estimate gain = MonteCarlo.estimate(ratios);
            double predicted = 0.5 * WIDTH * scheme.variance(WIDTH, WIDTH);
            checks.add(Claim.withinStandardErrors("ReLU " + scheme.label() + ": each layer multiplies the mean square "
                    + "by n v / 2 = " + WriteUpReport.format(predicted) + " (average of 50 ratios)", predicted,
                    gain.mean(), gain.standardError(), K));
        }
        for (Scheme scheme : Scheme.values()) {
            double predicted = 25 * Math.log10(0.5 * WIDTH * scheme.variance(WIDTH, WIDTH));
            checks.add(new Claim("ReLU " + scheme.label() + ", layer 50: log10 std = 25 log10(n v / 2) within "
                    + "2 decades", predicted, Math.log10(relu.get(scheme).std(DEPTH)), DECADES));
        }
    }

    /** The bound of the class comment: sqrt(sum_l p_l (1 - p_l) / n) / L; a single p stands for every layer. */
    private static double fractionStandardError(double[] predicted) {
        double sum = 0;
        for (int l = 0; l < DEPTH; l++) {
            double p = predicted[Math.min(l, predicted.length - 1)];
            sum += p * (1 - p) / WIDTH;
        }
        return Math.sqrt(sum) / DEPTH;
    }

    private static void tanhAgainstPrediction(List<Claim> checks, Scheme scheme, Run run) {
        double saturated = 0;
        double predictedSaturated = 0;
        double slope = 0;
        double predictedSlope = 0;
        double[] ratios = new double[DEPTH];
        for (int l = 0; l < DEPTH; l++) {
            LayerStats s = run.stats().get(l);
            saturated += s.saturatedFraction() / DEPTH;
            predictedSaturated += run.saturated()[l] / DEPTH;
            slope += s.meanLocalDerivative() / DEPTH;
            predictedSlope += run.slope()[l] / DEPTH;
            ratios[l] = run.measuredMeanSquare(l + 1) / run.meanSquare()[l];
        }
        checks.add(Claim.withinStandardErrors("tanh " + scheme.label() + ": saturated fraction averaged over layers = "
                + "the one-layer prediction", predictedSaturated, saturated, fractionStandardError(run.saturated()),
                K));
        checks.add(Claim.withinStandardErrors("tanh " + scheme.label() + ": mean tanh' averaged over layers = "
                + "the one-layer prediction", predictedSlope, slope, fractionStandardError(run.slope()), K));
        // measured / predicted has conditional mean 1 at every layer: standard error s / sqrt(50) as for ReLU
        MonteCarlo.Estimate ratio = MonteCarlo.estimate(ratios);
        checks.add(Claim.withinStandardErrors("tanh " + scheme.label() + ": mean square / its prediction averages "
                + "to 1 over layers", 1, ratio.mean(), ratio.standardError(), K));
    }

    /** Prints the lab report: the per-layer table for ReLU and for tanh, with the predictions, then every check. */
    public static void main(String[] args) {
        Map<Scheme, Run> relu = runs(Activations.RELU, SEED);
        Map<Scheme, Run> tanh = runs(Activations.TANH, SEED);
        double[][] reluRows = new double[SHOWN_LAYERS.length][];
        double[][] tanhRows = new double[SHOWN_LAYERS.length][];
        double[][] slopeRows = new double[SHOWN_LAYERS.length][];
        for (int i = 0; i < SHOWN_LAYERS.length; i++) {
            int l = SHOWN_LAYERS[i];
            reluRows[i] = new double[] {l, relu.get(Scheme.NAIVE).std(l), relu.get(Scheme.XAVIER).std(l),
                    relu.get(Scheme.HE).std(l), relu.get(Scheme.HE).stats().get(l - 1).zeroFraction()};
            tanhRows[i] = new double[7];
            slopeRows[i] = new double[7];
            tanhRows[i][0] = l;
            slopeRows[i][0] = l;
            for (Scheme scheme : Scheme.values()) {
                Run run = tanh.get(scheme);
                int k = scheme.ordinal();
                tanhRows[i][1 + k] = run.std(l);
                tanhRows[i][4 + k] = run.stats().get(l - 1).saturatedFraction();
                slopeRows[i][1 + 2 * k] = run.stats().get(l - 1).meanLocalDerivative();
                slopeRows[i][2 + 2 * k] = run.slope()[l - 1];
            }
        }
        WriteUps.of(SignalPropagation.class).report()
                .note("64 rows x width 64, depth 50, N(0, 1) input; the three initializers share one seed.")
                .table("ReLU: standard deviation of the activations, and the zero fraction (the same for all three)",
                        List.of("layer", "std naive", "std xavier", "std he", "zero frac"), reluRows)
                .table("tanh: standard deviation and saturated fraction (|a| > 0.95)",
                        List.of("layer", "std naive", "std xavier", "std he", "sat naive", "sat xavier", "sat he"),
                        tanhRows)
                .table("tanh: mean local derivative, measured and predicted from the previous layer",
                        List.of("layer", "naive", "predicted", "xavier", "predicted", "he", "predicted"), slopeRows)
                .checks(checks(relu, tanh))
                .print();
    }
}
