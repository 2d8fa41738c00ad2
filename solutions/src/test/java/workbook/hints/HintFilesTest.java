package workbook.hints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authoring checks for the progressive hints: every task of the hidden suite has at least three levels in
 * {@code exercises/hints/exNN.md}, and the learner's command {@code java exercises/hints/Hint.java} works.
 */
@Timeout(120) // each call compiles Hint.java from source, about a second on a busy machine
class HintFilesTest {
    /** The task list of the shared decisions: the hidden suite's task tags must be exactly these. */
    private static final List<String> TASKS = List.of(
            "ex01.sigmoid", "ex01.sigmoidDerivative", "ex01.softplus", "ex01.logSigmoid",
            "ex02.tanh", "ex02.tanhDerivative", "ex02.saturationFraction", "ex02.centeredSigmoid",
            "ex03.relu", "ex03.leakyRelu", "ex03.elu", "ex03.selu", "ex03.hardswish",
            "ex04.collapse", "ex04.reluApproximation", "ex04.minimaxLine",
            "ex05.softmax", "ex05.temperature", "ex05.logSumExp", "ex05.logSoftmax", "ex05.entropy",
            "ex06.jacobian", "ex06.jacobianVectorProduct", "ex06.crossEntropyLoss", "ex06.crossEntropyGradient",
            "ex07.gelu", "ex07.geluTanh", "ex07.swish", "ex07.swishBeta", "ex07.mish", "ex07.custom",
            "ex08.glu", "ex08.geglu", "ex08.swiglu", "ex08.gluBackward",
            "ex09.naive", "ex09.xavier", "ex09.he", "ex09.compromise", "ex09.gain",
            "ex10.forwardStats", "ex10.gradientNorms", "ex10.activeFraction", "ex10.deadUnits");
    private static final Pattern TASK_TAG = Pattern.compile("@Tag\\(\"(ex\\d\\d\\.\\w+)\"\\)");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** The task ids tagged in the hidden suite. */
    static List<String> tasks() throws IOException {
        TreeSet<String> tagged = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("exercises/src/test/java/workbook/exercises"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TASK_TAG.matcher(Files.readString(file));
                while (m.find()) {
                    tagged.add(m.group(1));
                }
            }
        }
        return List.copyOf(tagged);
    }

    /** The task headings ({@code ## exNN.task}) of every hint file. */
    static List<String> hintFileTasks() throws IOException {
        TreeSet<String> headings = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("exercises/hints"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("ex\\d\\d\\.md")).toList()) {
                Files.readAllLines(file).stream().filter(l -> l.matches("## ex\\d\\d\\.\\w+\\s*"))
                        .map(l -> l.substring(3).trim()).forEach(headings::add);
            }
        }
        return List.copyOf(headings);
    }

    @Test
    void theSuitesTaskTagsTheHintFilesAndTheSharedTaskListAgree() throws Exception {
        assertThat(tasks()).as("task tags in the hidden suite").hasSize(44).containsExactlyInAnyOrderElementsOf(TASKS);
        assertThat(hintFileTasks()).as("task headings in exercises/hints/exNN.md")
                .containsExactlyInAnyOrderElementsOf(TASKS);
    }

    @Test
    void everyTaskHasAtLeastThreeLevelsAndAWriteUp() throws Exception {
        List<String> args = new ArrayList<>(List.of("--check"));
        args.addAll(tasks());
        Run run = hint(null, args);
        assertThat(run.exit())
                .as("java exercises/hints/Hint.java --check <tasks> reported problems:%n%s", run.output())
                .isZero();
    }

    @Test
    void theCommandShowsOneMoreLevelPerCallAndRemembersIt(@TempDir Path tmp) throws Exception {
        Path progress = tmp.resolve("progress");
        for (int level = 1; level <= 4; level++) {
            Run run = hint(progress, List.of("ex01.softplus"));
            int expected = Math.min(level, 3);
            assertThat(run.output())
                    .as("call %d of the hint command for ex01.softplus, exit %d", level, run.exit())
                    .contains("ex01.softplus · hint " + expected + " of 3");
        }
        assertThat(Files.readString(progress)).contains("ex01.softplus=3");
    }

    @Test
    void anExerciseStartsAtItsFirstTaskAndAnUnknownTaskIsRejected(@TempDir Path tmp) throws Exception {
        Path progress = tmp.resolve("progress");
        assertThat(hint(progress, List.of("ex09")).output()).contains("hint 1 of 3");
        Run unknown = hint(progress, List.of("ex09.nothing"));
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).contains("ex09.xavier");
    }

    @Test
    void aHintForTheCheckThatFailedComesFirstWhenTheGradeSaysSo(@TempDir Path tmp) throws Exception {
        Path grade = Files.createDirectories(tmp.resolve("grade"));
        Files.writeString(grade.resolve("grade.properties"), "ex01.sigmoidDerivative.status=not done\n"
                + "ex01.sigmoidDerivative.firstFailedCheck=derivativeKeepsItsTailInsteadOfCancellingToZero\n");
        Run run = hint(tmp.resolve("progress"), List.of("-Dhint.grade=" + grade), List.of("ex01.sigmoidDerivative"));
        assertThat(run.output()).contains("ex01.sigmoidDerivative · hint 1 of 3 (a nudge), for the check that failed "
                + "first: derivativeKeepsItsTailInsteadOfCancellingToZero", "What does `sigmoid(40)` round to");
        Files.writeString(grade.resolve("grade.properties"), "ex01.sigmoidDerivative.status=not done\n"
                + "ex01.sigmoidDerivative.firstFailedCheck=derivativeIsEven\n");
        assertThat(hint(tmp.resolve("progress"), List.of("-Dhint.grade=" + grade), List.of("ex01.sigmoidDerivative"))
                .output()).as("no section for that check: the task's own hints").contains("hint 1 of 3 (a nudge)\n")
                .contains("chain rule");
    }

    @Test
    void everySectionForAFailedCheckNamesACheckOfItsTaskInTheSuite() throws Exception {
        Pattern keyed = Pattern.compile("## (ex(\\d\\d)\\.\\w+) when (\\w+)\\s*");
        int sections = 0;
        try (Stream<Path> files = Files.list(ROOT.resolve("exercises/hints"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("ex\\d\\d\\.md")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = keyed.matcher(line);
                    if (!m.matches()) {
                        continue;
                    }
                    sections++;
                    String task = m.group(1);
                    // by name: a parameterized check takes its case as a parameter
                    List<java.lang.reflect.Method> checks = java.util.Arrays.stream(suiteClass(m.group(2))
                            .getDeclaredMethods()).filter(method -> method.getName().equals(m.group(3))).toList();
                    assertThat(checks).as("%s: a check of that name in the suite", line).hasSize(1);
                    assertThat(checks.get(0).getAnnotation(org.junit.jupiter.api.Tag.class)).as(line).isNotNull()
                            .extracting(org.junit.jupiter.api.Tag::value).isEqualTo(task);
                }
            }
        }
        assertThat(sections).as("hint sections for a failed check").isGreaterThanOrEqualTo(2);
    }

    /** The hidden suite's class of exercise NN, from the solutions' test classes. */
    private static Class<?> suiteClass(String number) throws Exception {
        try (Stream<Path> files = Files.list(ROOT.resolve("exercises/src/test/java/workbook/exercises"))) {
            String name = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("Ex" + number))
                    .findFirst().orElseThrow().replace(".java", "");
            return Class.forName("workbook.exercises." + name);
        }
    }

    private record Run(int exit, String output) {}

    private static Run hint(Path progress, List<String> args) throws IOException, InterruptedException {
        return hint(progress, List.of(), args);
    }

    private static Run hint(Path progress, List<String> jvm, List<String> args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (progress != null) {
            command.add("-Dhint.progress=" + progress);
        }
        command.addAll(jvm);
        command.add(ROOT.resolve("exercises/hints/Hint.java").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
