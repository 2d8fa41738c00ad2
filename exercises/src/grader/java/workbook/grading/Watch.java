package workbook.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./mvnw test -Dwatch}: grades each exercise as soon as it is saved and prints its scoreboard. Javac stays
 * loaded in this JVM and the next test JVM is started (JUnit loaded) while you edit, so a save is graded in well
 * under a second. Where the file system sends no change events (some network or virtual-machine mounts),
 * pressing Enter grades every exercise changed since its last grade, or else the last one again.
 */
final class Watch {
    private final Grader grader;
    private final Layout layout;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private Layout.Exercise last;

    Watch(Grader grader, Layout layout) {
        this.grader = grader;
        this.layout = layout;
    }

    void run(PrintStream out) throws IOException, InterruptedException {
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
        while (true) {
            String event = events.take();
            Thread.sleep(30); // an editor's save may arrive as several events: take them all at once
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
        }
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

    private void startWatching() throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        layout.mainSources().register(service, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_CREATE);
        daemon(() -> {
            while (true) {
                WatchKey key = service.take();
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.context() instanceof Path p && p.toString().endsWith(".java")) {
                        events.add(p.toString());
                    }
                }
                key.reset();
            }
        });
    }

    private void startReadingEnter() {
        daemon(() -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
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
