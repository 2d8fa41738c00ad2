package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grade behind {@code ./mvnw test}, in three stages: build ({@link ExerciseCompiler}: each exercise on its own,
 * checked before it runs; a syntax error, a foreign class or a forbidden call costs that exercise only), run
 * ({@link TestJvms}: the checks in sandboxed test JVMs), and grade: the checks assembled into tasks and exercises
 * in the order of the test plan, written to the grade files and printed as the scoreboard, last.
 */
public final class Grader {
    private final Layout layout;
    private final List<Path> harness;
    private final TestJvms jvms;

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
        this.jvms = new TestJvms(layout, harness, sandbox);
    }

    /**
     * Grades and prints the scoreboard (run through {@link Grade}, in a class loader of the grader's own).
     *
     * @param args the exercises module's folder, then {@code strict=}, {@code groups=}, {@code verbose=} and
     *             {@code watch=}: a bare {@code -Dstrict} arrives as "true"; groups {@code ex01,ex03}, empty = all.
     *             Or the folder and {@code build}: Maven's compile phase, which builds the exercises and grades
     *             nothing ({@link ExerciseCompiler#build})
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[1].equals("build")) { // Maven's compile phase: see ExerciseCompiler.build
            Layout layout = new Layout(Path.of(args[0]).toAbsolutePath());
            new ExerciseCompiler(layout, jars(execClasspath())).build(layout.exercises());
            return;
        }
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: Grader <module> build | Grader <module> <strict> <groups> "
                    + "<verbose> <watch>");
        }
        Layout layout = new Layout(Path.of(args[0]).toAbsolutePath());
        Grader grader = new Grader(layout, execClasspath());
        PrintStream out = System.out;
        if (System.getProperty(Sandbox.PROPERTY) != null) {
            out.println(grader.jvms.sandbox().describe());
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
            new Watch(grader, layout, System.in).run(out);
            return;
        }
        List<ExerciseGrade> grades = grader.grade(selected);
        String tampered = SuiteChecksums.warning(layout.module().getParent());
        if (!tampered.isEmpty()) {
            out.println(tampered);
        }
        out.println(Scoreboard.render(grades, flag(args[3]), grader.resultsJson(), following(layout.exercises(),
                selected)));
        String reason = Scoreboard.strictFailure(grades);
        if (flag(args[1]) && reason != null) {
            out.println(reason);
            out.flush();
            System.exit(1);
        }
    }

    /** Builds and runs the exercises, writes the grade files and returns the grades. */
    List<ExerciseGrade> grade(List<Layout.Exercise> exercises) throws IOException, InterruptedException {
        Files.createDirectories(layout.gradeDir());
        GradeFiles.clear(layout.gradeDir());
        return gradeNow(exercises, null, compiler().compile(exercises));
    }

    /** As {@link #grade}, once the exercises are built, with a test JVM that may be waiting already. */
    List<ExerciseGrade> gradeNow(List<Layout.Exercise> exercises, TestJvms.TestJvm ready,
                                 Map<ExerciseId, ExerciseCompiler.Problem> problems)
            throws IOException, InterruptedException {
        List<Layout.Exercise> runnable = exercises.stream().filter(e -> !problems.containsKey(e.id()))
                .collect(Collectors.toList());
        TestJvms.Outcome outcome = jvms.run(runnable, ready);
        List<ExerciseGrade> grades = new ArrayList<>();
        for (Layout.Exercise e : exercises) {
            grades.add(assemble(e, outcome, problems.get(e.id())));
        }
        GradeFiles.write(layout.gradeDir(), grades);
        GradeFiles.collectJUnitXml(layout.gradeDir().resolve(TestJvms.JVM_DIR), layout.gradeDir());
        jvms.prepareArchive();
        return grades;
    }

    /** The compiler for this grader's exercises, against the harness's libraries. */
    ExerciseCompiler compiler() {
        return new ExerciseCompiler(layout, jars(harness));
    }

    /** The libraries of a class path: what the exercises and the suite compile against. */
    static List<Path> jars(List<Path> classpath) {
        return classpath.stream().filter(Files::isRegularFile).collect(Collectors.toList());
    }

    TestJvms jvms() {
        return jvms;
    }

    Path resultsJson() {
        return layout.gradeDir().resolve(GradeFiles.RESULTS_JSON);
    }

    /**
     * One exercise's grade: its title and its tasks from the test plan, tasks in the order of their first check,
     * checks in the plan's order (the suite's declaration order, {@link DeclarationOrder}). An exercise that did
     * not run ({@code problem} is not null) has no plan: no tasks, and a title made from its class name.
     */
    static ExerciseGrade assemble(Layout.Exercise exercise, TestJvms.Outcome outcome,
                                  ExerciseCompiler.Problem problem) {
        List<String> methods = outcome.plan().stream().filter(p -> p.exercise().equals(exercise.id()))
                .map(ReportLine.Planned::method).collect(Collectors.toList());
        Set<String> taskIds = new LinkedHashSet<>();
        outcome.plan().stream().filter(p -> p.exercise().equals(exercise.id())).map(ReportLine.Planned::task)
                .forEach(taskIds::add);
        List<Check> own = outcome.checks().stream().filter(c -> c.exercise().equals(exercise.id()))
                .sorted(Comparator.comparingInt(c -> {
                    int at = methods.indexOf(c.method());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .collect(Collectors.toList());
        own.stream().map(Check::task).forEach(taskIds::add);
        List<TaskGrade> tasks = taskIds.stream()
                .map(t -> new TaskGrade(t, own.stream().filter(c -> c.task().equals(t)).collect(Collectors.toList())))
                .collect(Collectors.toList());
        String title = outcome.titles().getOrDefault(exercise.id(), titleOf(exercise));
        return problem == null ? new ExerciseGrade(exercise.id(), title, tasks, "")
                : new ExerciseGrade(exercise.id(), title, List.of(), problem.message(), problem.kind());
    }

    /** "Smooth activations" for {@code Ex07SmoothActivations}: the title of an exercise whose suite did not run. */
    private static String titleOf(Layout.Exercise exercise) {
        String words = CheckNames.sentence(exercise.className().substring(4));
        return words.isEmpty() ? exercise.className() : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code ex01,ex03} (or task ids such as {@code ex03.relu}, which select their exercise); empty = all. */
    static List<Layout.Exercise> select(List<Layout.Exercise> all, String groups) {
        if (groups == null || groups.isBlank()) {
            return all;
        }
        Set<ExerciseId> wanted = Arrays.stream(groups.split("[,\\s|]+")).map(g -> g.replaceFirst("\\..*", ""))
                .map(ExerciseId::find).flatMap(Optional::stream).collect(Collectors.toSet());
        List<Layout.Exercise> selected = all.stream().filter(e -> wanted.contains(e.id()))
                .collect(Collectors.toList());
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("groups must name exercises ex01 ... ex"
                    + String.format(Locale.ROOT, "%02d", all.size()) + ", got '" + groups + "'");
        }
        return selected;
    }

    /** For a grade of some exercises: the first exercise after the last of them, if there is one. */
    static Optional<ExerciseId> following(List<Layout.Exercise> all, List<Layout.Exercise> selected) {
        if (selected.size() == all.size() || selected.isEmpty()) {
            return Optional.empty();
        }
        int last = all.indexOf(selected.get(selected.size() - 1));
        return last + 1 < all.size() ? Optional.of(all.get(last + 1).id()) : Optional.empty();
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
