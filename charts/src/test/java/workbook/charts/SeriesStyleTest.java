package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Paint;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Every activation and initializer wears its one colour and dash in every figure (renderers, not pixels). */
class SeriesStyleTest {
    /** Every figure's panels, built the way its {@code main} builds them. */
    static Map<String, Supplier<List<JFreeChart>>> figures() {
        return Map.ofEntries(
                Map.entry("fig01", () -> Fig01Activations.createChart(Fig01Activations.createDataset())),
                Map.entry("fig02", () -> Fig02Derivatives.createChart(Fig02Derivatives.createDataset())),
                Map.entry("fig03", () -> Fig03SmoothVersusKinked.createChart(Fig03SmoothVersusKinked.createDataset())),
                Map.entry("fig04", () -> Fig04ReluApproximation.createChart(Fig04ReluApproximation.createDataset())),
                Map.entry("fig05", () -> Fig05SoftmaxTemperature.createChart(Fig05SoftmaxTemperature.createDataset())),
                Map.entry("fig06", () -> Fig06SignalAcrossDepth.createChart(Fig06SignalAcrossDepth.createDataset())),
                Map.entry("fig07", () -> Fig07TanhHistograms.createChart(Fig07TanhHistograms.createDataset())),
                Map.entry("fig08", () -> Fig08GradientNorms.createChart(Fig08GradientNorms.createDataset())),
                Map.entry("fig09", () -> Fig09ZerosAndSaturation.createChart(Fig09ZerosAndSaturation.createDataset())),
                Map.entry("fig10", () -> Fig10VarianceCheck.createChart(Fig10VarianceCheck.createDataset())),
                Map.entry("fig11", () -> Fig11DeadUnits.createChart(Fig11DeadUnits.createDataset())),
                Map.entry("fig12", () -> Fig12DecisionRegions.createChart(Fig12DecisionRegions.createDataset())));
    }

    @Test
    void everyNamedSeriesWearsItsStyleInEveryFigure() {
        Set<SeriesStyle> seen = EnumSet.noneOf(SeriesStyle.class);
        figures().forEach((figure, charts) -> {
            for (JFreeChart chart : charts.get()) {
                for (XYPlot plot : plots(chart)) {
                    for (int d = 0; d < plot.getDatasetCount(); d++) {
                        XYDataset dataset = plot.getDataset(d);
                        XYItemRenderer renderer = plot.getRenderer(d);
                        if (dataset == null || renderer == null) {
                            continue;
                        }
                        for (int series = 0; series < dataset.getSeriesCount(); series++) {
                            int i = series;
                            Comparable<?> key = dataset.getSeriesKey(i);
                            SeriesStyle.of(key).ifPresent(style -> {
                                seen.add(style);
                                Paint paint = renderer.getSeriesPaint(i);
                                assertThat(paint).as("%s, series '%s': the colour of %s", figure, key, style)
                                        .isEqualTo(style.colour());
                                if (drawsLines(renderer, i)) {
                                    Stroke stroke = renderer.getSeriesStroke(i);
                                    assertThat(stroke).as("%s, series '%s': the dash of %s", figure, key, style)
                                            .isEqualTo(style.stroke());
                                }
                            });
                        }
                    }
                }
            }
        });
        // custom (Ex07's own design) races only in the MNIST lab (--activations ...,custom): LabFiguresTest sees it
        assertThat(seen).as("the figures draw every activation and initializer of the style table")
                .containsAll(EnumSet.complementOf(EnumSet.of(SeriesStyle.CUSTOM)));
    }

    @Test
    void keysResolveToTheLongestMatchingName() {
        assertThat(SeriesStyle.of("SELU")).contains(SeriesStyle.SELU);
        assertThat(SeriesStyle.of("ELU' (α = 1)")).contains(SeriesStyle.ELU);
        assertThat(SeriesStyle.of("σ'")).contains(SeriesStyle.SIGMOID);
        assertThat(SeriesStyle.of("He prediction 1")).contains(SeriesStyle.HE);
        assertThat(SeriesStyle.of("GELU, tanh approximation")).contains(SeriesStyle.GELU_TANH);
        assertThat(SeriesStyle.of("GELU, exact x Φ(x)")).contains(SeriesStyle.GELU);
        assertThat(SeriesStyle.of("healthy, z ~ N(0, 1)")).isEmpty();
        assertThat(SeriesStyle.of("Hello")).as("a name must end at a non-letter").isEmpty();
        assertThat(SeriesStyle.of("Tanh")).as("in any case (the MNIST lab's names)").contains(SeriesStyle.TANH);
        assertThat(SeriesStyle.of("Swish")).as("Swish with beta = 1 is SiLU").contains(SeriesStyle.SILU);
    }

