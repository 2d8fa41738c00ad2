package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/** Collects the outcome of every check, grouped by exercise, in the order the checks ran. */
public final class GradeBook {
    /** Marker that every stub's {@code UnsupportedOperationException} message ends with. */
    public static final String STUB_MARKER = "is not implemented yet";

    private final Map<String, Tally> tallies = new TreeMap<>();

    private static final class Tally {
        final String title;
        int passed;
        int total;
        boolean stubOnly = true;
        String firstFailure = "";
        String firstStubFailure = "";

        Tally(String title) {
            this.title = title;
        }
    }

    /**
     * Records one check.
     *
     * @param id        exercise id such as {@code Ex01}
     * @param title     the exercise's title
     * @param checkName the check's readable name
     * @param failure   why it failed, or {@code null} if it passed
     */
    public void record(String id, String title, String checkName, Throwable failure) {
        Tally tally = tallies.computeIfAbsent(id, key -> new Tally(title));
        tally.total++;
        if (failure == null) {
            tally.passed++;
            return;
        }
        boolean stub = isStubFailure(failure);
        tally.stubOnly &= stub;
        // a wrong answer or a time-out teaches more than "not implemented yet", which the learner knows
        if (stub && tally.firstStubFailure.isEmpty()) {
            tally.firstStubFailure = checkName + "\n" + explain(failure);
        } else if (!stub && tally.firstFailure.isEmpty()) {
            tally.firstFailure = checkName + "\n" + explain(failure);
        }
    }

    /** The grades so far, ordered by exercise id. */
    public List<ExerciseGrade> grades() {
        List<ExerciseGrade> grades = new ArrayList<>();
        tallies.forEach((id, t) -> grades.add(new ExerciseGrade(id, t.title, t.passed, t.total, t.stubOnly,
                t.firstFailure.isEmpty() ? t.firstStubFailure : t.firstFailure)));
        return grades;
    }

    /** True when the failure, or anything it wraps or quotes, is a stub's "not implemented yet". */
    static boolean isStubFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(STUB_MARKER)) {
                return true;
            }
        }
        return false;
    }

    /** The failure's message, with a hint for the failures whose message alone does not teach. */
    static String explain(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        if (failure instanceof TimeoutException) {
            return message + " (an endless loop, or a method far slower than it needs to be?)";
        }
        if (failure instanceof AssertionError || failure instanceof UnsupportedOperationException) {
            return message;
        }
        String where = failure.getStackTrace().length > 0 ? " at " + failure.getStackTrace()[0] : "";
        return failure.getClass().getName() + (message.isEmpty() ? "" : ": " + message) + where;
    }
}
