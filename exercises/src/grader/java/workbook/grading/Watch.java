package workbook.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import org.slf4j.helpers.NOPLogger;

/**
 * {@code ./mvnw test -Dwatch}: grades each exercise as soon as it is saved and prints its scoreboard. Javac stays
 * loaded in this JVM and the next test JVM is started (JUnit loaded) while you edit, so a save is graded in well
 * under a second. Where the file system sends no change events (some network or virtual-machine mounts),
 * pressing Enter grades every exercise changed since its last grade, or else the last one again.
 */
final class Watch {
    private final Grader grader;
    private final Layout layout;
    private final InputStream keys;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private Layout.Exercise last;

    /** @param keys where the learner presses Enter: the terminal's {@code System.in} */
    Watch(Grader grader, Layout layout, InputStream keys) {
        this.grader = grader;
        this.layout = layout;
        this.keys = keys;
    }

    void run(PrintStream out) throws IOException, InterruptedException {
        run(out, Integer.MAX_VALUE);
    }

    /** Grades everything, then {@code saves} saves (a test's bound; Ctrl+C ends the learner's watch). */
    void run(PrintStream out, int saves) throws IOException, InterruptedException {
        List<Layout.Exercise> exercises = layout.exercises();
        ExerciseCompiler compiler = grader.compiler();
        // everything once, then each save
        out.println(Scoreboard.render(grader.gradeNow(exercises, null, compiler.compile(exercises)), false,
                grader.resultsJson()));
        compiler.warmUp();
        startWatching();
        startReadingEnter();
        out.println("Watching " + Scoreboard.display(layout.mainSources()) + ": save an exercise to grade it. "
                + "Enter grades again by hand; Ctrl+C stops.");
        int runs = 1;
        TestJvms.TestJvm ready = grader.jvms().start("w", runs, List.of());
        for (int graded = 0; graded < saves; ) {
            String event = events.take();
            Thread.sleep(15); // an editor's save may arrive as several events (a temporary file, a rename): take them all
            List<String> more = new java.util.ArrayList<>();
            events.drainTo(more);
            List<Layout.Exercise> toGrade = exercisesFor(event, more, compiler);
            if (toGrade.isEmpty()) {
                continue;
            }
            long start = System.nanoTime();
            Map<ExerciseId, ExerciseCompiler.Problem> errors = compiler.compile(toGrade);
            long compiled = System.nanoTime();
            List<ExerciseGrade> grades = grader.gradeNow(toGrade, ready, errors);
            out.println(Scoreboard.render(grades, false, grader.resultsJson()));
            out.printf("(graded in %.2f s: compiled in %.2f s, checked in %.2f s; watching for the next save)%n",
                    (System.nanoTime() - start) / 1e9, (compiled - start) / 1e9, (System.nanoTime() - compiled) / 1e9);
            last = toGrade.get(toGrade.size() - 1);
            ready = grader.jvms().start("w", ++runs % 2 + 1, List.of());
            graded++;
        }
        ready.dismiss().join();
    }

    /** The exercises an event asks for: the saved ones, or on Enter the changed ones, else the last one. */
    private List<Layout.Exercise> exercisesFor(String event, List<String> more, ExerciseCompiler compiler) {
        List<Layout.Exercise> all = layout.exercises();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        names.add(event);
        names.addAll(more);
        if (names.contains("")) {
            List<Layout.Exercise> changed = all.stream().filter(e -> !compiler.upToDate(e)).toList();
            return !changed.isEmpty() ? changed : last != null ? List.of(last) : List.of();
        }
        return all.stream().filter(e -> names.contains(e.source().getFileName().toString())).toList();
    }

    /**
     * Native file events where the system has them (the JDK's watcher polls on macOS, about every 10 s):
     * directory-watcher uses FSEvents there, and the JDK's own watcher on Linux and Windows.
     */
    private void startWatching() throws IOException {
        DirectoryWatcher watcher = DirectoryWatcher.builder().path(layout.mainSources())
                .logger(NOPLogger.NOP_LOGGER).fileHashing(false)
                .listener(event -> {
                    Path file = event.path();
                    if (event.eventType() != DirectoryChangeEvent.EventType.DELETE && file != null
                            && file.getFileName().toString().endsWith(".java")) {
                        events.add(file.getFileName().toString());
                    }
                })
                .build();
        watcher.watchAsync();
    }

    private void startReadingEnter() {
        daemon(() -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(keys, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                events.add("");
            }
        });
    }

    private interface Loop {
        void run() throws Exception;
    }

    private static void daemon(Loop loop) {
        Thread t = new Thread(() -> {
            try {
                loop.run();
            } catch (Exception e) {
                // the watch ends with the JVM; nothing to report
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
