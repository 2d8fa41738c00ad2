package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.grading.Check.Verdict;

/** The report protocol: what the test JVM writes, the grader reads back as the same value. */
class ReportLineTest {
    private static final ExerciseId EX03 = ExerciseId.parse("Ex03");

    @Test
    void everyKindOfLineSurvivesItsFormat() {
        Check check = new Check(EX03, "ex03.relu", "reluIsMax", "relu is max [x = -1.0]", Verdict.FAILED,
                "expected: 0\n but was:\t-1 \\ done", "x = -1.0\tdebug\nrelu: \\ -1");
        for (ReportLine line : List.of(new ReportLine.Title(EX03, "ReLU family · \"quoted\""),
                new ReportLine.Planned("[engine:junit-jupiter]/[class:X]/[method:reluIsMax(double)]", EX03,
                        "reluIsMax", "ex03.relu"),
                new ReportLine.Started("[id]\twith a tab", check), new ReportLine.Finished("[id]", check),
                new ReportLine.Failed("java.lang.OutOfMemoryError: Java heap space\nat X"),
                new ReportLine.Exiting(), new ReportLine.Completed())) {
            assertThat(line.format()).as(line.toString()).doesNotContain("\n");
            assertThat(ReportLine.parse(line.format())).isEqualTo(line);
        }
    }

    @Test
    void aLineOfAnotherProtocolIsRefusedWithTheRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportLine.parse("PASSED\tex03"))
                .withMessageStartingWith("line must start with T, P, S, F, X, E or END");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportLine.parse("T\tEx03"))
                .withMessage("line has 2 fields, needs 3");
    }

    @Test
    void anExerciseIdIsReadFromEachOfItsForms() {
        for (String form : List.of("Ex03", "ex03", "EX03", "ex03.relu", "Ex03ReluFamily", "Ex03ReluFamilyTest")) {
            assertThat(ExerciseId.parse(form)).as(form).isEqualTo(EX03);
        }
        assertThat(EX03.tag()).isEqualTo("ex03");
        assertThat(EX03).hasToString("Ex03");
        assertThat(ExerciseId.find("ex3")).isEmpty();
        assertThat(ExerciseId.find("theory")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> ExerciseId.parse("Ex00"))
                .withMessage("number must be between 1 and 99, got 0");
    }
}
