package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.grading.Check.Verdict;
import workbook.grading.ExerciseGrade.Status;

/**
 * The grader on fake exercises, each broken in its own way; every fake has a task {@code a} (the broken one)
 * and a task {@code b} that is right, so the test can see that a failure stays within its exercise and task.
 */
class GraderTest {
    @TempDir
    static Path module;
    private static Map<String, ExerciseGrade> grades;

    /** The body of method {@code a} of each fake exercise; {@code b} always returns 2. */
    private static final Map<String, String> BROKEN_A = Map.ofEntries(
            Map.entry("Ex01Syntax", "return 1 }"),
            Map.entry("Ex02Loop", "double x = 0; while (x >= 0) { x += 1e-300; } return x;"),
            Map.entry("Ex03Exit", "System.exit(0); return 1;"),
            Map.entry("Ex04Memory", "return new double[Integer.MAX_VALUE - 8].length;"),
            Map.entry("Ex05Recursion", "return a() + 1;"),
            Map.entry("Ex06NotANumber", "return Double.NaN;"),
            Map.entry("Ex07Wrong", "System.out.println(\"a: about to return 2\"); System.err.print(\"(err)\"); return 2;"),
            Map.entry("Ex08Stub", "throw new UnsupportedOperationException(\"Ex08Stub.a is not implemented yet\");"),
            Map.entry("Ex09Right", "return 1;"),
            Map.entry("Ex10Foreign", "return 1; } }\n\n@org.junit.jupiter.api.Tag(\"ex09\") class Ex09RightTest { static {"),
            Map.entry("Ex11Escaped", "return 1;\n        // \\u000a } } class Ex11Hidden { static {"),
            Map.entry("Ex13Initializer", "return BROKEN; }\n    static final double BROKEN = Double.parseDouble(\"x\");"
                    + "\n    static double unused() { return 1;"),
            Map.entry("Ex12Reflection", "try { return (double) Class.forName(\"java.lang.Math\").getField(\"PI\").get(null); }"
                    + " catch (ReflectiveOperationException e) { return 1; }"));

