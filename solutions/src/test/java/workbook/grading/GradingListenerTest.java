package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.grading.ExerciseGrade.Status;

/** Runs small fake exercises through a real JUnit launcher and reads the grade the listener wrote. */
class GradingListenerTest {

    @Tag("ex41")
    @DisplayName("Ex41 · Half done")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class HalfDone {
        @Test @Order(1) void passes() {}

        @ParameterizedTest(name = "x = {0}") @Order(2) @ValueSource(ints = {1, 2})
        void failsWithAMessage(int x) {
            assertThat(x).as("x should be three").isEqualTo(3);
        }

        @Test @Order(3) void stillAStub() {
            throw new UnsupportedOperationException("Ex41.method is not implemented yet");
        }
    }

    @Tag("ex42")
    @DisplayName("Ex42 · Untouched")
    static class Untouched {
        @Test void stub() {
            throw new UnsupportedOperationException("Ex42.method is not implemented yet");
        }

        @Test void quotedStub() {
            throw new AssertionError("Expecting IllegalArgumentException but was UnsupportedOperationException: "
                    + "Ex42.other is not implemented yet");
        }
    }

    @Tag("ex43")
    @DisplayName("Ex43 · Runaway")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Runaway {
        @Test @Order(1) @Timeout(value = 200, unit = java.util.concurrent.TimeUnit.MILLISECONDS)
        void loops() {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        }

        @Test @Order(2) void wouldPassButIsNotRun() {}
    }

    private static List<ExerciseGrade> grade(Path dir, Class<?>... classes) {
        String previous = System.setProperty(GradingListener.GRADE_DIR, dir.toString());
        try {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            var request = LauncherDiscoveryRequestBuilder.request();
            for (Class<?> c : classes) {
                request.selectors(selectClass(c));
            }
            launcher.execute(request.build(), new GradingListener());
        } finally {
            if (previous == null) {
                System.clearProperty(GradingListener.GRADE_DIR);
            } else {
                System.setProperty(GradingListener.GRADE_DIR, previous);
            }
        }
        return GradeFiles.read(dir);
    }

    @Test
    void gradesEachExerciseFromItsTagAndTitle(@TempDir Path dir) {
        List<ExerciseGrade> grades = grade(dir, HalfDone.class, Untouched.class);
        assertThat(grades).extracting(ExerciseGrade::id).containsExactly("Ex41", "Ex42");
        ExerciseGrade half = grades.get(0);
        assertThat(half.title()).isEqualTo("Half done");
        assertThat(half.passed()).isEqualTo(1);
        assertThat(half.total()).isEqualTo(4);
        assertThat(half.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(half.firstFailure()).contains("x should be three");
    }

    @Tag("ex44")
    @DisplayName("Ex44 · Stub first")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StubFirst {
        @Test @Order(1) void stub() {
            throw new UnsupportedOperationException("Ex44.method is not implemented yet");
        }

        @Test @Order(2) void wrongAnswer() {
            assertThat(2.0).as("sigma(0) should be 1/2").isEqualTo(0.5);
        }
    }

    @Test
    void aWrongAnswerIsShownBeforeAMethodThatIsNotImplementedYet(@TempDir Path dir) {
        ExerciseGrade grade = grade(dir, StubFirst.class).get(0);
        assertThat(grade.firstFailure()).startsWith("wrongAnswer()").contains("sigma(0) should be 1/2");
    }

    @Test
    void anExerciseWhoseChecksAllHitStubsIsNotStarted(@TempDir Path dir) {
        ExerciseGrade untouched = grade(dir, Untouched.class).get(0);
        assertThat(untouched.status()).isEqualTo(Status.NOT_STARTED);
        assertThat(untouched.passed()).isZero();
    }

    @Test
    void aParameterizedCaseIsNamedWithItsMethod(@TempDir Path dir) {
        ExerciseGrade half = grade(dir, HalfDone.class).get(0);
        assertThat(half.firstFailure()).startsWith("failsWithAMessage(int) [x = 1]\n");
    }

    @Test
    void afterATimeoutTheExercisesOtherChecksFailAtOnce(@TempDir Path dir) {
        long start = System.nanoTime();
        ExerciseGrade runaway = grade(dir, Runaway.class).get(0);
        assertThat(runaway.passed()).as("the check after the timeout must not pass").isZero();
        assertThat(runaway.total()).isEqualTo(2);
        assertThat(runaway.firstFailure()).contains("endless loop");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void staysSilentWithoutTheGradeFolderProperty(@TempDir Path dir) {
        System.clearProperty(GradingListener.GRADE_DIR);
        GradingListener listener = new GradingListener();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(HalfDone.class)).build(),
                        listener);
        assertThat(GradeFiles.read(dir)).isEmpty();
    }
}
