package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import org.jfree.data.statistics.HistogramDataset;
import org.junit.jupiter.api.Test;

/** The histogram and heat-map helpers: JFreeChart's datasets used the way the figures rely on. */
class HistogramsTest {
    @Test
    void countsPerBinWithTheRightEndInTheLastBin() {
        HistogramDataset counts = Histograms.counts();
        counts.addSeries("c", new double[] {0.05, 0.15, 0.15, 0.95, 1.0}, 10, 0, 1);
        assertThat(counts.getItemCount(0)).isEqualTo(10);
        assertThat(counts.getXValue(0, 0)).as("x is the bin centre").isCloseTo(0.05, within(1e-12));
        assertThat(counts.getYValue(0, 0)).isEqualTo(1);
        assertThat(counts.getYValue(0, 1)).isEqualTo(2);
        assertThat(counts.getYValue(0, 9)).as("0.95 and the right end 1.0").isEqualTo(2);
    }

    @Test
    void densitiesHaveAreaOne() {
        HistogramDataset density = Histograms.densities();
        density.addSeries("d", new double[] {0.05, 0.15, 0.15, 0.95, 0.5}, 10, 0, 1);
        double area = 0;
        for (int i = 0; i < density.getItemCount(0); i++) {
            area += density.getYValue(0, i) * 0.1;
        }
        assertThat(area).isCloseTo(1, within(1e-12));
    }

    @Test
    void flattenKeepsRowOrder() {
        assertThat(Histograms.flatten(new double[][] {{1, 2}, {3, 4}})).containsExactly(1, 2, 3, 4);
    }

    @Test
    void divergingScaleIsWhiteAtOneHalf() {
        assertThat(HeatMaps.divergingUnitScale().getPaint(0.5)).isEqualTo(Color.WHITE);
    }
}
