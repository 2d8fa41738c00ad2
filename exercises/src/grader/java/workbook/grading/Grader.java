package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The grade behind {@code ./mvnw test}: builds and checks each exercise on its own ({@link ExerciseCompiler}: a
 * syntax error, a foreign class or a forbidden call costs that exercise only), runs the built exercises' checks in
 * sandboxed test JVMs with a heap cap (two side by side on two cores, each with about half of the exercises), and
 * if one dies (out of memory), marks the check it was running and runs its unfinished checks again in a fresh one.
 * Then it writes the grade files and prints the scoreboard, last.
 *
 * <p>A test JVM's class path puts the harness first (the grader's classes, JUnit, AssertJ, commons-math3), then
 * the suite, the given classes and, last, the learner's checked classes, none of which may carry a name outside
 * its exercise: nothing the learner compiled can stand in for a class of the harness.
 */
public final class Grader {
    /** The test JVM: quick to start; the heap cap turns a runaway allocation into one failed check. */
    static final List<String> TEST_JVM = List.of("-Xmx512m", "-Xss4m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-XX:+DisableAttachMechanism");
    /** Backstop for one test JVM: every check has its own time limit, so this only stops the pathological. */
    static final long JVM_LIMIT_SECONDS = 300;
    /** The only folder a test JVM writes to (its report); the sandbox lets it write nowhere else. */
    static final String JVM_DIR = "jvm";
    private static final Pattern TASK_TAG = Pattern.compile("@Tag\\(\"(ex\\d\\d\\.\\w+)\"\\)");
    private static final Pattern TITLE = Pattern.compile("@DisplayName\\(\"Ex\\d\\d\\W*([^\"]*)\"\\)");

    private final Layout layout;
    private final List<Path> harness;
    private final Path gradeDir;
    private final Sandbox sandbox;

    /**
     * @param layout  the exercises module
     * @param harness the grader's classes and its libraries: the head of every test JVM's class path
     */
    Grader(Layout layout, List<Path> harness) {
        this(layout, harness, Sandbox.choose());
    }

    Grader(Layout layout, List<Path> harness, Sandbox sandbox) {
        this.layout = layout;
        this.harness = List.copyOf(harness);
        this.gradeDir = layout.gradeDir();
        this.sandbox = sandbox;
    }

    /**
     * Grades and prints the scoreboard.
     *
     * @param args the exercises module's folder, then {@code strict=}, {@code groups=}, {@code verbose=} and
     *             {@code watch=}: a bare {@code -Dstrict} arrives as "true"; groups {@code ex01,ex03}, empty = all
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: Grader <module> <strict> <groups> <verbose> <watch>");
        }
        Layout layout = new Layout(Path.of(args[0]).toAbsolutePath());
        Grader grader = new Grader(layout, execClasspath());
        PrintStream out = System.out;
        if (System.getProperty(Sandbox.PROPERTY) != null) {
            out.println(grader.sandbox.describe());
        }
        for (int i = 1; i < args.length; i++) {
            args[i] = args[i].substring(args[i].indexOf('=') + 1);
        }
        List<Layout.Exercise> selected;
        try {
            selected = select(layout.exercises(), args[2]);
        } catch (IllegalArgumentException e) {
            out.println("Cannot grade: " + e.getMessage());
            out.flush();
            System.exit(2);
            return;
        }
        if (flag(args[4])) {
            new Watch(grader, layout).run(out);
            return;
        }
        List<ExerciseGrade> grades = grader.grade(selected);
        String tampered = SuiteChecksums.warning(layout.module().getParent());
        if (!tampered.isEmpty()) {
            out.println(tampered);
        }
        out.println(Scoreboard.render(grades, flag(args[3]), grader.resultsJson()));
        String reason = Scoreboard.strictFailure(grades);
        if (flag(args[1]) && reason != null) {
            out.println(reason);
            out.flush();
            System.exit(1);
        }
    }

    /** Compiles and runs the exercises, writes the grade files and returns the grades. */
    List<ExerciseGrade> grade(List<Layout.Exercise> exercises) throws IOException, InterruptedException {
        Files.createDirectories(gradeDir);
        GradeFiles.clear(gradeDir);
        return gradeNow(exercises, null, compiler().compile(exercises));
    }

