package workbook.theory.tools;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong in the exercises' code, in one line, when a write-up, a figure, the explorer or the lab called it
 * and it failed: a stub's "is not implemented yet" (with the reason where a stub stands in for an exercise that
 * does not compile), a static initializer that threw, or any exception or error thrown inside an exercise's method
 * (a stack overflow, an array too large for memory). Under {@code -Plearner} that code is the learner's, so the
 * callers print this line and go on instead of a stack trace.
 */
public final class LearnerCode {
    /** The package of the exercises, the reference solutions' and the learner's alike. */
    public static final String PACKAGE = "workbook.exercises.";
    private static final Pattern EXERCISE = Pattern.compile("\\b(Ex\\d\\d)");
    private static final Pattern UNINITIALIZED = Pattern.compile("Could not initialize class workbook\\.exercises\\.(\\S+)");

    private LearnerCode() {}

    /**
     * The one-line reason, when {@code thrown} (or its cause) came from the exercises' code, else empty (a bug of
     * the caller's own, which deserves its stack trace): {@code "Ex03ReluFamily.relu is not implemented yet"},
     * {@code "Ex02Tanh.tanh threw java.lang.StackOverflowError"}, {@code "Ex02Tanh's static initializer threw
     * java.lang.IllegalStateException: boom"}.
     */
    public static Optional<String> failure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).contains("not implemented")) {
                return Optional.of(t.getMessage());
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ExceptionInInitializerError init && init.getCause() != null) {
                String where = method(init.getCause().getStackTrace());
                String owner = where == null ? "an exercise" : where.substring(0, where.indexOf('.'));
                return Optional.of(owner + "'s static initializer threw " + init.getCause());
            }
            Matcher uninitialized = t instanceof NoClassDefFoundError ? UNINITIALIZED.matcher(String.valueOf(t.getMessage()))
                    : null;
            if (uninitialized != null && uninitialized.find()) {
                return Optional.of(uninitialized.group(1) + "'s static initializer threw (on its first use; the grade "
                        + "shows what)");
            }
            String where = method(t.getStackTrace());
            if (where != null) {
                return Optional.of(where + " threw " + t);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            // After a few, the JVM throws these without a stack trace, so there is no frame to name; memory and
            // stack run out in an exercise's loop far more often than in the workbook's own code.
            if (t instanceof VirtualMachineError && t.getStackTrace().length == 0) {
                return Optional.of("the exercises' code it calls ran out of " + (t instanceof StackOverflowError
                        ? "stack" : "memory") + " (" + t + "; the grade names the method)");
            }
        }
        return Optional.empty();
    }

    /** The innermost frame of an exercise class, as {@code "Ex03ReluFamily.relu"}, or null. */
    public static String method(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(PACKAGE)) {
                String method = frame.getMethodName().equals("<clinit>") ? "<static initializer>" : frame.getMethodName();
                return frame.getClassName().substring(PACKAGE.length()) + "." + method;
            }
        }
        return null;
    }

    /**
     * What to do about a failure: {@code "finish Ex03"} for a stub's "not implemented yet", {@code "fix Ex02"} for
     * anything else, null when it names no exercise.
     */
    public static String toDo(String failure) {
        String exercise = exercise(failure);
        return exercise == null ? null
                : (String.valueOf(failure).endsWith("not implemented yet") ? "finish " : "fix ") + exercise;
    }

    /** The exercise a failure names ({@code "Ex03"}), or null. */
    public static String exercise(String failure) {
        Matcher m = EXERCISE.matcher(String.valueOf(failure));
        return m.find() ? m.group(1) : null;
    }
}
