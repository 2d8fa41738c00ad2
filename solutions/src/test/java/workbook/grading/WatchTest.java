package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dwatch}: everything is graded once at start, then each saved exercise on its own. */
class WatchTest {
    static String exercise(String name, String answer) {
        return "package workbook.exercises;\n\npublic final class " + name + " {\n    public static double a() {\n"
                + "        " + answer + "\n    }\n}\n";
    }

    static String suite(String name) {
        String tag = "ex" + name.substring(2, 4);
        return "package workbook.exercises;\n\nimport static org.assertj.core.api.Assertions.assertThat;\n\n"
                + "import org.junit.jupiter.api.*;\n\n@Tag(\"" + tag + "\")\n@DisplayName(\"" + name.substring(0, 4)
                + " · " + name.substring(4) + "\")\nclass " + name + "Test {\n    @Test @Tag(\"" + tag
                + ".a\") void aIsOne() {\n        assertThat(" + name + ".a()).isEqualTo(1.0);\n    }\n}\n";
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a backstop, not a timing check
    void gradesEverythingAtStartThenTheExerciseSaved(@TempDir Path module) throws Exception {
        Path main = Files.createDirectories(module.resolve("src/main/java/workbook/exercises"));
        Path test = Files.createDirectories(module.resolve("src/test/java/workbook/exercises"));
        for (String name : List.of("Ex01First", "Ex02Second")) {
            Files.writeString(main.resolve(name + ".java"), exercise(name, "return 2;"));
            Files.writeString(test.resolve(name + "Test.java"), suite(name));
        }
        Path graderClasses = module.resolve("grader-classes");
        GraderTest.copyGrader(graderClasses);
        List<Path> harness = new ArrayList<>(List.of(graderClasses));
        harness.addAll(GraderTest.libraries());
        Layout layout = new Layout(module);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        CompletableFuture<Void> watch = CompletableFuture.runAsync(() -> {
            try {
                new Watch(new Grader(layout, harness), layout).run(out, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!bytes.toString(StandardCharsets.UTF_8).contains("Watching ") && !watch.isDone()) {
            Thread.sleep(50);
        }
        String start = bytes.toString(StandardCharsets.UTF_8);
        assertThat(start).as("the grade at start").containsPattern("Ex01 +First +in progress")
                .containsPattern("Ex02 +Second +in progress").contains("Total 0 / 20 points");

        Thread.sleep(500); // the watcher registers before it prints; a save a moment later is one it sees
        Files.writeString(main.resolve("Ex02Second.java"), exercise("Ex02Second", "return 1;"));
        watch.get(120, TimeUnit.SECONDS);
        String save = bytes.toString(StandardCharsets.UTF_8).substring(start.length());
        assertThat(save).as("the save's grade: that exercise alone").containsPattern("Ex02 +Second +done")
                .doesNotContain("Ex01").contains("Total 10 / 10 points", "graded in");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a backstop, not a timing check
    void aSaveThatMakesAnExerciseCompileIsGradedInTheJvmStartedBeforeIt(@TempDir Path module) throws Exception {
        Path main = Files.createDirectories(module.resolve("src/main/java/workbook/exercises"));
        Path test = Files.createDirectories(module.resolve("src/test/java/workbook/exercises"));
        Files.writeString(main.resolve("Ex01First.java"), exercise("Ex01First", "return 1 +;"));
        Files.writeString(test.resolve("Ex01FirstTest.java"), suite("Ex01First"));
        Path graderClasses = module.resolve("grader-classes");
        GraderTest.copyGrader(graderClasses);
        List<Path> harness = new ArrayList<>(List.of(graderClasses));
        harness.addAll(GraderTest.libraries());
        Layout layout = new Layout(module);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        CompletableFuture<Void> watch = CompletableFuture.runAsync(() -> {
            try {
                new Watch(new Grader(layout, harness), layout).run(out, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!bytes.toString(StandardCharsets.UTF_8).contains("Watching ") && !watch.isDone()) {
            Thread.sleep(50);
        }
        String start = bytes.toString(StandardCharsets.UTF_8);
        assertThat(start).as("the grade at start").containsPattern("Ex01 +First +does not compile");

        Thread.sleep(500);
        Files.writeString(main.resolve("Ex01First.java"), exercise("Ex01First", "return 1;"));
        watch.get(120, TimeUnit.SECONDS);
        assertThat(bytes.toString(StandardCharsets.UTF_8).substring(start.length()))
                .as("its classes, built after the JVM started, are found").containsPattern("Ex01 +First +done");
    }
}
