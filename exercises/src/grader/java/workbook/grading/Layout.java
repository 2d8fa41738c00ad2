package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the exercises module keeps things: the learner's sources, the hidden suite, the given source root, and the
 * grader's own build folders under {@code target/grade/build}, one per exercise, which nothing but the grader
 * writes: the test JVM's class path is made of those, never of Maven's {@code target/classes}.
 *
 * @param module the exercises module's folder
 */
record Layout(Path module) {
    Path mainSources() {
        return module.resolve("src/main/java/workbook/exercises");
    }

    Path testSources() {
        return module.resolve("src/test/java/workbook/exercises");
    }

    /**
     * The untouched stubs, whose classes stand in for an exercise that cannot run ({@link ExerciseApi}): in a learner
     * release a copy under {@code src/grader/stubs} (the learner edits {@code src/main/java}); in the authoring
     * repository the sources themselves, which are the stubs.
     */
    Path stubSources() {
        Path copy = module.resolve("src/grader/stubs/workbook/exercises");
        return Files.isDirectory(copy) ? copy : mainSources();
    }

    Path givenRoot() {
        return module.resolve("src/given/java");
    }

    Path target() {
        return module.resolve("target");
    }

    /** Maven's output folder, where theory and the figures (under {@code -Plearner}) find the learner's classes. */
    Path classes() {
        return target().resolve("classes");
    }

    /** The grade's files: the scoreboard's data, every check, the test JVMs' reports and logs. */
    Path gradeDir() {
        return target().resolve("grade");
    }

    /** The grader's class folders: {@code given}, {@code suite} and one per exercise ({@code Ex03}). */
    Path build() {
        return gradeDir().resolve("build");
    }

    Path givenClasses() {
        return build().resolve("given");
    }

    /** The stubs' classes, one folder per exercise ({@code stubs/Ex03}). */
    Path stubClasses(Exercise exercise) {
        return build().resolve("stubs").resolve(exercise.id().toString());
    }

    Path suiteClasses() {
        return build().resolve("suite");
    }

    /** One exercise: {@code Ex03ReluFamily.java} and {@code Ex03ReluFamilyTest.java}. */
    record Exercise(ExerciseId id, String className, Path source, Path testSource) {}

    /** The folder of an exercise's own classes, checked before they run. */
    Path classesOf(Exercise exercise) {
        return build().resolve(exercise.id().toString());
    }

    /**
     * The exercises, in order: every {@code ExNN<Name>.java} of the learner's sources. One whose hidden-suite file
     * is missing is still an exercise (it scores 0 with the reason), so the total stays out of 10 per exercise.
     */
    List<Exercise> exercises() {
        try (Stream<Path> files = Files.list(mainSources())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("Ex\\d\\d\\w*\\.java"))
                    .sorted()
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .map(c -> new Exercise(ExerciseId.parse(c), c, mainSources().resolve(c + ".java"),
                            testSources().resolve(c + "Test.java")))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
