package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** Sampled curves: a step is drawn as two pieces, never with a vertical stroke; a smooth curve stays one piece. */
class SamplingTest {
    /** The largest change between two neighbouring finite points that no NaN separates. */
    private static double largestStroke(XYSeries series) {
        double largest = 0;
        for (int i = 1; i < series.getItemCount(); i++) {
            double a = series.getY(i - 1).doubleValue();
            double b = series.getY(i).doubleValue();
            if (Double.isFinite(a) && Double.isFinite(b)) {
                largest = Math.max(largest, Math.abs(b - a));
            }
        }
        return largest;
    }

    private static long gaps(XYSeries series) {
        return series.getItems().stream().filter(item -> Double.isNaN(((org.jfree.data.xy.XYDataItem) item).getYValue()))
                .count();
    }

    @Test
    void aStepIsDrawnWithoutAVerticalSegment() {
        XYSeries step = Sampling.sample("ReLU′", x -> x > 0 ? 1 : 0, -1, 1, 101);
        assertThat(gaps(step)).isEqualTo(1);
        // 101 points on [-1, 1] are 0.02 apart: a stroke from 0 to 1 would be the step drawn as a line
        assertThat(largestStroke(step)).isZero();
        double at = Double.NaN;
        for (int i = 0; i < step.getItemCount(); i++) {
            if (Double.isNaN(step.getY(i).doubleValue())) {
                at = step.getX(i).doubleValue();
            }
        }
        assertThat(at).as("the break is at the jump").isBetween(-1e-12, 1e-12);
    }

    @Test
    void aSmoothOrKinkedButContinuousCurveStaysOnePiece() {
        assertThat(gaps(Sampling.sample("σ", x -> 1 / (1 + Math.exp(-x)), -6, 6, 101))).isZero();
        assertThat(gaps(Sampling.sample("ReLU", x -> Math.max(x, 0), -1, 1, 101))).as("a kink is no jump").isZero();
        assertThat(gaps(Sampling.sample("steep", x -> Math.tanh(50 * x), -1, 1, 101))).as("steep is no jump").isZero();
    }
}
