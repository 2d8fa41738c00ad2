package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds what a grade runs, in three steps that never mix the learner's code with the grader's:
 * <ol>
 *   <li>the given classes, from their own source root, into {@code build/given};
 *   <li>each exercise on its own, into {@code build/ExNN}, then checked: it may declare only its own class and
 *       classes nested in it (javac decodes Unicode escapes before it reads comments, so only the class files
 *       tell what a file declares), and it may use only what {@link AllowedApi} allows;
 *   <li>the hidden suite, from its own sources, against the exercises that passed, into {@code build/suite};
 *       again whenever the suite's source (by content) or what it compiles against in the exercise's classes
 *       changed (a suite class is never trusted because it looks newer than its source).
 * </ol>
 * An exercise is rebuilt only when its source's content changed since its last successful build. No annotation
 * processor runs. An exercise that passed is also copied to {@code target/classes}, where theory and the figures
 * find the learner's code; one that does not compile is removed from there.
 */
final class ExerciseCompiler {
    private static final String SOURCE_HASH = ".source.sha256";

    private final Layout layout;
    private final List<Path> libraries;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private boolean givenCompiled;

    /**
     * @param layout    the exercises module
     * @param libraries the jars the exercises and the suite compile against (JUnit, AssertJ, commons-math3)
     */
    ExerciseCompiler(Layout layout, List<Path> libraries) {
        this.layout = layout;
        this.libraries = List.copyOf(libraries);
    }

    /** Why an exercise cannot run: the scoreboard's status for it, and the message. */
    record Problem(ExerciseGrade.Status kind, String message) {}

    /**
     * Builds and checks the exercises ({@link #build}), then compiles their suites.
     *
     * @return why each exercise that cannot be graded cannot (javac's diagnostics, a class it may not declare,
     *         what it may not use, a signature of its stub it lacks, a missing suite), by exercise id; the others
     *         are ready to run
     */
    Map<ExerciseId, Problem> compile(List<Layout.Exercise> exercises) {
        Map<ExerciseId, Problem> problems = build(exercises);
        List<Layout.Exercise> built = new ArrayList<>();
        for (Layout.Exercise exercise : exercises) {
            if (problems.containsKey(exercise.id())) {
                continue;
            }
            if (Files.exists(exercise.testSource())) {
                built.add(exercise);
            } else {
                problems.put(exercise.id(), missingSuite(exercise));
                forgetSuite(exercise);
            }
        }
        problems.putAll(compileSuites(built));
        return problems;
    }

    /**
     * Maven's compile phase, and the first step of every grade: the given classes, then each exercise on its own,
     * compiled and checked. Maven's {@code target/classes} gets the given classes and each exercise that may run;
     * one that may not gets its stub in its place ({@link ExerciseApi#standIn}), so that theory and the figures
     * always compile, and name the exercise where they need it.
     *
     * @return why each exercise that cannot run cannot, by exercise id
     */
    Map<ExerciseId, Problem> build(List<Layout.Exercise> exercises) {
        compileGiven();
        Map<ExerciseId, Problem> problems = new LinkedHashMap<>();
        for (Layout.Exercise exercise : exercises) {
            Problem problem = upToDate(exercise) ? null : build(exercise);
            if (problem != null) {
                problems.put(exercise.id(), problem);
                forget(exercise);
                standIn(exercise, problem);
            }
        }
        return problems;
    }

    private Problem missingSuite(Layout.Exercise exercise) {
        return new Problem(ExerciseGrade.Status.SUITE_MISSING, "The hidden suite of " + exercise.id() + " is missing: " + layout.module().getFileName()
                + "/" + layout.module().relativize(exercise.testSource()).toString().replace(File.separatorChar, '/')
                + ". Restore it (git checkout, or the copy your course gave you): without it " + exercise.id()
                + " cannot be graded, and scores 0.");
    }

