package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.Color;
import org.junit.jupiter.api.Test;

/** The ordered ramp: its five colours at its quarter points, linear between them, lighter as it goes. */
class OrderedColoursTest {
    @Test
    void theRampPassesThroughItsColoursAtItsQuarterPoints() {
        for (int i = 0; i < OrderedColours.ORDERED.size(); i++) {
            assertThat(OrderedColours.colour(i / 4.0)).isEqualTo(OrderedColours.ORDERED.get(i));
        }
    }

    @Test
    void betweenTwoColoursTheRampMixesThemEvenly() {
        Color a = OrderedColours.ORDERED.get(1), b = OrderedColours.ORDERED.get(2);
        Color mid = OrderedColours.colour(3 / 8.0);
        assertThat(mid.getGreen()).isEqualTo(Math.round((a.getGreen() + b.getGreen()) / 2f));
        assertThat(mid.getBlue()).isEqualTo(Math.round((a.getBlue() + b.getBlue()) / 2f));
    }

    @Test
    void sevenSeriesGetSevenColoursGrowingLighter() {
        double previous = -1;
        for (int i = 0; i < 7; i++) {
            Color c = OrderedColours.colour(i / 6.0);
            // relative luminance (Rec. 709 weights): viridis rises monotonically from dark to light
            double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertThat(luminance).as("colour %d of 7", i).isGreaterThan(previous);
            previous = luminance;
        }
    }

    @Test
    void aPositionOffTheRampIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderedColours.colour(1.5))
                .withMessageContaining("t must be in [0, 1]");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderedColours.colour(Double.NaN));
    }
}
