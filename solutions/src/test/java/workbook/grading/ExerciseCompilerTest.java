package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grader's build step: what it compiles again, and when. */
class ExerciseCompilerTest {
    @Test
    void aSuiteIsCompiledAgainExactlyWhenItsSourceOrItsExercisesSourceChanged(@TempDir Path module) throws Exception {
        Path main = Files.createDirectories(module.resolve("src/main/java/workbook/exercises"));
        Path test = Files.createDirectories(module.resolve("src/test/java/workbook/exercises"));
        Files.writeString(main.resolve("Ex01First.java"), WatchTest.exercise("Ex01First", "return 1;"));
        Files.writeString(test.resolve("Ex01FirstTest.java"), WatchTest.suite("Ex01First"));
        Layout layout = new Layout(module);
        List<Path> jars = GraderTest.libraries().stream().filter(Files::isRegularFile).collect(Collectors.toList());
        Path suiteClass = layout.suiteClasses().resolve("workbook/exercises/Ex01FirstTest.class");

        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).isEmpty();
        Files.setLastModifiedTime(suiteClass, FileTime.fromMillis(0)); // a mark: a new compile writes a new file
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).isEmpty();
        assertThat(Files.getLastModifiedTime(suiteClass).toMillis()).as("nothing changed: not compiled again")
                .isZero();

        Files.writeString(test.resolve("Ex01FirstTest.java"), WatchTest.suite("Ex01First") + "// changed\n");
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).isEmpty();
        assertThat(Files.getLastModifiedTime(suiteClass).toMillis()).as("the suite changed").isPositive();

        Files.setLastModifiedTime(suiteClass, FileTime.fromMillis(0));
        Files.writeString(main.resolve("Ex01First.java"), WatchTest.exercise("Ex01First", "return 2;"));
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).isEmpty();
        assertThat(Files.getLastModifiedTime(suiteClass).toMillis()).as("the exercise changed").isPositive();

        Files.writeString(main.resolve("Ex01First.java"), "package workbook.exercises; class Broken {");
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).containsKey(ExerciseId.parse("ex01"));
        assertThat(suiteClass).as("an exercise that does not compile keeps no suite class").doesNotExist();
    }
}
