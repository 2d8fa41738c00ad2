package workbook.theory.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line that says what the exercises' code did wrong, and nothing for a failure of the workbook's own. */
class LearnerCodeTest {
    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, className + ".java", 12);
    }

    private static <T extends Throwable> T thrownAt(T t, StackTraceElement... frames) {
        t.setStackTrace(frames);
        return t;
    }

    @Test
    void aStubsExceptionIsItsOwnMessageWhereverItIsInTheCauses() {
        RuntimeException wrapped = new RuntimeException("while drawing",
                new UnsupportedOperationException("Ex03ReluFamily.relu is not implemented yet"));
        assertThat(LearnerCode.failure(wrapped)).contains("Ex03ReluFamily.relu is not implemented yet");
    }

    @Test
    void anErrorInsideAnExerciseNamesTheInnermostExerciseMethod() {
        StackOverflowError overflow = thrownAt(new StackOverflowError(), frame("workbook.exercises.Ex02Tanh", "tanh"),
                frame("workbook.exercises.Ex02Tanh", "centeredSigmoid"), frame("workbook.theory.Floats", "checks"));
        assertThat(LearnerCode.failure(overflow)).contains("Ex02Tanh.tanh threw java.lang.StackOverflowError");
    }

    @Test
    void aThrowingStaticInitializerShowsItsOwnExceptionAndMessage() {
        IllegalStateException cause = thrownAt(new IllegalStateException("the tanh table could not be built"),
                frame("workbook.exercises.Ex02Tanh", "<clinit>"));
        assertThat(LearnerCode.failure(new ExceptionInInitializerError(cause))).contains("Ex02Tanh's static "
                + "initializer threw java.lang.IllegalStateException: the tanh table could not be built");
        assertThat(LearnerCode.failure(new NoClassDefFoundError("Could not initialize class workbook.exercises.Ex02Tanh")))
                .hasValueSatisfying(line -> assertThat(line).startsWith("Ex02Tanh's static initializer threw"));
    }

    @Test
    void aFailureOfTheWorkbooksOwnCodeIsNotTheLearners() {
        assertThat(LearnerCode.failure(thrownAt(new IllegalStateException("a bug"), frame("workbook.theory.Xavier",
                "checks")))).isEmpty();
        assertThat(LearnerCode.failure(new UnsupportedOperationException("read-only list"))).isEmpty();
    }

    @Test
    void memoryThatRunsOutWithoutAStackTraceIsBlamedOnTheExercisesCode() {
        assertThat(LearnerCode.failure(thrownAt(new OutOfMemoryError("Java heap space"))))
                .hasValueSatisfying(line -> assertThat(line).contains("ran out of memory"));
    }

    @Test
    void theExerciseOfAFailureIsTheFirstExNN() {
        assertThat(LearnerCode.exercise("Ex02Tanh.tanh threw java.lang.StackOverflowError")).isEqualTo("Ex02");
        assertThat(LearnerCode.exercise("ran out of memory")).isNull();
    }

    @Test
    void whatToDoIsFinishForAStubFixForAnythingElse() {
        assertThat(LearnerCode.toDo("Ex03ReluFamily.relu is not implemented yet")).isEqualTo("finish Ex03");
        assertThat(LearnerCode.toDo("Ex02Tanh.tanh threw java.lang.StackOverflowError")).isEqualTo("fix Ex02");
        assertThat(LearnerCode.toDo("Ex02Tanh.tanh is not implemented yet (Ex02Tanh.java does not compile ...)"))
                .as("a stand-in's code needs fixing, not finishing").isEqualTo("fix Ex02");
        assertThat(LearnerCode.toDo("ran out of memory")).isNull();
    }
}
