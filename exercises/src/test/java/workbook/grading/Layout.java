package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the exercises module keeps things: the learner's sources, the hidden suite, the given source root and
 * the class folders.
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

    Path givenRoot() {
        return module.resolve("src/given/java");
    }

    Path target() {
        return module.resolve("target");
    }

    Path classes() {
        return target().resolve("classes");
    }

    Path testClasses() {
        return target().resolve("test-classes");
    }

    /** One exercise: {@code Ex03ReluFamily.java} and {@code Ex03ReluFamilyTest.java}. */
    record Exercise(String id, String className, Path source, Path testSource, Path mainClass, Path testClass) {
        /** The tag of its checks, e.g. {@code ex03}. */
        String tag() {
            return id.toLowerCase(Locale.ROOT);
        }
    }

    /** The exercises that have both a source and a hidden-suite class, in order. */
    List<Exercise> exercises() {
        try (Stream<Path> files = Files.list(mainSources())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("Ex\\d\\d\\w*\\.java"))
                    .sorted()
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .filter(c -> Files.exists(testSources().resolve(c + "Test.java")))
                    .map(c -> new Exercise(c.substring(0, 4), c, mainSources().resolve(c + ".java"),
                            testSources().resolve(c + "Test.java"),
                            classes().resolve("workbook/exercises/" + c + ".class"),
                            testClasses().resolve("workbook/exercises/" + c + "Test.class")))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
