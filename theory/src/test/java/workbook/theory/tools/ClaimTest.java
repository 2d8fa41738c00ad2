package workbook.theory.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Claim: what 'holds' means")
class ClaimTest {

    @Test
    void holdsWithinTheToleranceOnBothSides() {
        assertThat(new Claim("c", 1, 1.5, 0.5).holds()).isTrue();
        assertThat(new Claim("c", 1, 0.5, 0.5).holds()).isTrue();
        assertThat(new Claim("c", 1, 1.5000001, 0.5).holds()).isFalse();
    }

    @Test
    void equalSpecialValuesHoldAndNaNNeverMatchesANumber() {
        assertThat(new Claim("overflow", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0).holds()).isTrue();
        assertThat(new Claim("nan", Double.NaN, Double.NaN, 0).holds()).isTrue();
        assertThat(new Claim("c", 1, Double.NaN, 1e300).holds()).isFalse();
        assertThat(new Claim("c", Double.POSITIVE_INFINITY, 1e308, 1e300).holds()).isFalse();
    }

    @Test
    void rangesIncludeTheirEndPoints() {
        assertThat(Claim.inRange("r", 0, 1e-20, 0).holds()).isTrue();
        assertThat(Claim.inRange("r", 0, 1e-20, 1e-20).holds()).isTrue();
        assertThat(Claim.inRange("r", 0.1, 0.3, 0.3).holds()).isTrue();
        assertThat(Claim.inRange("r", 0, 1e-20, 1.1e-20).holds()).isFalse();
        assertThat(Claim.inRange("r", 0, 1e-20, -1e-30).holds()).isFalse();
    }

    @Test
    void factoriesTranslateToAnAbsoluteTolerance() {
        assertThat(Claim.relative("r", -200, -201, 0.01).tolerance()).isEqualTo(2.0);
        assertThat(Claim.withinStandardErrors("mc", 0, 0.3, 0.1, 4).tolerance()).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Claim.isTrue("yes", true).holds()).isTrue();
        assertThat(Claim.isTrue("no", false).holds()).isFalse();
    }

    @Test
    void rejectsClaimsThatCannotFail() {
        assertThatThrownBy(() -> new Claim("c", 0, 0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Claim("c", 0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Claim(" ", 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Claim.inRange("r", 1, 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
