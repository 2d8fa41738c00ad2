package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles exercises with {@code javax.tools}, each on its own when they do not compile together, so that a
 * syntax error in one exercise costs that exercise only. An exercise is compiled with the given source root
 * ({@code src/given/java}, when there is one) and its hidden-suite class; its classes go to
 * {@code target/classes} (where the figures and the theory find them) and the suite's to
 * {@code target/test-classes}.
 */
final class ExerciseCompiler {
    private final Layout layout;
    private final List<Path> classpath;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    ExerciseCompiler(Layout layout, List<Path> classpath) {
        this.layout = layout;
        this.classpath = classpath;
    }

    /** True when the exercise's and its suite's class files are newer than their sources. */
    boolean upToDate(Layout.Exercise exercise) {
        return newer(exercise.mainClass(), exercise.source()) && testUpToDate(exercise);
    }

    /** The suite's class is newer than its source: an exercise saved again needs no new suite class. */
    private static boolean testUpToDate(Layout.Exercise exercise) {
        return newer(exercise.testClass(), exercise.testSource());
    }

    /** Loads javac and runs it once on the first exercise into a scratch folder, so the first save is fast. */
    void warmUp() throws IOException {
        List<Layout.Exercise> all = layout.exercises();
        if (!all.isEmpty()) {
            Path scratch = layout.target().resolve("grade/warm-up");
            Files.createDirectories(scratch);
            List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-nowarn", "-proc:none", "-d",
                    scratch.toString(), "-cp", classpath.stream().map(Path::toString)
                            .collect(Collectors.joining(File.pathSeparator)));
            try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
                javac.getTask(new StringWriter(), files, d -> { }, options, null,
                        files.getJavaFileObjects(all.get(0).source().toFile(), all.get(0).testSource().toFile()))
                        .call();
            }
            deleteTree(scratch);
        }
    }

    /**
     * Compiles the exercises that are not up to date: all in one go, and one by one if that fails.
     *
     * @return javac's diagnostics of every exercise that does not compile, by exercise id
     */
    Map<String, String> compile(List<Layout.Exercise> exercises) {
        List<Layout.Exercise> stale = exercises.stream().filter(e -> !upToDate(e)).collect(Collectors.toList());
        Map<String, String> errors = new LinkedHashMap<>();
        if (stale.isEmpty() || run(stale).isEmpty()) {
            return errors;
        }
        for (Layout.Exercise exercise : stale) {
            String diagnostics = run(List.of(exercise));
            if (!diagnostics.isEmpty()) {
                errors.put(exercise.id(), diagnostics);
                delete(exercise);
            }
        }
        return errors;
    }

    /** Compiles into a scratch folder and moves the classes on success; returns the errors, empty if none. */
    private String run(List<Layout.Exercise> exercises) {
        Path scratch = layout.target().resolve("grade/javac");
        try {
            deleteTree(scratch);
            Files.createDirectories(scratch);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<File> sources = new ArrayList<>();
                for (Layout.Exercise e : exercises) {
                    sources.add(e.source().toFile());
                    if (!testUpToDate(e)) {
                        sources.add(e.testSource().toFile());
                    }
                }
                List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
                        "-implicit:class", "-proc:none", "-d", scratch.toString(),
                        "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
                if (Files.isDirectory(layout.givenRoot())) {
                    options.addAll(List.of("-sourcepath", layout.givenRoot().toString()));
                }
                boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                        files.getJavaFileObjectsFromFiles(sources)).call();
                if (!ok) {
                    return format(diagnostics.getDiagnostics());
                }
            }
            moveClasses(scratch);
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Suite classes (names ending in Test, and their nested classes) to test-classes, the rest to classes. */
    private void moveClasses(Path scratch) throws IOException {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(scratch)) {
            classes = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        for (Path file : classes) {
            Path relative = scratch.relativize(file);
            String name = file.getFileName().toString();
            boolean test = name.matches("Ex\\d\\d\\w*Test(\\$.*)?\\.class")
                    && relative.startsWith(Path.of("workbook", "exercises"));
            Path destination = (test ? layout.testClasses() : layout.classes()).resolve(relative);
            Files.createDirectories(destination.getParent());
            Files.move(file, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes an exercise's stale classes, so that neither the grade nor the figures run old code. */
    private void delete(Layout.Exercise exercise) {
        try {
            for (Path dir : List.of(layout.classes(), layout.testClasses())) {
                Path folder = dir.resolve("workbook/exercises");
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> list = Files.list(folder)) {
                    for (Path p : list.filter(p -> p.getFileName().toString().startsWith(exercise.className()))
                            .collect(Collectors.toList())) {
                        Files.delete(p);
                    }
                }
            }
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

    private static boolean newer(Path classFile, Path source) {
        try {
            return Files.exists(classFile)
                    && Files.getLastModifiedTime(classFile).compareTo(Files.getLastModifiedTime(source)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