    @Test
    void theReadmeStyleTableIsTheEnum() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        List<String> rows = readme.lines().dropWhile(line -> !line.equals("| Curve | Colour | Dash |")).skip(2)
                .takeWhile(line -> line.startsWith("| ")).toList();
        assertThat(rows).as("README.md's style table (| Curve | Colour | Dash |), row by row")
                .isEqualTo(java.util.Arrays.stream(SeriesStyle.values()).map(SeriesStyle::tableRow).toList());
    }

    @Test
    void noTwoStylesLookAlike() {
        Set<String> looks = new HashSet<>();
        for (SeriesStyle style : SeriesStyle.values()) {
            assertThat(looks.add(style.colour().getRGB() + "/" + style.dash()))
                    .as("%s has its own colour and dash", style).isTrue();
        }
    }

    /**
     * Within a figure, one look means one thing: two series with different names never share their colour and dash
     * (figure 3's gap and error, figure 5's p1 and entropy once did), and the shared legend lists each name once.
     */
    @Test
    void inEveryFigureOneLookMeansOneThingAndTheLegendNamesEachOnce() {
        List<String> problems = new ArrayList<>();
        figures().forEach((figure, charts) -> {
            Map<String, String> lookOfName = new java.util.HashMap<>();
            Map<String, String> nameOfLook = new java.util.HashMap<>();
            List<JFreeChart> panels = charts.get();
            for (JFreeChart chart : panels) {
                for (XYPlot plot : plots(chart)) {
                    for (int d = 0; d < plot.getDatasetCount(); d++) {
                        XYDataset dataset = plot.getDataset(d);
                        XYItemRenderer renderer = plot.getRenderer(d);
                        if (dataset == null || !(renderer instanceof XYLineAndShapeRenderer)) {
                            continue;
                        }
                        for (int i = 0; i < dataset.getSeriesCount(); i++) {
                            if (!renderer.isSeriesVisibleInLegend(i) || !drawsLines(renderer, i)) {
                                continue;
                            }
                            String name = String.valueOf(dataset.getSeriesKey(i));
                            String look = renderer.getSeriesPaint(i) + " " + strokeKey(renderer.getSeriesStroke(i));
                            String other = nameOfLook.putIfAbsent(look, name);
                            if (other != null && !other.equals(name)) {
                                problems.add(figure + ": '" + name + "' looks like '" + other + "'");
                            }
                            lookOfName.putIfAbsent(name, look);
                        }
                    }
                }
            }
            if (panels.size() > 1) {
                var legend = Charts.sharedLegend(panels);
                List<String> labels = new ArrayList<>();
                if (legend != null) {
                    var items = legend.getSources()[0].getLegendItems();
                    for (int i = 0; i < items.getItemCount(); i++) {
                        labels.add(items.get(i).getLabel());
                    }
                }
                Set<String> once = new HashSet<>();
                labels.stream().filter(l -> !once.add(l)).forEach(l -> problems.add(figure + ": legend repeats '" + l + "'"));
            }
        });
        assertThat(problems).isEmpty();
    }

    private static String strokeKey(Stroke stroke) {
        return stroke instanceof java.awt.BasicStroke b ? b.getLineWidth() + java.util.Arrays.toString(b.getDashArray())
                : String.valueOf(stroke);
    }

    private static List<XYPlot> plots(JFreeChart chart) {
        List<XYPlot> plots = new ArrayList<>();
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        } else {
            plots.add(chart.getXYPlot());
        }
        return plots;
    }

    private static boolean drawsLines(XYItemRenderer renderer, int series) {
        return renderer instanceof XYLineAndShapeRenderer lines && lines.getSeriesLinesVisible(series) != Boolean.FALSE
                && lines.getDefaultLinesVisible();
    }
}
