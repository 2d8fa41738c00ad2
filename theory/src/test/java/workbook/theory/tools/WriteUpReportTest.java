package workbook.theory.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WriteUpReport: what a lab report shows")
class WriteUpReportTest {
    private static final String HEADING = "== 1. A write-up  (write-up 'name'; exercises Ex01) ==";

    @Test
    @DisplayName("a lab report prints PASS and FAIL with observed and expected values")
    void reportShowsEveryClaim() {
        String report = WriteUpReport.headed(HEADING)
                .table("numbers", List.of("x", "y"), new double[][] {{1, 0.25}})
                .checks(List.of(new Claim("one holds", 1, 1, 0), new Claim("one fails", 1, 2, 0.25),
                        Claim.inRange("a range", 0, 1e-20, 0)))
                .render();
        assertThat(report).contains(HEADING, "PASS  one holds", "FAIL  one fails",
                "observed 2, expected 1 \u00b1 0.25", "expected in [0, 1e-20]", "2 of 3 checks hold.", "0.25");
    }

    @Test
    @DisplayName("a tight check shows |observed - expected| against its tolerance, not two equal-looking numbers")
    void tightChecksShowTheDifference() {
        String report = WriteUpReport.headed(HEADING)
                .checks(List.of(new Claim("tight", 1000.6875, 1000.6875 + 2.5e-13, 1e-12),
                        new Claim("too far", 1000.6875, 1000.6875 + 4e-12, 1e-12), Claim.isTrue("a fact", true)))
                .render();
        assertThat(report).contains("observed 1000.69, expected 1000.69: |observed - expected| = 2.",
                "e-13 \u2264 1e-12", "e-12 > 1e-12", "observed 1, expected 1 exactly");
    }

    @Test
    @DisplayName("every column of a report's table has one format")
    void tableColumnsHaveOneFormatEach() {
        String report = WriteUpReport.headed(HEADING)
                .table("numbers", List.of("count", "fraction", "tiny"),
                        new double[][] {{1, 0.5, 1e-9}, {20, 0.3647391, 3.2e-25}, {300, 1.25, 1}})
                .render();
        assertThat(report).as("integers plainly; one number of decimals; E notation for the whole column")
                .contains("1      0.5000   1.000e-09", "20      0.3647   3.200e-25", "300      1.2500   1.000e+00");
    }

    @Test
    @DisplayName("a report needs a heading")
    void rejectsABlankHeading() {
        assertThatThrownBy(() -> WriteUpReport.headed(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
