package workbook.grading;

import java.util.concurrent.TimeoutException;

/**
 * The outcome of one check, as the test JVM reports it to the grader: one tab-separated line per check.
 *
 * @param exercise the exercise
 * @param task     the task id, e.g. {@code ex03.relu}
 * @param method   the test method, which orders the checks as the suite lists them
 * @param name     the check's readable name, e.g. "relu is max of x and zero [x = -3.0]"
 * @param verdict  what happened
 * @param message  why it failed, empty when it passed
 * @param printed  what the exercise's code printed while the check ran (the first {@value #PRINTED_LIMIT} characters)
 */
public record Check(ExerciseId exercise, String task, String method, String name, Verdict verdict, String message,
                    String printed) {
    /** How much of what a check's code prints is kept: enough to debug with, not a flood. */
    public static final int PRINTED_LIMIT = 4000;
    /** Marker that every stub's {@code UnsupportedOperationException} message ends with. */
    public static final String STUB_MARKER = "is not implemented yet";

    /** What happened to one check. */
    public enum Verdict {
        PASSED, FAILED, STUB, TIMEOUT, CRASHED, NOT_RUN
    }

    /** The verdict for a finished check that threw {@code failure} ({@code null}: it passed). */
    public static Verdict verdictOf(Throwable failure) {
        if (failure == null) {
            return Verdict.PASSED;
        }
        if (failure instanceof TimeoutException) {
            return Verdict.TIMEOUT;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(STUB_MARKER)) {
                return Verdict.STUB;
            }
        }
        return Verdict.FAILED;
    }

    /** The failure's message, with a hint for the failures whose message alone does not teach. */
    public static String explain(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        if (failure instanceof TimeoutException) {
            return "ran past its time limit (" + message + "): an endless loop, or a method far slower than it "
                    + "needs to be?";
        }
        if (failure instanceof StackOverflowError) {
            String where = failure.getStackTrace().length > 0 ? " in " + failure.getStackTrace()[0] : "";
            return "StackOverflowError" + where + ": a recursion that never reaches its base case?";
        }
        if (failure instanceof AssertionError || failure instanceof UnsupportedOperationException) {
            return message;
        }
        if (failure instanceof ExceptionInInitializerError && failure.getCause() != null) {
            Throwable cause = failure.getCause();
            String where = cause.getStackTrace().length > 0 ? " at " + cause.getStackTrace()[0] : "";
            return "the class's static initializer threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + where
                    + " (constants and static blocks run when the class is first used)";
        }
        if (failure instanceof NoClassDefFoundError && message.startsWith("Could not initialize class")) {
            return message + ": its static initializer failed in an earlier check (see that check's message)";
        }
        String where = failure.getStackTrace().length > 0 ? " at " + failure.getStackTrace()[0] : "";
        return failure.getClass().getName() + (message.isEmpty() ? "" : ": " + message) + where;
    }

    /** A check during which nothing was printed. */
    public Check(ExerciseId exercise, String task, String method, String name, Verdict verdict, String message) {
        this(exercise, task, method, name, verdict, message, "");
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** One line: tabs, newlines and backslashes in the fields are escaped. */
    public String toLine() {
        return String.join("\t", exercise.toString(), escape(task), escape(method), escape(name), verdict.name(),
                escape(message), escape(printed));
    }

    /** Reads a line that {@link #toLine} wrote. */
    public static Check fromLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("line must have 7 tab-separated fields, got " + f.length + ": " + line);
        }
        return new Check(ExerciseId.parse(f[0]), unescape(f[1]), unescape(f[2]), unescape(f[3]), Verdict.valueOf(f[4]),
                unescape(f[5]), unescape(f[6]));
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "").replace("\n", "\\n");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
