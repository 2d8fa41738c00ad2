package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Makes a runaway check cost its task, not every check of it: once a check of a task has run past its time limit
 * or out of memory, the task's remaining checks fail at once ("not run"); the exercise's other tasks still run.
 *
 * <p>A timed-out check leaves its thread spinning until the test JVM exits: without this guard, an endless loop
 * in a method that twenty checks call would cost twenty time limits and twenty spinning threads on a two-core
 * machine. An {@link OutOfMemoryError} would end the test JVM (JUnit rethrows it), and the grader would restart
 * one for every remaining check of the task; caught around the check instead, where the failed allocation has
 * left the heap as it was, it becomes that check's failure and the JVM goes on.
 *
 * <p>When a test JVM did die, the grader re-runs the rest in a fresh one and lists, in the file that
 * {@value #SKIP_FILE} names, the unique ids of the checks already graded (skipped here) and, as
 * {@code task <tab> id <tab> reason} lines, the tasks whose check it was running (failed here at once).
 */
public final class RunawayGuard implements BeforeEachCallback, TestExecutionExceptionHandler, ExecutionCondition,
        InvocationInterceptor {
    /** System property naming the file of what a fresh test JVM need not run again. */
    public static final String SKIP_FILE = "workbook.grading.skip";
    /** A line of the skip file that names a task, not a check. */
    static final String TASK_LINE = "task\t";

    /** Why each task stopped, by its tag ({@code ex03.relu}). */
    private static final Map<String, String> STOPPED = new ConcurrentHashMap<>();
    private static volatile Set<String> skip;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skipped().contains(context.getUniqueId())
                ? ConditionEvaluationResult.disabled("graded before the test JVM stopped")
                : ConditionEvaluationResult.enabled("");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (String tag : context.getTags()) {
            String reason = STOPPED.get(tag);
            if (reason != null) {
                throw new AssertionError("not run: an earlier check of this task " + reason + "; fix that first, "
                        + "then grade again");
            }
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TimeoutException) {
            stop(context, "ran past its time limit, which usually means an endless loop");
        }
        throw failure;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                    ExtensionContext context) throws Throwable {
        guard(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                            ExtensionContext context) throws Throwable {
        guard(invocation, context);
    }

    private static void guard(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (OutOfMemoryError e) {
            stop(context, "ran out of memory");
            throw new AssertionError("ran out of memory (" + e.getMessage() + "): an enormous array, or a collection "
                    + "that grows forever? The test JVM has " + TestJvms.HEAP_MB + " MB of heap");
        }
    }

    private static void stop(ExtensionContext context, String reason) {
        context.getTags().stream().filter(tag -> tag.indexOf('.') > 0).forEach(tag -> STOPPED.putIfAbsent(tag, reason));
    }

    private static Set<String> skipped() {
        Set<String> result = skip;
        if (result == null) {
            String file = System.getProperty(SKIP_FILE);
            result = new HashSet<>();
            Map<String, String> tasks = new HashMap<>();
            if (file != null && !file.isBlank() && Files.exists(Path.of(file))) {
                try {
                    for (String line : Files.readAllLines(Path.of(file))) {
                        if (line.startsWith(TASK_LINE)) {
                            String[] f = line.split("\t", 3);
                            tasks.put(f[1], f.length > 2 ? f[2] : "stopped the test JVM");
                        } else {
                            result.add(line);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            tasks.forEach(STOPPED::putIfAbsent);
            skip = result;
        }
        return result;
    }
}
