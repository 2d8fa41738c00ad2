package workbook.grading;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the hidden suite's results into a grade: one entry per exercise, keyed by the test class's
 * {@code @Tag("exNN")}.
 *
 * <p>It is registered through {@code META-INF/services}, so every JUnit launcher loads it; it stays silent
 * unless the system property {@value #GRADE_DIR} names a folder. Only the exercises module's Surefire sets
 * it, so mutation testing and the reference run leave the learner's grade alone.
 */
public final class GradingListener implements TestExecutionListener {
    /** System property naming the folder that receives the grade files. */
    public static final String GRADE_DIR = "workbook.grade.dir";

    private static final Pattern EXERCISE_TAG = Pattern.compile("ex(\\d\\d)");
    private static final Pattern TITLE_PREFIX = Pattern.compile("^Ex\\d\\d\\W*");

    private final Path dir;
    private final GradeBook book = new GradeBook();
    private TestPlan plan;

    /** Reads the grade folder from the system property; without it the listener does nothing. */
    public GradingListener() {
        String property = System.getProperty(GRADE_DIR);
        this.dir = property == null || property.isBlank() ? null : Path.of(property);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        if (dir != null) {
            GradeFiles.clear(dir);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (dir == null || !test.isTest()) {
            return;
        }
        exerciseId(test).ifPresent(id -> {
            Throwable failure = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? null
                    : result.getThrowable().orElseGet(() -> new AssertionError("aborted: " + result.getStatus()));
            book.record(id, exerciseTitle(test), checkName(test), failure);
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (dir != null) {
            GradeFiles.write(dir, book.grades());
        }
    }

    private static Optional<String> exerciseId(TestIdentifier test) {
        for (TestTag tag : test.getTags()) {
            Matcher m = EXERCISE_TAG.matcher(tag.getName());
            if (m.matches()) {
                return Optional.of("Ex" + m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The test class's display name without its "ExNN" prefix, e.g. "Sigmoid". */
    private String exerciseTitle(TestIdentifier test) {
        TestIdentifier node = test;
        while (plan.getParent(node).map(p -> p.getParentIdObject().isPresent()).orElse(false)) {
            node = plan.getParent(node).orElseThrow();
        }
        return TITLE_PREFIX.matcher(node.getDisplayName()).replaceFirst("");
    }

    /** "method name" or, for one case of a parameterized check, "method name [case]". */
    private String checkName(TestIdentifier test) {
        return plan.getParent(test)
                .filter(parent -> parent.getSource().filter(MethodSource.class::isInstance).isPresent())
                .map(parent -> parent.getDisplayName() + " [" + test.getDisplayName() + "]")
                .orElse(test.getDisplayName());
    }
}
