package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class Fig05SoftmaxTemperatureTest {
    /** Probabilities and entropies near 1: a few ulps, far below this. */
    private static final double TOL = 1e-12;
    private static final double[] Z = Fig05SoftmaxTemperature.LOGITS;

    private final Fig05SoftmaxTemperature.Dataset data = Fig05SoftmaxTemperature.createDataset();

    /** softmax(z / t)_i, computed here with the max subtracted (safe for these logits and temperatures). */
    private static double p(int i, double t) {
        double sum = 0;
        for (double zj : Z) {
            sum += Math.exp((zj - Z[0]) / t);
        }
        return Math.exp((Z[i] - Z[0]) / t) / sum;
    }

    @Test
    void probabilitiesMatchAnIndependentSoftmaxAndSumToOne() {
        XYSeries first = data.probabilities().getSeries(0);
        for (int j = 0; j < first.getItemCount(); j++) {
            double t = first.getX(j).doubleValue();
            double sum = 0;
            for (int i = 0; i < Z.length; i++) {
                double pi = data.probabilities().getSeries(i).getY(j).doubleValue();
                assertThat(pi).as("p%d at T = %s", i + 1, t).isCloseTo(p(i, t), within(TOL));
                sum += pi;
            }
            assertThat(sum).as("probabilities at T = %s", t).isCloseTo(1, within(TOL));
        }
    }

    @Test
    void lowTemperatureIsNearlyOneHotAndHighTemperatureNearlyUniform() {
        XYSeries top = data.probabilities().getSeries(0);
        assertThat(top.getX(0).doubleValue()).isEqualTo(Fig05SoftmaxTemperature.T_MIN);
        assertThat(top.getY(0).doubleValue()).as("T -> 0 picks the largest logit").isGreaterThan(0.999);
        for (int i = 0; i < Z.length; i++) {
            XYSeries s = data.probabilities().getSeries(i);
            assertThat(s.getY(s.getItemCount() - 1).doubleValue()).as("p%d at the largest T", i + 1)
                    .isCloseTo(1.0 / 3, within(0.03));
        }
    }

    @Test
    void entropyRisesWithTemperatureFromZeroTowardsLnThree() {
        XYSeries h = data.entropy().getSeries(0);
        for (int j = 0; j < h.getItemCount(); j++) {
            double t = h.getX(j).doubleValue();
            double expected = 0;
            for (int i = 0; i < Z.length; i++) {
                expected -= p(i, t) > 0 ? p(i, t) * Math.log(p(i, t)) : 0;
            }
            assertThat(h.getY(j).doubleValue()).as("H at T = %s", t).isCloseTo(expected, within(1e-9));
            if (j > 0) {
                assertThat(h.getY(j).doubleValue()).as("H grows with T")
                        .isGreaterThanOrEqualTo(h.getY(j - 1).doubleValue());
            }
        }
        assertThat(h.getMinY()).isBetween(0.0, 0.01);
        assertThat(h.getMaxY()).isBetween(Math.log(3) - 0.01, Math.log(3));
    }
}
