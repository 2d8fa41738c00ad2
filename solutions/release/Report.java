import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the workbook's grade ({@code exercises/target/grade/grade.properties}, written by the grader) into what a
 * course platform reads, and checks the hidden suite against the release's checksums. It never grades, and it
 * records exactly the points the scoreboard printed.
 *
 * <pre>
 * java Report.java gradescope WORKBOOK RESULTS_JSON [BUILD_LOG [INTAKE]]  Gradescope's results.json, a test per exercise
 * java Report.java classroom WORKBOOK                                     GitHub Classroom: a runner per exercise
 * java Report.java verify WORKBOOK                                        exit 1 if the hidden suite was changed
 * </pre>
 */
public final class Report {
    private static final String GRADE = "exercises/target/grade/grade.properties";
    private static final String CHECKSUMS = "exercises/src/test/hidden-suite.sha256";
    /** The build files a release records (release.sh lists the same): one that appears later is reported too. */
    static final List<String> BUILD_FILES = List.of("pom.xml", "exercises/pom.xml", ".mvn/maven.config",
            ".mvn/jvm.config", ".mvn/extensions.xml", ".mvn/wrapper/maven-wrapper.properties", "mvnw");
    private static final String EXERCISES = "exercises/src/main/java/workbook/exercises";
    private static final int MAX_POINTS = 10;

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java Report.java gradescope|classroom|verify WORKBOOK [...]");
            System.exit(2);
        }
        Path workbook = Path.of(args[1]);
        switch (args[0]) {
            case "gradescope" -> gradescope(workbook, Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null,
                    args.length > 4 ? Path.of(args[4]) : null);
            case "classroom" -> classroom(workbook);
            case "verify" -> {
                List<String> changed = changedSuiteFiles(workbook);
                System.out.println(changed.isEmpty() ? "The hidden suite matches the release." : tamperWarning(changed));
                System.exit(changed.isEmpty() ? 0 : 1);
            }
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    /** One exercise of the grade, as the grader wrote it (in its own JVM, never the submission's). */
    record Exercise(String id, String title, boolean done, String points, List<Task> tasks, String feedback) {
        String tag() {
            return id.toLowerCase(Locale.ROOT);
        }
    }

    /** One task: done or not, and what to show for it. */
    record Task(String id, boolean done, String feedback) {}

    /** The grade, or {@code null} when the build failed before the grader wrote one. */
    static List<Exercise> readGrade(Path workbook) throws IOException {
        Path file = workbook.resolve(GRADE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties grade = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            grade.load(in);
        }
        List<Exercise> exercises = new ArrayList<>();
        for (String id : list(grade.getProperty("exercises", ""))) {
            List<Task> tasks = new ArrayList<>();
            for (String task : list(grade.getProperty(id + ".tasks", ""))) {
                tasks.add(new Task(task, "done".equals(grade.getProperty(task + ".status")),
                        grade.getProperty(task + ".feedback", "")));
            }
            exercises.add(new Exercise(id, grade.getProperty(id + ".title", ""),
                    "done".equals(grade.getProperty(id + ".status")), grade.getProperty(id + ".points", "0"), tasks,
                    grade.getProperty(id + ".feedback", "")));
        }
        return exercises;
    }

    private static List<String> list(String commaSeparated) {
        return Stream.of(commaSeparated.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toList());
    }

    /** Hundredths of a point from the grade's text ("3.33"). */
    private static int hundredths(String points) {
        return new BigDecimal(points).movePointRight(2).intValueExact();
    }

    private static String points(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- Gradescope

    static void gradescope(Path workbook, Path out, Path buildLog, Path intake) throws IOException {
        List<Exercise> exercises = readGrade(workbook);
        List<String> tests = new ArrayList<>();
        String summary;
        int score = 0;
        if (exercises == null) {
            summary = "**Your code was not graded: the build failed before the tests ran.** The build's "
                    + "messages:\n\n```text\n" + errors(buildLog) + "\n```\n";
        } else {
            for (Exercise e : exercises) {
                score += hundredths(e.points());
                tests.add(String.format(Locale.ROOT, "    {\"name\": %s, \"number\": \"%d\", \"score\": %s, "
                        + "\"max_score\": %d, \"status\": \"%s\", \"output\": %s, \"output_format\": \"md\", "
                        + "\"visibility\": \"visible\"}", quote(e.id() + " " + e.title()), tests.size() + 1, e.points(),
                        MAX_POINTS, e.done() ? "passed" : "failed", quote("```text\n" + e.feedback() + "\n```")));
            }
            long done = exercises.stream().filter(Exercise::done).count();
            summary = String.format(Locale.ROOT, "**%s of %d points**; %d of %d exercises done. Graded with the "
                    + "course's own copy of the hidden suite.", points(score), MAX_POINTS * exercises.size(), done,
                    exercises.size());
        }
        if (intake != null && Files.exists(intake)) {
            summary += "\n\n```text\n" + Files.readString(intake).strip() + "\n```";
        }
        String json = "{\n  \"score\": " + points(score) + ",\n  \"output\": " + quote(summary) + ",\n"
                + "  \"output_format\": \"md\",\n  \"test_output_format\": \"md\",\n"
                + "  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"hidden\",\n"
                + "  \"tests\": [\n" + String.join(",\n", tests) + "\n  ]\n}\n";
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.printf(Locale.ROOT, "Gradescope results: %s points -> %s%n", points(score), out);
    }

    private static String errors(Path buildLog) throws IOException {
        if (buildLog == null || !Files.exists(buildLog)) {
            return "(no build log)";
        }
        List<String> lines = Files.readAllLines(buildLog).stream()
                .filter(l -> l.startsWith("[ERROR]") && l.length() > 8 && !l.contains("re-run Maven")
                        && !l.contains("Re-run Maven") && !l.contains("[Help 1]") && !l.contains("please read"))
                .map(l -> l.replace(" -> [Help 1]", "")).limit(40).toList();
        return lines.isEmpty() ? "(no [ERROR] lines in the build log)" : String.join("\n", lines);
    }

    // ---------------------------------------------------------------- GitHub Classroom

    /**
     * One runner per exercise for GitHub Classroom's reporter ({@code exNN} outputs, each worth 10), plus a
     * runner {@code suite} worth nothing that fails when the hidden suite was changed. The reporter prints a
     * runner's points as (tests passed / tests) x max and records the sum of the tests' scores: with one test per
     * task, and the exercise's points split over its tasks that are done, both equal the scoreboard's.
     */
    static void classroom(Path workbook) throws IOException {
        List<Exercise> exercises = readGrade(workbook);
        if (exercises == null) {
            exercises = notGraded(workbook);
        }
        List<String> changed = changedSuiteFiles(workbook);
        List<String> outputs = new ArrayList<>();
        int score = 0;
        for (Exercise e : exercises) {
            int earned = hundredths(e.points());
            score += earned;
            outputs.add(e.tag() + "=" + encode(runner(e, earned)));
            System.out.printf(Locale.ROOT, "%s %-40s %5s / %d%n", e.id(), e.title(), e.points(), MAX_POINTS);
        }
        String suite = changed.isEmpty() ? test("The hidden suite is unchanged", true, 0, "")
                : test("The hidden suite is unchanged", false, 0, tamperWarning(changed));
        outputs.add("suite=" + encode("{\"version\": 1, \"status\": \"" + (changed.isEmpty() ? "pass" : "fail")
                + "\", \"max_score\": 0, \"tests\": [" + suite + "]}"));
        if (!changed.isEmpty()) {
            System.out.println(tamperWarning(changed));
        }
        String github = System.getenv("GITHUB_OUTPUT");
        if (github != null && !github.isEmpty()) {
            Files.writeString(Path.of(github), String.join("\n", outputs) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.printf(Locale.ROOT, "Points %s/%d%n", points(score), MAX_POINTS * exercises.size());
    }

    /** An exercise's runner: a test per task; the points go to the tasks done, split in hundredths. */
    private static String runner(Exercise e, int earned) {
        List<String> tests = new ArrayList<>();
        long done = e.tasks().stream().filter(Task::done).count();
        int index = 0;
        for (Task t : e.tasks()) {
            int share = 0;
            if (t.done()) {
                share = (int) (earned / done + (index < earned % done ? 1 : 0));
                index++;
            }
            tests.add(test(t.id(), t.done(), share, t.feedback()));
        }
        if (tests.isEmpty()) {
            tests.add(test(e.tag(), false, 0, e.feedback()));
        }
        return "{\"version\": 1, \"status\": \"" + (e.done() ? "pass" : "fail") + "\", \"max_score\": " + MAX_POINTS
                + ", \"tests\": [" + String.join(", ", tests) + "]}";
    }

    private static String test(String name, boolean passed, int hundredths, String message) {
        return "{\"name\": " + quote(name) + ", \"status\": \"" + (passed ? "pass" : "fail") + "\", \"score\": "
                + points(hundredths) + ", \"message\": " + quote(message) + ", \"line_no\": 0, "
                + "\"execution_time\": \"0s\"}";
    }

    /** The exercises of a build that failed before grading: each with no points, found by its stub's name. */
    private static List<Exercise> notGraded(Path workbook) throws IOException {
        try (Stream<Path> files = Files.list(workbook.resolve(EXERCISES))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("Ex\\d\\d\\w*\\.java")).sorted()
                    .map(n -> new Exercise(n.substring(0, 4), n.substring(4, n.length() - 5), false, "0", List.of(),
                            "not graded: the build failed before the grader ran (see the step above)"))
                    .collect(Collectors.toList());
        }
    }

    private static String encode(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- the hidden suite's checksums

    /**
     * Files listed in the checksum file that differ or are missing, and files of the suite or the grader it does
     * not list. The grader's scoreboard makes the same check (workbook.grading.SuiteChecksums; this file must stay
     * a single-file program, so it cannot import it); SuiteChecksumsTest runs both on the same changes.
     */
    static List<String> changedSuiteFiles(Path workbook) throws IOException {
        Path sums = workbook.resolve(CHECKSUMS);
        if (!Files.exists(sums)) {
            return List.of(CHECKSUMS + " (the checksum file itself is missing)");
        }
        List<String> changed = new ArrayList<>();
        TreeSet<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(sums)) {
            if (line.length() < 67) {
                continue;
            }
            String name = line.substring(66);
            listed.add(name);
            Path file = workbook.resolve(name);
            if (!Files.isRegularFile(file) || !line.substring(0, 64).equals(sha256(file))) {
                changed.add(name);
            }
        }
        for (String file : BUILD_FILES) {
            if (Files.isRegularFile(workbook.resolve(file)) && !listed.contains(file)) {
                changed.add(file + " (added)");
            }
        }
        for (String folder : List.of("exercises/src/test", "exercises/src/grader", "exercises/src/given")) {
            if (!Files.isDirectory(workbook.resolve(folder))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(workbook.resolve(folder))) {
                files.filter(Files::isRegularFile).map(f -> workbook.relativize(f).toString().replace('\\', '/'))
                        .filter(n -> !n.equals(CHECKSUMS) && !listed.contains(n)).sorted()
                        .forEach(n -> changed.add(n + " (added)"));
            }
        }
        return changed;
    }

    static String tamperWarning(List<String> changed) {
        return "WARNING: the hidden suite or its build was changed since the release (" + String.join(", ", changed)
                + "). This grade may not be real; the course's autograder grades with its own pristine copy.";
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
