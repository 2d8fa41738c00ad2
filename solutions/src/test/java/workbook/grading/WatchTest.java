package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Watching watching = Watching.start(module, Map.of("Ex01First", "return 2;", "Ex02Second", "return 2;"));
        assertThat(watching.atStart()).as("the grade at start").containsPattern("Ex01 +First +in progress")
                .containsPattern("Ex02 +Second +in progress").contains("Total 0 / 20 points");

        assertThat(watching.save("Ex02Second", "return 1;")).as("the save's grade: that exercise alone")
                .containsPattern("Ex02 +Second +done").doesNotContain("Ex01").contains("Total 10 / 10 points",
                        "graded in");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aSaveThatMakesAnExerciseCompileIsGradedInTheJvmStartedBeforeIt(@TempDir Path module) throws Exception {
        Watching watching = Watching.start(module, Map.of("Ex01First", "return 1 +;"));
        assertThat(watching.atStart()).as("the grade at start").containsPattern("Ex01 +First +does not compile");

        assertThat(watching.save("Ex01First", "return 1;")).as("its classes, built after the waiting JVM started, "
                + "are found").containsPattern("Ex01 +First +done");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aWaitingJvmSentAwayUnusedLeavesNoProcessBehind(@TempDir Path module) throws Exception {
        Path graderClasses = module.resolve("grader-classes");
        GraderTest.copyGrader(graderClasses);
        List<Path> harness = new ArrayList<>(List.of(graderClasses));
        harness.addAll(GraderTest.libraries());
        Files.createDirectories(module.resolve("src/main/java/workbook/exercises"));
        TestJvms jvms = new Grader(new Layout(module), harness).jvms();
        for (int attempt = 1; attempt <= 3; attempt++) {
            // sent away at once, while its sandbox may still be starting: killing it then left processes running
            Process process = jvms.start("w", attempt, List.of()).dismiss().get(30, TimeUnit.SECONDS);
            assertThat(process.isAlive()).isFalse();
        }
        Thread.sleep(200); // a process left behind would still be running; one on its way out is gone by now
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(module.toString()))).as("no process of the module's test JVMs is left").isEmpty();
    }

    /** A watch over a module of exercises (name to the body of {@code a()}, each checked for 1), for one save. */
    private record Watching(Path main, ByteArrayOutputStream bytes, CompletableFuture<Void> watch, String atStart) {
        static Watching start(Path module, Map<String, String> answers) throws Exception {
            Path main = Files.createDirectories(module.resolve("src/main/java/workbook/exercises"));
            Path test = Files.createDirectories(module.resolve("src/test/java/workbook/exercises"));
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                Files.writeString(main.resolve(answer.getKey() + ".java"), exercise(answer.getKey(), answer.getValue()));
                Files.writeString(test.resolve(answer.getKey() + "Test.java"), suite(answer.getKey()));
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
                    // no Enter key: a test JVM's System.in is Surefire's channel, whose last message it would eat
                    new Watch(new Grader(layout, harness), layout, InputStream.nullInputStream()).run(out, 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!bytes.toString(StandardCharsets.UTF_8).contains("Watching ") && !watch.isDone()) {
                Thread.sleep(50);
            }
            return new Watching(main, bytes, watch, bytes.toString(StandardCharsets.UTF_8));
        }

        /** Saves a new answer and returns what the watch printed for it. */
        String save(String name, String answer) throws Exception {
            Thread.sleep(500); // the watcher registers before it prints; a save a moment later is one it sees
            Files.writeString(main.resolve(name + ".java"), exercise(name, answer));
            watch.get(120, TimeUnit.SECONDS);
            return bytes.toString(StandardCharsets.UTF_8).substring(atStart.length());
        }
    }
}
