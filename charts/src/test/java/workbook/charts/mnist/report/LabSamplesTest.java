package workbook.charts.mnist.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.data.Mnist;

class LabSamplesTest {
    @Test
    void picksThreeDistinctImagesOfEachSetWithTheirLabelsTheSameEveryTime() {
        Mnist mnist = Mnist.bundled();
        List<LabSamples.Sample> samples = LabSamples.createDataset(mnist);
        assertThat(samples).extracting(LabSamples.Sample::set)
                .containsExactly("training", "training", "training", "test", "test", "test");
        assertThat(samples.subList(0, 3)).extracting(LabSamples.Sample::index).doesNotHaveDuplicates()
                .allSatisfy(i -> assertThat(i).isBetween(0, 11_999));
        assertThat(samples.subList(3, 6)).extracting(LabSamples.Sample::index).doesNotHaveDuplicates()
                .allSatisfy(i -> assertThat(i).isBetween(0, 9_999));
        assertThat(LabSamples.createDataset(mnist)).as("fixed seed").extracting(LabSamples.Sample::index)
                .isEqualTo(samples.stream().map(LabSamples.Sample::index).toList());
        for (LabSamples.Sample sample : samples) {
            ImageSet set = sample.set().equals("training") ? mnist.train() : mnist.test();
            assertThat(sample.label()).isEqualTo(set.labels()[sample.index()]);
            // pixel (row 0, col 0) is drawn at the top left: x = 0, y = 27; pixel k at x = k % 28, y = 27 - k / 28
            for (int k = 0; k < 784; k += 97) {
                int item = k;
                assertThat(sample.grid().getXValue(0, item)).isEqualTo(k % 28);
                assertThat(sample.grid().getYValue(0, item)).isEqualTo(27 - k / 28);
                assertThat(sample.grid().getZValue(0, item)).isEqualTo(set.pixel(sample.index(), k));
            }
            assertThat(LabSamples.createChart(sample).getTitle().getText()).endsWith("label " + sample.label());
        }
    }
}