    /** True when the exercise was built and checked from exactly the source it has now. */
    boolean upToDate(Layout.Exercise exercise) {
        Path hash = layout.classesOf(exercise).resolve(SOURCE_HASH);
        try {
            return Files.exists(hash) && Files.readString(hash).equals(SuiteChecksums.sha256(exercise.source()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads javac and runs it once, so that the first save in watch mode is fast. */
    void warmUp() {
        List<Layout.Exercise> all = layout.exercises();
        if (!all.isEmpty()) {
            Path scratch = layout.build().resolve("warm-up");
            javac(List.of(all.get(0).source()), scratch, List.of(layout.givenClasses()));
            deleteTree(scratch);
        }
    }

    /**
     * The given classes, compiled again only when their sources changed (by content), and copied to Maven's {@code
     * target/classes}, where the exercises find them when theory and the figures run. Once per compiler: the given
     * sources are not the learner's to change while the grade runs.
     */
    private void compileGiven() {
        if (givenCompiled || !Files.isDirectory(layout.givenRoot())) {
            return;
        }
        givenCompiled = true;
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(layout.givenRoot())) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path key = layout.givenClasses().resolve(SOURCE_HASH);
            StringBuilder hashes = new StringBuilder();
            for (Path source : sources) {
                hashes.append(SuiteChecksums.sha256(source)).append(' ').append(layout.givenRoot().relativize(source))
                        .append('\n');
            }
            if (!Files.exists(key) || !Files.readString(key).equals(hashes.toString())) {
                deleteTree(layout.givenClasses());
                String errors = javac(sources, layout.givenClasses(), List.of());
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("the given classes do not compile (restore exercises/src/given):\n"
                            + errors);
                }
                Files.writeString(key, hashes);
            }
            for (Path file : classFiles(layout.givenClasses())) {
                Path destination = layout.classes().resolve(layout.givenClasses().relativize(file));
                if (!Files.exists(destination) || Files.size(destination) != Files.size(file)) {
                    Files.createDirectories(destination.getParent());
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One exercise on its own: compiled, then checked; returns what is wrong, {@code null} when it may run. */
    private Problem build(Layout.Exercise exercise) {
        Path out = layout.classesOf(exercise);
        deleteTree(out);
        String errors = javac(List.of(exercise.source()), out, List.of(layout.givenClasses()));
        if (!errors.isEmpty()) {
            return new Problem(ExerciseGrade.Status.DOES_NOT_COMPILE, errors);
        }
        List<Path> classes = classFiles(out);
        String declared = declarationProblem(exercise, out, classes);
        if (!declared.isEmpty()) {
            return new Problem(ExerciseGrade.Status.NOT_ALLOWED, declared);
        }
        try {
            List<String> refusals = AllowedApi.refusals(exercise.id().number(), classes);
            if (!refusals.isEmpty()) {
                return new Problem(ExerciseGrade.Status.NOT_ALLOWED, ruleOnce(refusals));
            }
            Optional<String> missing = layout.stubSources().equals(layout.mainSources()) ? Optional.empty()
                    : stubApi(exercise).flatMap(api -> api.missing(ExerciseApi.of(classes),
                            exercise.source().getFileName().toString()));
            if (missing.isPresent()) {
                return new Problem(ExerciseGrade.Status.DOES_NOT_COMPILE, missing.get());
            }
            Files.writeString(out.resolve(SOURCE_HASH), SuiteChecksums.sha256(exercise.source()));
            publish(exercise, out, classes);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API of the exercise's stub, or empty when there is no stub, or it does not compile. */
    private Optional<ExerciseApi> stubApi(Layout.Exercise exercise) {
        List<Path> stub = stubClasses(exercise);
        return stub.isEmpty() ? Optional.empty() : Optional.of(ExerciseApi.of(stub));
    }

    /** The stub's class files, compiled once per content of the stub; empty when it is missing or does not compile. */
    private List<Path> stubClasses(Layout.Exercise exercise) {
        Path stub = layout.stubSources().resolve(exercise.source().getFileName());
        Path out = layout.stubClasses(exercise);
        Path key = out.resolve(SOURCE_HASH);
        try {
            if (!Files.exists(stub)) {
                return List.of();
            }
            String hash = SuiteChecksums.sha256(stub);
            if (!Files.exists(key) || !Files.readString(key).equals(hash)) {
                deleteTree(out);
                if (!javac(List.of(stub), out, List.of(layout.givenClasses())).isEmpty()) {
                    return List.of();
                }
                Files.writeString(key, hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classFiles(out);
    }

    /**
     * Puts the stub of an exercise that cannot run where Maven's own build of it would be, its messages saying why
     * ("Ex02Tanh.tanh is not implemented yet (Ex02Tanh.java does not compile, so its stub stands in: ./mvnw test
     * shows why)"); without a stub that compiles, the exercise's classes are only removed from there.
     */
    private void standIn(Layout.Exercise exercise, Problem problem) {
        List<Path> stub = stubClasses(exercise);
        Set<Path> standIn = stub.stream().map(f -> layout.classes().resolve(layout.stubClasses(exercise).relativize(f)))
                .collect(Collectors.toSet());
        removeFromMavenClasses(exercise, standIn); // an older version's classes: theory and figures would run them
        if (!stub.isEmpty()) {
            String file = exercise.source().getFileName().toString();
            String reason = switch (problem.kind()) {
                case NOT_ALLOWED -> file + " uses what graded code may not, so its stub stands in: ./mvnw test says what";
                default -> file + " does not compile with the workbook, so its stub stands in: ./mvnw test shows why";
            };
            ExerciseApi.standIn(stub, layout.stubClasses(exercise), layout.classes(), reason);
        }
    }

    /**
     * Refusals as the scoreboard shows them: what was used where, a line each, and the rule once after the lines it
     * explains ({@code "Ex01Sigmoid.sigmoid, line 39, uses Class.forName: graded exercises may use only ..."}).
     */
    static String ruleOnce(List<String> refusals) {
        StringBuilder out = new StringBuilder();
        String rule = null;
        for (String refusal : refusals) {
            int uses = refusal.indexOf(" uses ");
            int at = uses < 0 ? -1 : refusal.indexOf(": ", uses);
            String next = at < 0 ? null : refusal.substring(at + 2);
            if (rule != null && !rule.equals(next)) {
                out.append("  ").append(rule).append('\n');
            }
            out.append(at < 0 ? refusal : refusal.substring(0, at)).append('\n');
            rule = next;
        }
        return (rule == null ? out : out.append("  ").append(rule)).toString().stripTrailing();
    }

    /** Empty when the file declared its class and nothing but classes nested in it. */
    private static String declarationProblem(Layout.Exercise exercise, Path out, List<Path> classes) {
        String own = "workbook/exercises/" + exercise.className();
        List<String> foreign = new ArrayList<>();
        boolean declaresOwn = false;
        for (Path file : classes) {
            String name = out.relativize(file).toString().replace(File.separatorChar, '/').replaceAll("\\.class$", "");
            if (name.equals(own)) {
                declaresOwn = true;
            } else if (!name.startsWith(own + "$")) {
                foreign.add(name.replace('/', '.'));
            }
        }
        String file = exercise.source().getFileName().toString();
        if (!foreign.isEmpty()) {
            return file + " declares " + String.join(", ", foreign) + ": an exercise file may declare only the class "
                    + "workbook.exercises." + exercise.className() + " and classes nested in it";
        }
        return declaresOwn ? "" : file + " does not declare the class workbook.exercises." + exercise.className()
                + " (check its package line and its class name)";
    }

    /**
     * The suites of the built exercises, from their pristine sources: all in one javac run, and one by one if that
     * fails, so that an exercise whose methods the suite cannot call costs that exercise only. A suite whose
     * classes were compiled from exactly this suite source and this exercise source is not compiled again.
     */
    private Map<ExerciseId, Problem> compileSuites(List<Layout.Exercise> built) {
        Map<ExerciseId, Problem> problems = new LinkedHashMap<>();
        List<Layout.Exercise> stale = built.stream().filter(e -> !suiteUpToDate(e)).collect(Collectors.toList());
        if (stale.isEmpty()) {
            return problems;
        }
        stale.forEach(this::forgetSuite);
        Path scratch = layout.build().resolve("suite-scratch");
        if (suite(stale, scratch).isEmpty()) {
            moveClasses(scratch, layout.suiteClasses());
            stale.forEach(this::rememberSuite);
            return problems;
        }
        for (Layout.Exercise exercise : stale) {
            String errors = suite(List.of(exercise), scratch);
            if (errors.isEmpty()) {
                moveClasses(scratch, layout.suiteClasses());
                rememberSuite(exercise);
            } else {
                problems.put(exercise.id(), new Problem(ExerciseGrade.Status.DOES_NOT_COMPILE,
                        "The hidden suite cannot call " + exercise.className() + " as the "
                        + "stub declares it (a changed signature, or a deleted method?):\n" + errors));
                forget(exercise);
            }
        }
        return problems;
    }

    /**
     * What a suite's classes were compiled from: the suite's source, by content, and what it compiles against in
     * the exercise's classes ({@link ExerciseApi#compiledAgainst}), so that an edit inside a method body does not
     * compile the suite again.
     */
    private String suiteKey(Layout.Exercise exercise) {
        try {
            Path classes = layout.classesOf(exercise);
            return SuiteChecksums.sha256(exercise.testSource()) + " "
                    + ExerciseApi.compiledAgainst(classes, classFiles(classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path suiteKeyFile(Layout.Exercise exercise) {
        return layout.suiteClasses().resolve("." + exercise.id() + ".sha256");
    }

    private boolean suiteUpToDate(Layout.Exercise exercise) {
        Path key = suiteKeyFile(exercise);
        try {
            return Files.exists(key) && Files.readString(key).equals(suiteKey(exercise)) && Files.exists(layout
                    .suiteClasses().resolve("workbook/exercises/" + exercise.className() + "Test.class"));
        } catch (IOException e) {
            return false;
        }
    }

    private void rememberSuite(Layout.Exercise exercise) {
        try {
            Files.writeString(suiteKeyFile(exercise), suiteKey(exercise));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an exercise's suite classes and their key, so that no stale suite class is ever run. */
    private void forgetSuite(Layout.Exercise exercise) {
        Path folder = layout.suiteClasses().resolve("workbook/exercises");
        try {
            Files.deleteIfExists(suiteKeyFile(exercise));
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    for (Path p : list.filter(p -> isClassOf(exercise, p.getFileName().toString().replaceFirst(
                            "Test(?=[$.])", ""))).collect(Collectors.toList())) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String suite(List<Layout.Exercise> exercises, Path out) {
        deleteTree(out);
        List<Path> classpath = new ArrayList<>(List.of(layout.givenClasses()));
        exercises.forEach(e -> classpath.add(layout.classesOf(e)));
        return javac(exercises.stream().map(Layout.Exercise::testSource).collect(Collectors.toList()), out, classpath);
    }

    /** Compiles sources into {@code out} against the libraries and {@code classpath}; returns the errors. */
    private String javac(List<Path> sources, Path out, List<Path> classpath) {
        try {
            Files.createDirectories(out);
            Path noSources = Files.createDirectories(layout.build().resolve("no-sources"));
            List<Path> path = new ArrayList<>(libraries);
            path.addAll(classpath);
            List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-nowarn", "-proc:none",
                    "-implicit:none", "-sourcepath", noSources.toString(), "-d", out.toString(),
                    "-cp", path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(sources)).call();
                return ok ? "" : format(diagnostics.getDiagnostics());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a checked exercise's classes to {@code target/classes}, replacing its old ones. */
    private void publish(Layout.Exercise exercise, Path out, List<Path> classes) throws IOException {
        removeFromMavenClasses(exercise);
        for (Path file : classes) {
            Path destination = layout.classes().resolve(out.relativize(file));
            Files.createDirectories(destination.getParent());
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * An exercise that cannot be graded leaves no classes in the grade's build. Maven's own compile of it, in
     * {@code target/classes}, stays where it compiled: theory and the figures, which grade nothing, may run it.
     */
    private void forget(Layout.Exercise exercise) {
        deleteTree(layout.classesOf(exercise));
        forgetSuite(exercise);
    }

    private void removeFromMavenClasses(Layout.Exercise exercise) {
        removeFromMavenClasses(exercise, Set.of());
    }

    private void removeFromMavenClasses(Layout.Exercise exercise, Set<Path> keep) {
        Path folder = layout.classes().resolve("workbook/exercises");
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(p -> isClassOf(exercise, p.getFileName().toString()) && !keep.contains(p))
                    .collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isClassOf(Layout.Exercise exercise, String fileName) {
        return fileName.equals(exercise.className() + ".class") || fileName.startsWith(exercise.className() + "$");
    }

    private static void moveClasses(Path from, Path to) {
        try {
            for (Path file : classFiles(from)) {
                Path destination = to.resolve(from.relativize(file));
                Files.createDirectories(destination.getParent());
                Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> classFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac's own layout: "File.java:12: error: message", the source line, a caret under the column. */
    static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName().toString();
            out.append(file).append(':').append(d.getLineNumber()).append(": error: ")
               .append(d.getMessage(Locale.ROOT)).append('\n');
            String line = sourceLine(d);
            if (line != null) {
                out.append(line).append('\n');
                out.append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1))).append("^\n");
            }
        }
        return out.toString().isEmpty() ? "javac failed without an error message" : out.toString().stripTrailing();
    }

    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() < 1) {
            return null;
        }
        try {
            String[] lines = d.getSource().getCharContent(true).toString().split("\\R", -1);
            return d.getLineNumber() <= lines.length ? lines[(int) d.getLineNumber() - 1].replace('\t', ' ') : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
