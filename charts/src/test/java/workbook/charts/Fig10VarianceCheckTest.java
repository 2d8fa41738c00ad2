package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.charts.SeriesChecks.matches;
import static workbook.charts.SeriesChecks.series;

import java.util.function.DoubleUnaryOperator;
import org.jfree.data.xy.XYSeries;
import java.util.List;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;

class Fig10VarianceCheckTest {
    private static final Fig10VarianceCheck.Dataset DATA = Fig10VarianceCheck.createDataset();
    private static final double M = Fig10VarianceCheck.FAN_OUT;
    private static final double B = Fig10VarianceCheck.BATCH;
    /** How many standard errors a measured variance may stray from its prediction. */
    private static final double K = 4;

    /**
     * The relative std error of the variance of z = a W over a B x m layer of fan-in n, to first order:
     * the weights' squared column norms ({@code 2 / (n m)} for normal weights, less for uniform), the batch's
     * second moment ({@code kurtosis / (B n)} with Var(a^2) / E[a^2]^2 = 2 for N(0, 1) and 5 for relu of it),
     * the cross terms ({@code 1 / (B m)}) and, for an input with a mean, the spread of the m column sums
     * ({@code 2 f^2 / m}, f = E[a]^2 / E[a^2] = 1/pi for relu of N(0, 1)).
     */
    private static double relativeStdError(double n, boolean reluInput) {
        double kurtosis = reluInput ? 5 : 2;
        double f = reluInput ? 1 / Math.PI : 0;
        return Math.sqrt(2 / (n * M) + kurtosis / (B * n) + 1 / (B * M) + 2 * f * f / M);
    }

    @Test
    void predictionLinesAreTheClosedForms() {
        matches(series(DATA.xavierPredicted(), "Xavier prediction"), n -> 2 * n / (n + M), 1e-12);
        matches(series(DATA.reluPredicted(), "He prediction"), n -> 1, 0);
        matches(series(DATA.reluPredicted(), "Xavier prediction"), n -> n / (n + M), 1e-12);
        SeriesChecks.spans(series(DATA.reluPredicted(), "He prediction"), 8, 1024);
    }

    @Test
    void linearLayersWithXavierWeightsHitTheXavierPrediction() {
        closeToPrediction(means(DATA.xavierMeasured(), "Xavier normal"), n -> 2 * n / (n + M), false);
        closeToPrediction(means(DATA.xavierMeasured(), "Xavier uniform"), n -> 2 * n / (n + M), false);
    }

    @Test
    void reluInputsWithHeWeightsKeepVarianceOneAndXavierHalvesIt() {
        closeToPrediction(means(DATA.reluMeasured(), "He normal"), n -> 1, true);
        closeToPrediction(means(DATA.reluMeasured(), "He uniform"), n -> 1, true);
        closeToPrediction(means(DATA.reluMeasured(), "Xavier normal"), n -> n / (n + M), true);
    }

    @Test
    void tanhOutputFollowsTanhOfTheGaussianAndStaysBelowTheLinearPrediction() {
        XYSeries tanh = means(DATA.xavierMeasured(), "tanh(z), Xavier normal");
        for (int i = 0; i < tanh.getItemCount(); i++) {
            double n = tanh.getX(i).doubleValue();
            double sigma = Math.sqrt(2 * n / (n + M));
            double expected = Gauss.expectation(z -> Math.tanh(z) * Math.tanh(z), sigma);
            double measured = tanh.getY(i).doubleValue();
            // tanh only shrinks: its relative spread is at most the linear layer's
            assertThat(measured).as("Var(tanh(z)) at n = %s", n)
                    .isCloseTo(expected, within(K * relativeStdError(n, false) * expected));
            assertThat(measured).as("tanh bends below the linear prediction at n = %s", n).isLessThan(sigma * sigma);
        }
    }

    @Test
    void everyMeasurementCarriesABandOfTwoStandardErrors() {
        for (var collection : List.of(DATA.xavierMeasured(), DATA.reluMeasured())) {
            for (int s = 0; s < collection.getSeriesCount(); s++) {
                for (int i = 0; i < collection.getItemCount(s); i++) {
                    double y = collection.getYValue(s, i);
                    assertThat(collection.getStartYValue(s, i)).as("lower end below the mean").isLessThan(y);
                    assertThat(collection.getEndYValue(s, i) - y).as("symmetric band")
                            .isCloseTo(y - collection.getStartYValue(s, i), within(1e-12 * y));
                    // 2 SE of a mean of 8 variances, each within 25 % (relativeStdError < 0.2 here): well inside 0.5 y
                    assertThat(collection.getEndYValue(s, i) - y).as("a band of 2 SE is a small share of the value")
                            .isLessThan(0.5 * y);
                }
            }
        }
    }

    /** The markers' centres (the means over the repeats) as a plain series. */
    private static XYSeries means(YIntervalSeriesCollection collection, String key) {
        int index = collection.indexOf(key);
        assertThat(index).as("a series called '%s'", key).isNotNegative();
        XYSeries means = new XYSeries(key, false, false);
        for (int i = 0; i < collection.getItemCount(index); i++) {
            // the fan-in itself, not where the marker is drawn (uniform markers sit a little to the right)
            means.add(collection.getXValue(index, i) / Fig10VarianceCheck.dodge(key), collection.getYValue(index, i));
        }
        return means;
    }

    private static void closeToPrediction(XYSeries measured, DoubleUnaryOperator prediction,
                               boolean reluInput) {
        assertThat(measured.getItemCount()).isEqualTo(Fig10VarianceCheck.FAN_INS.length);
        for (int i = 0; i < measured.getItemCount(); i++) {
            double n = measured.getX(i).doubleValue();
            double expected = prediction.applyAsDouble(n);
            assertThat(measured.getY(i).doubleValue()).as("'%s' at fan-in %s", measured.getKey(), n)
                    .isCloseTo(expected, within(K * relativeStdError(n, reluInput) * expected));
        }
    }

    @Test
    void theCaptionQuotesTheFiguresOwnSettings() {
        assertThat(FigureCaptions.of(10)).contains("one layer with " + Fig10VarianceCheck.FAN_OUT + " outputs",
                "the mean of " + Fig10VarianceCheck.REPEATS + " independent layers");
    }
}
