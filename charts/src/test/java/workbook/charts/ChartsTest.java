package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @Test
    void sampleIncludesBothEndsAndEvaluatesTheFunction() {
        XYSeries s = Sampling.sample("square", x -> x * x, -1, 2, 31);
        assertThat(s.getMinX()).isEqualTo(-1);
        assertThat(s.getMaxX()).isEqualTo(2);
        for (int i = 0; i < s.getItemCount(); i++) {
            double x = s.getX(i).doubleValue();
            assertThat(s.getY(i).doubleValue()).as("y at x = %s", x).isEqualTo(x * x);
        }
    }

    @Test
    void outputFolderComesFromTheFirstArgument(@TempDir Path dir) {
        assertThat(Charts.output(new String[] {dir.toString()}, "a.png")).isEqualTo(dir.resolve("a.png"));
    }

    @Test
    void savingTheSameChartTwiceGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("sub/first.png");
        Path second = dir.resolve("second.png");
        Charts.save(first, 2, List.of(chart(), chart()));
        Charts.save(second, 2, List.of(chart(), chart()));
        assertThat(Files.readAllBytes(first)).as("a figure must be deterministic")
                .isEqualTo(Files.readAllBytes(second));
    }

    private static JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection(Sampling.sample("sine", Math::sin, 0, 6, 61));
        data.addSeries(Sampling.sample("cosine", Math::cos, 0, 6, 61));
        return Charts.lineChart("title", "x", "y", data);
    }
}