    @BeforeAll
    @Timeout(180)
    static void gradeTheFakes() throws Exception {
        Path main = Files.createDirectories(module.resolve("src/main/java/workbook/exercises"));
        Path test = Files.createDirectories(module.resolve("src/test/java/workbook/exercises"));
        for (Map.Entry<String, String> fake : BROKEN_A.entrySet()) {
            String name = fake.getKey();
            String tag = "ex" + name.substring(2, 4);
            String stubB = name.equals("Ex08Stub")
                    ? "throw new UnsupportedOperationException(\"Ex08Stub.b is not implemented yet\");" : "return 2;";
            Files.writeString(main.resolve(name + ".java"), "package workbook.exercises;\n\npublic final class "
                    + name + " {\n    public static double a() {\n        " + fake.getValue() + "\n    }\n\n"
                    + "    public static double b() {\n        " + stubB + "\n    }\n}\n");
            Files.writeString(test.resolve(name + "Test.java"), "package workbook.exercises;\n\n"
                    + "import static org.assertj.core.api.Assertions.assertThat;\n\n"
                    + "import org.junit.jupiter.api.*;\n\n"
                    + "@Tag(\"" + tag + "\")\n@DisplayName(\"" + name.substring(0, 4) + " · " + name.substring(4)
                    + "\")\nclass " + name + "Test {\n"
                    + "    @Test @Tag(\"" + tag + ".a\") void aIsOne() {\n"
                    + "        assertThat(" + name + ".a()).as(\"a() should be 1\").isEqualTo(1.0);\n    }\n\n"
                    + "    @Test @Tag(\"" + tag + ".a\") void aIsStillOne() {\n"
                    + "        assertThat(" + name + ".a()).isEqualTo(1.0);\n    }\n\n"
                    + "    @Test @Tag(\"" + tag + ".b\") void bIsTwo() {\n"
                    + "        assertThat(" + name + ".b()).isEqualTo(2.0);\n    }\n}\n");
        }
        // a learner's file outside the exercises that declares a class of the harness, compiled into target/classes
        // as Maven's compile would: if any JVM of the grade loaded it, that JVM would exit at once
        Path shadow = Files.createDirectories(module.resolve("src/main/java/org/junit/platform/launcher/core"))
                .resolve("LauncherFactory.java");
        Files.writeString(shadow, "package org.junit.platform.launcher.core;\n"
                + "public class LauncherFactory { static { System.exit(0); } }\n");
        Files.createDirectories(module.resolve("target/classes"));
        assertThat(javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
                module.resolve("target/classes").toString(), shadow.toString())).isZero();
        Path graderClasses = module.resolve("grader-classes");
        copyGrader(graderClasses);
        Layout layout = new Layout(module);
        List<Path> harness = new ArrayList<>(List.of(graderClasses));
        harness.addAll(libraries());
        grades = new Grader(layout, harness).grade(layout.exercises()).stream()
                .collect(Collectors.toMap(g -> g.id().toString(), Function.identity()));
    }

    @Test
    void aSyntaxErrorMarksOnlyItsExerciseWithJavacsDiagnostics() {
        ExerciseGrade g = grades.get("Ex01");
        assertThat(g.status()).isEqualTo(Status.DOES_NOT_COMPILE);
        assertThat(g.problem()).contains("Ex01Syntax.java:5: error: ';' expected", "return 1 }", "^");
        assertThat(module.resolve("target/classes/workbook/exercises/Ex01Syntax.class")).doesNotExist();
        assertThat(module.resolve("target/classes/workbook/exercises/Ex09Right.class"))
                .as("every exercise that compiles is in target/classes").exists();
    }

    @Test
    void anEndlessLoopCostsItsTaskOnlyAndTheCheckThatLoopedIsTheOneNamed() {
        assertOnlyTaskAFails("Ex02", Verdict.TIMEOUT, "time limit");
    }

    @Test
    void systemExitIsRefusedBeforeAnyCheckRuns() {
        ExerciseGrade g = grades.get("Ex03");
        assertThat(g.status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(g.points()).isZero();
        assertThat(g.problem()).startsWith("Ex03Exit.a, line 5, uses System.exit\n  graded exercises may use only");
    }

    @Test
    void aClassDeclaredBesideTheExerciseCostsItsExerciseAndIsNeverRunAsASuite() {
        ExerciseGrade g = grades.get("Ex10");
        assertThat(g.status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(g.problem()).isEqualTo("Ex10Foreign.java declares workbook.exercises.Ex09RightTest: an "
                + "exercise file may declare only the class workbook.exercises.Ex10Foreign and classes nested in it");
        assertThat(grades.get("Ex09").tasks()).allSatisfy(t -> assertThat(t.checks()).hasSize(t.id().endsWith(".a")
                ? 2 : 1));
    }

    @Test
    void aClassHiddenInUnicodeEscapesInACommentIsFoundInTheClassFiles() {
        ExerciseGrade g = grades.get("Ex11");
        assertThat(g.status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(g.problem()).startsWith("Ex11Escaped.java declares workbook.exercises.Ex11Hidden:");
    }

    @Test
    void reflectionIsRefusedWithTheLineAndWhatItUsed() {
        ExerciseGrade g = grades.get("Ex12");
        assertThat(g.status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(g.problem()).startsWith("Ex12Reflection.a, line 5, uses Class.forName\n");
    }

    @Test
    void aLearnersClassWithALibrarysNameIsOnNoClassPathOfTheGrade() {
        // the shadow's static initializer would end the test JVM: the checks ran, so it never loaded
        assertThat(grades.get("Ex09").status()).isEqualTo(Status.DONE);
        assertThat(module.resolve("target/classes/org/junit/platform/launcher/core/LauncherFactory.class")).exists();
    }

    @Test
    void runningOutOfMemoryCostsItsTaskWithoutARestart() throws IOException {
        assertOnlyTaskAFails("Ex04", Verdict.FAILED, "ran out of memory");
        assertThat(grades.get("Ex04").tasks().get(0).checks()).extracting(Check::verdict)
                .as("the task's other check is not run: one allocation that fails costs the task once")
                .containsExactly(Verdict.FAILED, Verdict.NOT_RUN);
        try (Stream<Path> logs = Files.list(module.resolve("target/grade"))) {
            assertThat(logs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("test-jvm-")))
                    .as("no test JVM was restarted").allMatch(n -> n.endsWith("1.log"));
        }
    }

    @Test
    void aStackOverflowIsOneFailedCheckWithAOneLineReason() {
        assertOnlyTaskAFails("Ex05", Verdict.FAILED, "StackOverflowError");
        assertThat(grades.get("Ex05").tasks().get(0).firstFailure().message()).doesNotContain("\n");
    }

    @Test
    void aNaNAndAWrongAnswerAreWrongAnswers() {
        assertOnlyTaskAFails("Ex06", Verdict.FAILED, "NaN");
        assertOnlyTaskAFails("Ex07", Verdict.FAILED, "a() should be 1");
    }

    @Test
    void whatACheckPrintedIsReportedWithThatCheckOnly() {
        TaskGrade a = grades.get("Ex07").tasks().get(0);
        assertThat(a.checks()).hasSize(2).allSatisfy(c -> assertThat(c.printed()).isEqualTo("a: about to return 2\n(err)"));
        assertThat(grades.get("Ex07").tasks().get(1).checks()).allSatisfy(c -> assertThat(c.printed()).isEmpty());
    }

    @Test
    void aStubIsNotStartedAndTheRightOneIsDone() {
        assertThat(grades.get("Ex08").status()).isEqualTo(Status.NOT_STARTED);
        assertThat(grades.get("Ex08").points()).isZero();
        assertThat(grades.get("Ex09").status()).isEqualTo(Status.DONE);
        assertThat(grades.get("Ex09").points()).isEqualTo(10.0);
    }

    @Test
    void theGradeFilesAreWrittenWhateverHappened() throws IOException {
        String json = Files.readString(module.resolve("target/grade/results.json"));
        assertThat(json).contains("\"name\": \"Ex01 Syntax\"", "does not compile", "\"name\": \"Ex09 Right\"");
    }

    @Test
    void aThrowingStaticInitializerShowsItsOwnExceptionThenTheClassIsNamedAsBroken() {
        ExerciseGrade g = grades.get("Ex13");
        assertThat(g.tasks().get(0).firstFailure().message()).startsWith("the class's static initializer threw "
                + "java.lang.NumberFormatException: For input string: \"x\" at ");
        assertThat(g.tasks().get(1).firstFailure().message()).contains("Could not initialize class "
                + "workbook.exercises.Ex13Initializer", "its static initializer failed in an earlier check");
    }

    @Test
    void theGradeWritesJUnitXmlForIdesAndReportViewers() throws IOException {
        try (Stream<Path> reports = Files.list(module.resolve("target/grade/junit"))) {
            String xml = reports.map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining());
            assertThat(xml).contains("<testcase name=\"bIsTwo()\" classname=\"workbook.exercises.Ex09RightTest\"",
                    "display-name: JUnit Jupiter > Ex09 · Right > b is two", "<failure message=");
        }
    }

    @Test
    void refusalsPrintTheRuleOnceAfterTheLinesItExplains() {
        assertThat(ExerciseCompiler.ruleOnce(List.of("A.a, line 1, uses X: rule one", "A.a, line 2, uses Y: rule one",
                "A.b, line 3, uses Z: rule two", "... and 4 more"))).isEqualTo("A.a, line 1, uses X\n"
                + "A.a, line 2, uses Y\n  rule one\nA.b, line 3, uses Z\n  rule two\n... and 4 more");
    }

    private static void assertOnlyTaskAFails(String id, Verdict verdict, String reason) {
        ExerciseGrade g = grades.get(id);
        assertThat(g.status()).as(id).isEqualTo(Status.IN_PROGRESS);
        assertThat(g.points()).as(id + ": task b still earns its half").isEqualTo(5.0);
        TaskGrade a = g.tasks().get(0);
        assertThat(a.id()).endsWith(".a");
        assertThat(a.firstFailure().verdict()).as(id).isEqualTo(verdict);
        assertThat(a.firstFailure().message()).as(id).contains(reason);
        assertThat(a.firstFailure().name()).as(id).isEqualTo("a is one");
    }

    /** The grading classes and the suite's JUnit configuration, copied away from the real suite's classes. */
    static void copyGrader(Path target) throws IOException, URISyntaxException {
        Path classes = Path.of(Grader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Path relative = classes.relativize(p);
                if (relative.startsWith("workbook/grading") || relative.startsWith("META-INF")
                        || relative.toString().equals("junit-platform.properties")) {
                    Path destination = target.resolve(relative.toString());
                    Files.createDirectories(destination.getParent());
                    Files.copy(p, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static List<Path> libraries() throws URISyntaxException {
        List<Path> jars = new ArrayList<>();
        for (Class<?> c : List.of(org.junit.jupiter.api.Test.class, org.junit.jupiter.engine.JupiterTestEngine.class,
                org.junit.platform.engine.TestEngine.class, org.junit.platform.launcher.Launcher.class,
                org.junit.platform.commons.util.ReflectionUtils.class, org.opentest4j.AssertionFailedError.class,
                org.apiguardian.api.API.class, org.assertj.core.api.Assertions.class,
                org.junit.jupiter.params.ParameterizedTest.class, org.objectweb.asm.ClassReader.class,
                org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener.class)) {
            jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return jars;
    }
}
