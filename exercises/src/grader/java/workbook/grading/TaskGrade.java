package workbook.grading;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One task of an exercise (a method, or a method with its derivative): it earns its points only when every
 * one of its checks passes.
 *
 * @param id     the task id, e.g. {@code ex03.relu}
 * @param checks its checks in the suite's order
 */
public record TaskGrade(String id, List<Check> checks) {
    public TaskGrade {
        checks = List.copyOf(checks);
    }

    /** The name after the exercise prefix: {@code relu} for {@code ex03.relu}. */
    public String name() {
        return id.substring(id.indexOf('.') + 1);
    }

    /** Every check ran and passed. */
    public boolean done() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** Checks that passed. */
    public int passed() {
        return (int) checks.stream().filter(Check::passed).count();
    }

    /** Nothing passed and every failure is a stub's "not implemented yet". */
    public boolean notStarted() {
        return checks.stream().allMatch(c -> c.verdict() == Check.Verdict.STUB);
    }

    /**
     * The check to show first: the first wrong answer, time-out or crash in the suite's order, else the first check
     * not run, else the first "not implemented yet"; {@code null} when the task is done.
     */
    public Check firstFailure() {
        return firstFailed(c -> c.verdict() != Check.Verdict.NOT_RUN && c.verdict() != Check.Verdict.STUB)
                .or(() -> firstFailed(c -> c.verdict() == Check.Verdict.NOT_RUN))
                .or(() -> firstFailed(c -> true)).orElse(null);
    }

    private Optional<Check> firstFailed(Predicate<Check> which) {
        return checks.stream().filter(c -> !c.passed()).filter(which).findFirst();
    }

    /** Checks of this task that did not run because an earlier one ran away (a time-out, out of memory). */
    public long notRun() {
        return checks.stream().filter(c -> c.verdict() == Check.Verdict.NOT_RUN).count();
    }
}
