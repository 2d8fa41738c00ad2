package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import workbook.grading.Check.Verdict;

/** Small grades built by hand for the grader's tests. */
final class Grades {
    private Grades() {}

    static Check check(String task, Verdict verdict, String message) {
        return new Check(ExerciseId.parse(task.substring(0, 4)), task, "m", task.substring(5) + " works [x = 1]",
                verdict, message);
    }

    /** A task with {@code passed} passing checks followed by the given failures. */
    static TaskGrade task(String id, int passed, Check... failures) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < passed; i++) {
            checks.add(check(id, Verdict.PASSED, ""));
        }
        checks.addAll(List.of(failures));
        return new TaskGrade(id, checks);
    }

    static ExerciseGrade exercise(String id, String title, TaskGrade... tasks) {
        return new ExerciseGrade(ExerciseId.parse(id), title, List.of(tasks), "");
    }
}
