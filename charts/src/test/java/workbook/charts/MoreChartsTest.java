package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class MoreChartsTest {
    @Test
    void histogramCountsValuesPerBinAndLeavesOutsidersOut() {
        double[] values = {0.05, 0.15, 0.15, 0.95, 1.0, -0.1, 1.2};
        XYSeries counts = MoreCharts.histogram("c", values, 0, 1, 10, false);
        assertThat(counts.getItemCount()).isEqualTo(10);
        assertThat(counts.getX(0).doubleValue()).isCloseTo(0.05, within(1e-12));
        assertThat(counts.getY(0).doubleValue()).isEqualTo(1);
        assertThat(counts.getY(1).doubleValue()).isEqualTo(2);
        assertThat(counts.getY(9).doubleValue()).as("0.95 and the right end 1.0").isEqualTo(2);
    }

    @Test
    void densityIntegratesToTheShareInsideTheRange() {
        double[] values = {0.05, 0.15, 0.15, 0.95, 2};
        XYSeries density = MoreCharts.histogram("d", values, 0, 1, 10, true);
        double area = 0;
        for (int i = 0; i < density.getItemCount(); i++) {
            area += density.getY(i).doubleValue() * 0.1;
        }
        assertThat(area).isCloseTo(4.0 / 5, within(1e-12));
    }

    @Test
    void flattenKeepsRowOrder() {
        assertThat(MoreCharts.flatten(new double[][] {{1, 2}, {3, 4}})).containsExactly(1, 2, 3, 4);
    }

    @Test
    void divergingScaleIsWhiteAtOneHalf() {
        assertThat(MoreCharts.divergingUnitScale().getPaint(0.5)).isEqualTo(Color.WHITE);
    }
}
