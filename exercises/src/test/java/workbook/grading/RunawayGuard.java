package workbook.grading;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Once a check of an exercise has run past its time limit, fails that exercise's remaining checks at once.
 *
 * <p>A timed-out check leaves its thread spinning until the test JVM exits. Without this guard, an endless
 * loop in a method that twenty checks call would cost twenty time limits and twenty spinning threads on a
 * two-core machine; with it, the rest of the grade still prints promptly.
 */
public final class RunawayGuard implements BeforeEachCallback, TestExecutionExceptionHandler {
    private static final Set<Class<?>> TIMED_OUT = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeEach(ExtensionContext context) {
        Class<?> exercise = context.getRequiredTestClass();
        if (TIMED_OUT.contains(exercise)) {
            throw new AssertionError("not run: an earlier check of this exercise ran past its time limit, which "
                    + "usually means an endless loop; fix that first, then grade again");
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TimeoutException) {
            TIMED_OUT.add(context.getRequiredTestClass());
        }
        throw failure;
    }
}