    /** As {@link #grade}, once the exercises are compiled, with a test JVM that may be waiting already. */
    List<ExerciseGrade> gradeNow(List<Layout.Exercise> exercises, TestJvm ready,
                                 Map<String, String> compileErrors) throws IOException, InterruptedException {
        List<String> tags = exercises.stream().filter(e -> !compileErrors.containsKey(e.id()))
                .map(Layout.Exercise::tag).collect(Collectors.toList());
        if (tags.isEmpty() && ready != null) {
            Sandbox.kill(ready.process());
        }
        List<Check> checks = tags.isEmpty() ? List.of()
                : ready != null || tags.size() < 2 || Runtime.getRuntime().availableProcessors() < 2
                ? runChecks(tags, ready, "a") : runInTwoLanes(exercises, tags);
        List<ExerciseGrade> grades = new ArrayList<>();
        for (Layout.Exercise e : exercises) {
            grades.add(assemble(e, checks, compileErrors.getOrDefault(e.id(), "")));
        }
        GradeFiles.write(gradeDir, grades);
        return grades;
    }

    /** The compiler for this grader's exercises, against the harness's libraries. */
    ExerciseCompiler compiler() {
        return new ExerciseCompiler(layout, harness.stream().filter(Files::isRegularFile).collect(Collectors.toList()));
    }

    /** Harness first, then the suite, the given classes and the learner's checked classes. */
    private List<Path> testClasspath() {
        List<Path> path = new ArrayList<>(harness);
        path.add(layout.suiteClasses());
        path.add(layout.givenClasses());
        layout.exercises().forEach(e -> path.add(layout.classesOf(e)));
        return path;
    }

    Path resultsJson() {
        return gradeDir.resolve(GradeFiles.RESULTS_JSON);
    }

    /**
     * Runs the checks of the exercises with these tags in a test JVM; if it dies, marks the check it was
     * running with the reason and runs the rest in a fresh one.
     */
    List<Check> runChecks(List<String> tags) throws IOException, InterruptedException {
        return runChecks(tags, null, "a");
    }

    /**
     * Two test JVMs side by side, each with about half of the work (the suites' sizes stand for it): the grade
     * takes about half as long on two cores. A crash in one lane is handled within that lane.
     */
    private List<Check> runInTwoLanes(List<Layout.Exercise> exercises, List<String> tags)
            throws IOException, InterruptedException {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        long weightA = 0;
        long weightB = 0;
        List<Layout.Exercise> heaviestFirst = exercises.stream().filter(e -> tags.contains(e.tag()))
                .sorted(Comparator.comparingLong((Layout.Exercise e) -> e.testSource().toFile().length()).reversed())
                .collect(Collectors.toList());
        for (Layout.Exercise e : heaviestFirst) {
            if (weightA <= weightB) {
                a.add(e.tag());
                weightA += e.testSource().toFile().length();
            } else {
                b.add(e.tag());
                weightB += e.testSource().toFile().length();
            }
        }
        java.util.concurrent.CompletableFuture<List<Check>> laneB = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return runChecks(b, null, "b");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
        List<Check> checks = new ArrayList<>(runChecks(a, null, "a"));
        checks.addAll(laneB.join());
        return checks;
    }

