package workbook.theory.site;

import java.util.List;

/**
 * The one caption of each figure of the charts module's set, in plain Unicode text: the figure index page
 * ({@code workbook.charts.RenderAll}), the book's embedded figures ({@code {@figure N}}, {@link FigureTaglet}) and
 * the README's figure table all show these (the charts module's {@code FigureTableTest} keeps the README equal to
 * them). A number a caption quotes is the figure's own (the width where it matters); the figures' tests check them
 * on the figures' data. No caption holds a "|" (it would split the README's table row). Lives in theory because the book is built here and the charts module depends on theory.
 */
public final class FigureCaptions {
    private static final List<String> CAPTIONS = List.of(
            // 1
            "The activation functions: (a) sigmoid, tanh and softplus; (b) the ReLU family, where LeakyReLU, ELU and"
                    + " ReLU coincide for x > 0 (ReLU drawn on top) and SELU is 1.05 x there; (c) GELU, SiLU, Mish and"
                    + " hardswish; (d) their dips below zero, magnified (hardswish's is the deepest, −0.375 at"
                    + " x = −1.5).",
            // 2
            "(a) The derivatives of the activations; (b) σ′ and tanh′ on a log scale: both fall off exponentially away"
                    + " from 0 (saturation), tanh′ twice as fast.",
            // 3
            "(a) Softplus is a smooth ReLU, above it by at most log 2 (at x = 0); (b) the exact GELU x Φ(x) and its"
                    + " tanh form cover each other: the error curve below them stays under 5 × 10⁻⁴.",
            // 4
            "(a) One-hidden-layer ReLU nets approximating x² on [0, 1] beside the best straight line; (b) their"
                    + " errors: no line does better than 1/8, the best single unit misses by 1/18, and two units"
                    + " already stay within a tolerance of 0.04.",
            // 5
            "Softmax of the logits (2, 1, −1) divided by a temperature T: (a) the probabilities move from one-hot"
                    + " (T → 0) to uniform, 1/3 each (T large); (b) the entropy rises from 0 to ln 3.",
            // 6
            "Std of the activations across 50 layers of width 256 (log scale) for naive N(0, 1), Xavier and He"
                    + " weights: (a) with ReLU, He keeps the std flat (between 0.8 and 1.4), naive weights make it"
                    + " explode (to 5 × 10⁵² at layer 50) and Xavier makes it fade (to 3 × 10⁻⁸); (b) with tanh, naive"
                    + " weights saturate the units (std near 1), He settles near 0.55 and Xavier fades towards 0.1.",
            // 7
            "Densities of the activations of five tanh layers of width 256: (a) the standard init U(−1/√n, 1/√n)"
                    + " about halves the spread at every layer (std 0.46 to 0.05), piling the values up at 0; (b)"
                    + " Xavier's normalized init shrinks it far less (std 0.63 to 0.32): its weights keep the variance"
                    + " of the pre-activations, and only tanh's own contraction remains.",
            // 8
            "Weight-gradient norm ‖∂L/∂Wₗ‖ per layer (log scale), networks of width 128: (a) in a 50-layer ReLU net"
                    + " He keeps it between 0.1 and 0.5 at every layer, naive N(0, 1) weights blow it up to about 10⁴³"
                    + " and Xavier shrinks it to about 10⁻⁸; (b) in a 50-layer tanh net naive weights make it grow from"
                    + " about 0.04 at the last layer to 10¹⁷ at the first, while He and Xavier keep it between about"
                    + " 10⁻² and 1; (c) in a 10-layer net with He weights sigmoid's gradients vanish towards the input"
                    + " (10⁻⁶ at layer 1), ReLU's and GELU's do not.",
            // 9
            "Across 50 layers of width 128: (a) about half the ReLU outputs are zero whatever the weight scale (the"
                    + " three curves coincide); (b) naive N(0, 1) weights push almost 90 % of the tanh units into their"
                    + " flat tails (beyond ±0.95) at every layer, He 19 % at layer 1 and 1 to 4 % deeper, Xavier 7 % at"
                    + " layer 1 and none from layer 5 on; (c) so the mean slope tanh′(z) stays below 0.1 with naive weights and rises to"
                    + " about 0.7 with He and towards 1 with Xavier.",
            // 10
            "Monte Carlo variance of one layer with 128 outputs (markers: the mean of 8 independent layers, bars:"
                    + " ± 2 standard errors) against the rules (lines): (a) N(0, 1) input and Xavier weights follow"
                    + " 2n/(n + fan-out), and tanh's output falls below once tanh bends; (b) after a ReLU, He weights"
                    + " keep the variance at 1 at every fan-in, Xavier weights give n/(n + fan-out), about half.",
            // 11
            "How often each of 256 ReLU units fires over 1000 inputs: (a) in a healthy layer, z ~ N(0, 1), every unit"
                    + " fires about half the time, in a layer biased to N(−3, 0.5²) none ever does (all dead); (b) with"
                    + " a bias of its own per unit, bⱼ ~ N(−2, 1), the units left of the 1 % line, about a third, are"
                    + " dead.",
            // 12
            "Decision regions of the same tiny network (2 inputs, 10 hidden units) trained on two moons for 800"
                    + " steps, one panel per activation; the background is p(class 1), white on the boundary p = 0.5:"
                    + " ReLU cuts straight pieces, tanh and GELU bend smoothly, sigmoid is still on its near-linear"
                    + " plateau.");

    private FigureCaptions() {}

    /** How many figures the set has. */
    public static int count() {
        return CAPTIONS.size();
    }

    /** The caption of figure {@code number}, counted from 1. */
    public static String of(int number) {
        if (number < 1 || number > CAPTIONS.size()) {
            throw new IllegalArgumentException("figure numbers run from 1 to " + CAPTIONS.size() + ", got " + number);
        }
        return CAPTIONS.get(number - 1);
    }
}
