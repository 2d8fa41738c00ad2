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
    void aSuiteIsCompiledAgainExactlyWhenItsSourceOrWhatItCompilesAgainstChanged(@TempDir Path module) throws Exception {
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
        Files.writeString(main.resolve("Ex01First.java"), WatchTest.exercise("Ex01First", "return 2; // a comment")
                .replace("}\n}\n", "}\n    private static int helper() {\n        return 3;\n    }\n}\n"));
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).isEmpty();
        assertThat(Files.getLastModifiedTime(suiteClass).toMillis())
                .as("a method body, a comment and a private helper changed: what the suite compiles against did not")
                .isZero();

        Files.writeString(main.resolve("Ex01First.java"), WatchTest.exercise("Ex01First", "return 2;")
                .replace("}\n}\n", "}\n    public static final double SCALE = 2;\n}\n"));
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).isEmpty();
        assertThat(Files.getLastModifiedTime(suiteClass).toMillis()).as("a public constant is new").isPositive();

        Files.setLastModifiedTime(suiteClass, FileTime.fromMillis(0));
        Files.writeString(main.resolve("Ex01First.java"), WatchTest.exercise("Ex01First", "return 2;")
                .replace("}\n}\n", "}\n    public static final double SCALE = 3;\n}\n"));
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).isEmpty();
        assertThat(Files.getLastModifiedTime(suiteClass).toMillis())
                .as("a constant's value changed: the suite may have inlined it").isPositive();

        Files.setLastModifiedTime(suiteClass, FileTime.fromMillis(0));
        Files.writeString(main.resolve("Ex01First.java"), WatchTest.exercise("Ex01First", "return 2;")
                .replace("public static double a()", "public static double a() throws Exception"));
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).containsKey(
                ExerciseId.parse("ex01"));
        assertThat(suiteClass).as("a signature the suite cannot call: no suite class").doesNotExist();

        Files.writeString(main.resolve("Ex01First.java"), "package workbook.exercises; class Broken {");
        assertThat(new ExerciseCompiler(layout, jars).compile(layout.exercises())).containsKey(ExerciseId.parse("ex01"));
        assertThat(suiteClass).as("an exercise that does not compile keeps no suite class").doesNotExist();
    }

    /** A stub with two methods, as a release keeps it in src/grader/stubs. */
    private static String stub() {
        return "package workbook.exercises;\n\npublic final class Ex01First {\n    public static double a() {\n"
                + "        throw new UnsupportedOperationException(\"Ex01First.a is not implemented yet\");\n    }\n\n"
                + "    public static double b(double x) {\n"
                + "        throw new UnsupportedOperationException(\"Ex01First.b is not implemented yet\");\n    }\n}\n";
    }

    private static Layout release(Path module, String learnerSource) throws Exception {
        Path main = Files.createDirectories(module.resolve("src/main/java/workbook/exercises"));
        Path test = Files.createDirectories(module.resolve("src/test/java/workbook/exercises"));
        Path stubs = Files.createDirectories(module.resolve("src/grader/stubs/workbook/exercises"));
        Files.writeString(stubs.resolve("Ex01First.java"), stub());
        Files.writeString(main.resolve("Ex01First.java"), learnerSource);
        Files.writeString(test.resolve("Ex01FirstTest.java"), WatchTest.suite("Ex01First"));
        return new Layout(module);
    }

    /** What theory and the figures would get from target/classes: the exception of calling {@code method()}. */
    private static Throwable call(Layout layout, String method) throws Exception {
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {
                layout.classes().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            try {
                loader.loadClass("workbook.exercises.Ex01First").getMethod(method).invoke(null);
                return null;
            } catch (java.lang.reflect.InvocationTargetException e) {
                return e.getCause();
            }
        }
    }

    @Test
    void aFileThatLacksASignatureOfItsStubDoesNotCompileAndSaysWhichWithTheLine(@TempDir Path module) throws Exception {
        String learner = "package workbook.exercises;\n\npublic final class Ex01First {\n    public static double a() {\n"
                + "        return 1;\n    }\n\n    public static double b(float x) {\n        return x;\n    }\n}\n";
        Layout layout = release(module, learner);
        List<Path> jars = GraderTest.libraries().stream().filter(Files::isRegularFile).collect(Collectors.toList());
        ExerciseCompiler.Problem problem = new ExerciseCompiler(layout, jars).compile(layout.exercises())
                .get(ExerciseId.parse("ex01"));
        assertThat(problem).isNotNull();
        assertThat(problem.kind()).isEqualTo(ExerciseGrade.Status.DOES_NOT_COMPILE);
        assertThat(problem.message()).startsWith("Ex01First.java:9: the stub declares public static double b(double)\n");
        assertThat(call(layout, "a")).as("the stub stands in, a() included: theory compiles against it")
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Ex01First.a is not implemented yet (Ex01First.java does not compile with the workbook, so its "
                        + "stub stands in: ./mvnw test shows why)");
    }

    @Test
    void aFileThatDoesNotCompileLeavesItsStubInTargetClassesAndAFixedOneReplacesIt(@TempDir Path module)
            throws Exception {
        Layout layout = release(module, "package workbook.exercises; public final class Ex01First { oops }");
        List<Path> jars = GraderTest.libraries().stream().filter(Files::isRegularFile).collect(Collectors.toList());
        assertThat(new ExerciseCompiler(layout, jars).build(layout.exercises())).containsKey(ExerciseId.parse("ex01"));
        assertThat(call(layout, "a")).hasMessageContaining("is not implemented yet (Ex01First.java does not compile");
        assertThat(layout.classes().resolve("workbook/given")).as("no given classes in this module").doesNotExist();

        Files.writeString(layout.mainSources().resolve("Ex01First.java"), stub().replace(
                "throw new UnsupportedOperationException(\"Ex01First.a is not implemented yet\");", "return 1;"));
        assertThat(new ExerciseCompiler(layout, jars).build(layout.exercises())).isEmpty();
        assertThat(call(layout, "a")).as("the learner's own class, once it compiles").isNull();
    }
}