    /**
     * As {@link #runChecks(List)}, handing the first run to {@code ready}, a test JVM started ahead of time by
     * {@link #startTestJvm} with no tags (null: start one now).
     */
    List<Check> runChecks(List<String> tags, TestJvm ready, String lane) throws IOException, InterruptedException {
        Map<String, Check> done = new LinkedHashMap<>();
        Map<String, String> planned = new LinkedHashMap<>();
        for (int attempt = 1; attempt <= 50; attempt++) {
            TestJvm jvm;
            if (attempt == 1 && ready != null) {
                jvm = ready;
                jvm.send(tags);
            } else {
                Files.write(skipFile(lane), done.keySet(), StandardCharsets.UTF_8);
                jvm = startTestJvm(lane, attempt, tags);
            }
            boolean exited = jvm.process.waitFor(JVM_LIMIT_SECONDS, TimeUnit.SECONDS);
            Sandbox.kill(jvm.process); // it, and anything it left running
            jvm.process.waitFor();
            Run run = Run.read(jvm.report, jvm.key);
            planned.putAll(run.planned);
            done.putAll(run.finished);
            if (run.complete) {
                break;
            }
            String reason = !exited ? "the test JVM ran past " + JVM_LIMIT_SECONDS + " s and was stopped"
                    : run.crash != null ? crashReason(run.crash)
                    : run.exited ? "the test JVM was stopped by a call to System.exit (or Runtime.exit) here"
                    : "the test JVM died here (exit code " + jvm.process.exitValue() + "; see " + jvm.log + ")";
            if (run.started.isEmpty()) {
                // nothing to blame: report the reason on a placeholder check rather than loop, and on every
                // check method that has not reported yet (below)
                done.put("jvm-" + attempt, new Check(tags.get(0).replace("ex", "Ex"), tags.get(0) + ".?", "",
                        "the test JVM", Check.Verdict.CRASHED, reason));
                planned.replaceAll((id, task) -> task + "\t" + reason);
                break;
            }
            run.started.forEach((id, check) -> done.put(id, new Check(check.exercise(), check.task(),
                    check.method(), check.name(), Check.Verdict.CRASHED, reason)));
        }
        // a check method of the plan with no signed result (it never ran, or its lines were cut) is not passed
        planned.forEach((id, task) -> {
            if (done.keySet().stream().noneMatch(d -> d.startsWith(id))) {
                String[] f = task.split("\t", 2);
                String method = id.replaceAll(".*\\[(?:method|test-template):([^(\\]]*).*", "$1");
                done.put(id, new Check("Ex" + f[0].substring(2, 4), f[0], method, method,
                        Check.Verdict.NOT_RUN, f.length > 1 ? f[1] : "this check never reported a result"));
            }
        });
        return new ArrayList<>(done.values());
    }

