package workbook.theory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MatricesTest {

    @Test
    void multiplyVarianceAndMeanSquareAgreeWithHandComputedValues() {
        double[][] c = Matrices.multiply(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}});
        assertThat(c[0]).containsExactly(19, 22);
        assertThat(c[1]).containsExactly(43, 50);
        // entries 1, 2, 3, 4: mean 2.5, population variance 1.25, mean square 30 / 4
        assertThat(Matrices.variance(new double[][] {{1, 2}, {3, 4}})).isCloseTo(1.25, within(1e-15));
        assertThat(Matrices.meanSquare(new double[][] {{1, 2}, {3, 4}})).isEqualTo(7.5);
        assertThat(Matrices.transpose(new double[][] {{1, 2, 3}})[2]).containsExactly(3);
    }
}
