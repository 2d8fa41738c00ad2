package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Once a check of a task has run past its time limit, fails that task's remaining checks at once; the
 * exercise's other tasks still run. Also skips the checks a crashed test JVM had already finished, when the
 * grader re-runs the rest in a fresh one (their unique ids are listed in the file {@value #SKIP_FILE} names).
 *
 * <p>A timed-out check leaves its thread spinning until the test JVM exits. Without this guard, an endless
 * loop in a method that twenty checks call would cost twenty time limits and twenty spinning threads on a
 * two-core machine.
 */
public final class RunawayGuard implements BeforeEachCallback, TestExecutionExceptionHandler, ExecutionCondition {
    /** System property naming a file of unique ids (one a line) not to run again. */
    public static final String SKIP_FILE = "workbook.grading.skip";

    private static final Set<String> TIMED_OUT = ConcurrentHashMap.newKeySet();
    private static volatile Set<String> skip;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skipped().contains(context.getUniqueId())
                ? ConditionEvaluationResult.disabled("graded before the test JVM stopped")
                : ConditionEvaluationResult.enabled("");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (context.getTags().stream().anyMatch(TIMED_OUT::contains)) {
            throw new AssertionError("not run: an earlier check of this task ran past its time limit, which "
                    + "usually means an endless loop; fix that first, then grade again");
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TimeoutException) {
            context.getTags().stream().filter(tag -> tag.indexOf('.') > 0).forEach(TIMED_OUT::add);
        }
        throw failure;
    }

    private static Set<String> skipped() {
        Set<String> result = skip;
        if (result == null) {
            String file = System.getProperty(SKIP_FILE);
            result = new HashSet<>();
            if (file != null && !file.isBlank() && Files.exists(Path.of(file))) {
                try {
                    result.addAll(Files.readAllLines(Path.of(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            skip = result;
        }
        return result;
    }
}
