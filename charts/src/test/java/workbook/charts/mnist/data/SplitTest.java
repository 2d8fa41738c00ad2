package workbook.charts.mnist.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void keepsTheFirst9600ForTrainingAndTheLast2400ForValidation() {
        ImageSet all = Mnist.bundled().train();
        Split split = Split.of(all);
        assertThat(split.train().size()).isEqualTo(9_600);
        assertThat(split.validation().size()).isEqualTo(2_400);
        for (int k = 0; k < all.features(); k++) {
            assertThat(split.train().pixel(0, k)).as("training starts at image 0").isEqualTo(all.pixel(0, k));
            assertThat(split.train().pixel(9_599, k)).as("training ends at image 9599").isEqualTo(all.pixel(9_599, k));
            assertThat(split.validation().pixel(0, k)).as("validation starts at image 9600").isEqualTo(all.pixel(9_600, k));
            assertThat(split.validation().pixel(2_399, k)).as("validation ends at image 11999")
                    .isEqualTo(all.pixel(11_999, k));
        }
        for (int i = 0; i < 2_400; i++) {
            assertThat(split.validation().labels()[i]).as("validation label %s is label %s of the 12,000", i, 9_600 + i)
                    .isEqualTo(all.labels()[9_600 + i]);
        }
    }
}