    /** A test JVM, the files it writes and the key that signs its report. */
    record TestJvm(Process process, Path report, Path log, String key) {
        /** Hands the tags to a JVM started without them. */
        void send(List<String> tags) throws IOException {
            process.getOutputStream().write((String.join(" ", tags) + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
    }

    private Path skipFile(String lane) {
        return gradeDir.resolve("skip-" + lane + ".txt");
    }

    /** Starts a test JVM for these tags; with none, it loads JUnit and waits for them on its standard input. */
    TestJvm startTestJvm(String lane, int attempt, List<String> tags) throws IOException {
        Files.createDirectories(gradeDir);
        Files.createDirectories(gradeDir.resolve(JVM_DIR));
        Path report = gradeDir.resolve(JVM_DIR).resolve("checks-" + lane + attempt + ".txt");
        Path log = gradeDir.resolve("test-jvm-" + lane + attempt + ".log");
        Files.deleteIfExists(report);
        if (attempt == 1) {
            Files.deleteIfExists(skipFile(lane));
        }
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(TEST_JVM);
        java.add("-D" + RunawayGuard.SKIP_FILE + "=" + skipFile(lane));
        java.add("-D" + CheckRunner.SUITE + "=" + layout.suiteClasses());
        List<Path> classpath = testClasspath();
        java.addAll(List.of("-cp", classpath.stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)), CheckRunner.class.getName(), report.toString()));
        java.addAll(tags.isEmpty() ? List.of("-") : tags);
        List<Path> readable = new ArrayList<>(classpath);
        readable.add(0, layout.module());
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(report.getParent(), readable, java)).redirectErrorStream(true).redirectOutput(log.toFile());
        String key = SignedLog.newKey();
        Process process = builder.start();
        process.getOutputStream().write((key + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        if (!tags.isEmpty()) {
            process.getOutputStream().close();
        }
        return new TestJvm(process, report, log, key);
    }

    private static String crashReason(String error) {
        if (error.contains("OutOfMemoryError")) {
            return "ran out of memory (" + error + "): an enormous array, or a collection that grows forever? "
                    + "The test JVM has " + TEST_JVM.get(0).substring(4) + " of heap";
        }
        return "stopped the test JVM: " + error;
    }

    /** What one test JVM reported. */
    static final class Run {
        final Map<String, String> planned = new LinkedHashMap<>();
        final Map<String, Check> started = new LinkedHashMap<>();
        final Map<String, Check> finished = new LinkedHashMap<>();
        boolean complete;
        boolean exited;
        String crash;

        /** The report's signed lines only: anything the exercise code wrote into it is ignored. */
        static Run read(Path report, String key) throws IOException {
            Run run = new Run();
            for (String line : SignedLog.verifiedLines(report, key)) {
                String[] f = line.split("\t", 3);
                switch (f[0]) {
                    case "P" -> run.planned.put(Check.unescape(f[1]), f[2]);
                    case "S" -> run.started.put(Check.unescape(f[1]), Check.fromLine(f[2]));
                    case "F" -> {
                        String id = Check.unescape(f[1]);
                        run.started.remove(id);
                        run.finished.put(id, Check.fromLine(f[2]));
                    }
                    case "X" -> run.crash = Check.unescape(f[1]);
                    case "E" -> run.exited = true;
                    case "END" -> run.complete = true;
                    default -> { }
                }
            }
            return run;
        }
    }

    /** One exercise's grade: its tasks in the suite's order, each with its checks in the suite's order. */
    ExerciseGrade assemble(Layout.Exercise exercise, List<Check> checks, String compileError) throws IOException {
        String suite = Files.readString(exercise.testSource(), StandardCharsets.UTF_8);
        Matcher title = TITLE.matcher(suite);
        Set<String> taskIds = new LinkedHashSet<>();
        for (Matcher m = TASK_TAG.matcher(suite); m.find(); ) {
            taskIds.add(m.group(1));
        }
        Comparator<Check> suiteOrder = Comparator.comparingInt(c -> {
            int at = suite.indexOf(" " + c.method() + "(");
            return at < 0 ? Integer.MAX_VALUE : at;
        });
        List<Check> own = checks.stream().filter(c -> c.exercise().equals(exercise.id()))
                .collect(Collectors.toList());
        own.stream().map(Check::task).forEach(taskIds::add);
        List<TaskGrade> tasks = new ArrayList<>();
        for (String task : taskIds) {
            tasks.add(new TaskGrade(task, own.stream().filter(c -> c.task().equals(task)).sorted(suiteOrder)
                    .collect(Collectors.toList())));
        }
        return new ExerciseGrade(exercise.id(), title.find() ? title.group(1) : exercise.className().substring(4),
                tasks, compileError);
    }

    /** {@code ex01,ex03} (or task ids such as {@code ex03.relu}, which select their exercise); empty = all. */
    static List<Layout.Exercise> select(List<Layout.Exercise> all, String groups) {
        if (groups == null || groups.isBlank()) {
            return all;
        }
        Set<String> wanted = Arrays.stream(groups.split("[,\\s|]+")).map(g -> g.toLowerCase(Locale.ROOT))
                .map(g -> g.contains(".") ? g.substring(0, g.indexOf('.')) : g).collect(Collectors.toSet());
        List<Layout.Exercise> selected = all.stream().filter(e -> wanted.contains(e.tag()))
                .collect(Collectors.toList());
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("groups must name exercises ex01 ... ex"
                    + String.format("%02d", all.size()) + ", got '" + groups + "'");
        }
        return selected;
    }

    static boolean flag(String value) {
        return Boolean.parseBoolean(value);
    }

    /** The class path of this class's loader: the grader's classes and their libraries ({@link Grade}). */
    static List<Path> execClasspath() {
        List<Path> paths = new ArrayList<>();
        ClassLoader loader = Grader.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("classpath entry " + url, e);
                }
            }
        }
        if (paths.isEmpty()) {
            Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                    .forEach(paths::add);
        }
        return paths;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
