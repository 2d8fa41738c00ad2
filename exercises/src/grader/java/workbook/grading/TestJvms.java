package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the checks: starts test JVMs ({@link CheckRunner}) in the {@link Sandbox}, two side by side on two cores,
 * reads their signed reports ({@link ReportLine}), and when one dies (out of memory), marks the check it was
 * running with the reason and runs the rest in a fresh one. A check method of the plan that never reports a signed
 * result is failed.
 *
 * <p>A test JVM's class path puts the harness first (JUnit, AssertJ, commons-math3, then the grader's classes), then
 * the suite, the given classes and, last, the learner's checked classes, none of which may carry a name outside
 * its exercise: nothing the learner compiled can stand in for a class of the harness. The harness's libraries
 * come from a {@link HarnessArchive} once there is one.
 */
final class TestJvms {
    /** The test JVM's heap: a cap turns a runaway allocation into one failed task. */
    static final int HEAP_MB = 512;
    /** The test JVM: quick to start, with its heap capped. */
    static final List<String> TEST_JVM = List.of("-Xmx" + HEAP_MB + "m", "-Xss4m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-XX:+DisableAttachMechanism");
    /** Backstop for one test JVM: every check has its own time limit, so this only stops the pathological. */
    static final long JVM_LIMIT_SECONDS = 300;
    /** How long a test JVM sent away unused ({@link TestJvm#dismiss}) may take to exit before it is killed. */
    static final long DISMISSED_SECONDS = 10;
    /** The only folder a test JVM writes to (its report); the sandbox lets it write nowhere else. */
    static final String JVM_DIR = "jvm";
    /** Where a test JVM without a {@link HarnessArchive} records the classes it loads, in {@link #JVM_DIR}. */
    static final String CLASS_LIST = "harness.classlist";

    private final Layout layout;
    private final List<Path> harness;
    private final Sandbox sandbox;
    private final HarnessArchive archive;

    TestJvms(Layout layout, List<Path> harness, Sandbox sandbox) {
        this.layout = layout;
        // libraries first: the archive maps only when the class path it was dumped with leads the JVM's
        List<Path> libraries = Grader.jars(harness);
        List<Path> ordered = new ArrayList<>(libraries);
        harness.stream().filter(p -> !libraries.contains(p)).forEach(ordered::add);
        this.harness = List.copyOf(ordered);
        this.sandbox = sandbox;
        this.archive = new HarnessArchive(layout.gradeDir().resolve("cds"), libraries);
    }

    /** After a grade: dumps the harness archive from the class list its first test JVM recorded, if there is none. */
    void prepareArchive() {
        archive.buildInBackground(layout.gradeDir().resolve(JVM_DIR).resolve(CLASS_LIST));
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** What the test JVMs reported: every check, and the plan they ran (titles, check methods in order). */
    record Outcome(List<Check> checks, Map<ExerciseId, String> titles, List<ReportLine.Planned> plan) {
        static final Outcome NONE = new Outcome(List.of(), Map.of(), List.of());

        Outcome plus(Outcome other) {
            List<Check> checks = new ArrayList<>(this.checks);
            checks.addAll(other.checks);
            Map<ExerciseId, String> titles = new LinkedHashMap<>(this.titles);
            titles.putAll(other.titles);
            List<ReportLine.Planned> plan = new ArrayList<>(this.plan);
            plan.addAll(other.plan);
            return new Outcome(checks, titles, plan);
        }
    }

    /** Runs the exercises' checks: in {@code ready} if given, else in two lanes where there are two cores. */
    Outcome run(List<Layout.Exercise> exercises, TestJvm ready) throws IOException, InterruptedException {
        if (exercises.isEmpty()) {
            if (ready != null) {
                ready.dismiss();
            }
            return Outcome.NONE;
        }
        return ready != null || exercises.size() < 2 || Runtime.getRuntime().availableProcessors() < 2
                ? run(exercises, ready, "a") : runInTwoLanes(exercises);
    }

    /**
     * Two test JVMs side by side, each with about half of the work (the suites' sizes stand for it): the grade
     * takes about half as long on two cores. A crash in one lane is handled within that lane.
     */
    private Outcome runInTwoLanes(List<Layout.Exercise> exercises) throws IOException, InterruptedException {
        List<Layout.Exercise> a = new ArrayList<>();
        List<Layout.Exercise> b = new ArrayList<>();
        long weightA = 0;
        long weightB = 0;
        for (Layout.Exercise e : exercises.stream()
                .sorted(Comparator.comparingLong((Layout.Exercise e) -> e.testSource().toFile().length()).reversed())
                .collect(Collectors.toList())) {
            if (weightA <= weightB) {
                a.add(e);
                weightA += e.testSource().toFile().length();
            } else {
                b.add(e);
                weightB += e.testSource().toFile().length();
            }
        }
        CompletableFuture<Outcome> laneB = CompletableFuture.supplyAsync(() -> {
            try {
                return run(b, null, "b");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        return run(a, null, "a").plus(laneB.join());
    }

    /**
     * Runs the checks of these exercises in a test JVM ({@code ready}, started ahead of time, or a new one); if it
     * dies, marks the check it was running with the reason and runs the rest in a fresh one.
     */
    Outcome run(List<Layout.Exercise> exercises, TestJvm ready, String lane) throws IOException, InterruptedException {
        List<String> tags = exercises.stream().map(e -> e.id().tag()).collect(Collectors.toList());
        Map<String, Check> done = new LinkedHashMap<>();
        Map<String, ReportLine.Planned> planned = new LinkedHashMap<>();
        Map<ExerciseId, String> titles = new LinkedHashMap<>();
        Map<String, String> neverRan = new LinkedHashMap<>();
        List<String> stoppedTasks = new ArrayList<>();
        for (int attempt = 1; attempt <= 50; attempt++) {
            TestJvm jvm;
            if (attempt == 1 && ready != null) {
                jvm = ready;
                jvm.send(tags);
            } else {
                List<String> skip = new ArrayList<>(done.keySet());
                skip.addAll(stoppedTasks);
                Files.write(skipFile(lane), skip, StandardCharsets.UTF_8);
                jvm = start(lane, attempt, tags);
            }
            boolean exited = jvm.process.waitFor(JVM_LIMIT_SECONDS, TimeUnit.SECONDS);
            Sandbox.kill(jvm.process); // it, and anything it left running
            jvm.process.waitFor();
            Run run = Run.read(jvm.report, jvm.key);
            run.planned.forEach(p -> planned.putIfAbsent(p.uniqueId(), p));
            titles.putAll(run.titles);
            done.putAll(run.finished);
            if (run.complete) {
                break;
            }
            String reason = !exited ? "the test JVM ran past " + JVM_LIMIT_SECONDS + " s and was stopped"
                    : run.failure != null ? crashReason(run.failure)
                    : run.exiting ? "the test JVM was stopped by a call to System.exit (or Runtime.exit) here"
                    : "the test JVM died here (exit code " + jvm.process.exitValue() + "; see " + jvm.log + ")";
            if (run.started.isEmpty()) {
                // nothing to blame: report the reason on a placeholder check rather than loop, and on every
                // check method that has not reported yet (below)
                done.put("jvm-" + attempt, new Check(exercises.get(0).id(), tags.get(0) + ".?", "", "the test JVM",
                        Check.Verdict.CRASHED, reason));
                planned.keySet().forEach(id -> neverRan.put(id, reason));
                break;
            }
            // the check it was running is to blame; the rest of its task fails at once in the next JVM, so a task
            // that kills the JVM costs one restart, not one per check
            run.started.forEach((id, check) -> {
                done.put(id, new Check(check.exercise(), check.task(), check.method(), check.name(),
                        Check.Verdict.CRASHED, reason));
                stoppedTasks.add(RunawayGuard.TASK_LINE + check.task() + "\tstopped the test JVM");
            });
        }
        // a check method of the plan with no signed result (it never ran, or its lines were cut) is not passed
        planned.forEach((id, p) -> {
            if (done.keySet().stream().noneMatch(d -> d.startsWith(id))) {
                done.put(id, new Check(p.exercise(), p.task(), p.method(), CheckNames.sentence(p.method()),
                        Check.Verdict.NOT_RUN, neverRan.getOrDefault(id, "this check never reported a result")));
            }
        });
        return new Outcome(new ArrayList<>(done.values()), titles, new ArrayList<>(planned.values()));
    }

    /** A test JVM, the files it writes and the key that signs its report. */
    record TestJvm(Process process, Path report, Path log, String key) {
        /** Hands the tags to a JVM started without them. */
        void send(List<String> tags) throws IOException {
            process.getOutputStream().write((String.join(" ", tags) + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }

        /**
         * Sends away a JVM started without tags, unused: with its standard input closed it reads no tags and exits
         * by itself (killed only if it has not within {@value #DISMISSED_SECONDS} s). Killing it at once could
         * leave processes behind: a sandbox killed while it still starts leaves its inner processes running.
         *
         * @return when it has exited
         */
        CompletableFuture<Process> dismiss() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // it is gone already
            }
            return process.onExit().completeOnTimeout(null, DISMISSED_SECONDS, TimeUnit.SECONDS).thenApply(exited -> {
                if (exited == null) {
                    Sandbox.kill(process);
                }
                return process;
            });
        }
    }

    private Path skipFile(String lane) {
        return layout.gradeDir().resolve("skip-" + lane + ".txt");
    }

    /** Starts a test JVM for these tags; with none, it loads JUnit and waits for them on its standard input. */
    TestJvm start(String lane, int attempt, List<String> tags) throws IOException {
        Path jvmDir = Files.createDirectories(layout.gradeDir().resolve(JVM_DIR));
        Path report = jvmDir.resolve("checks-" + lane + attempt + ".txt");
        Path log = layout.gradeDir().resolve("test-jvm-" + lane + attempt + ".log");
        Files.deleteIfExists(report);
        if (attempt == 1) {
            Files.deleteIfExists(skipFile(lane));
        }
        if (attempt == 1) {
            archive.adoptFinished();
        }
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(TEST_JVM);
        // one JVM records the classes it loads (lane b runs beside lane a and would write the same file)
        Path classList = jvmDir.resolve(CLASS_LIST);
        java.addAll(archive.options(lane.equals("b") || Files.exists(classList) ? null : classList));
        java.add("-D" + RunawayGuard.SKIP_FILE + "=" + skipFile(lane));
        java.add("-D" + CheckRunner.SUITE + "=" + layout.suiteClasses());
        java.add("-D" + CheckRunner.JUNIT_XML + "=" + jvmDir.resolve("junit-" + lane + attempt));
        List<Path> classpath = classpath();
        // a class folder missing when the JVM starts is read as a jar for good: one that a later build fills (in watch
        // mode, an exercise that compiles again after the waiting JVM started) would stay invisible to it
        for (Path folder : classpath.subList(harness.size(), classpath.size())) {
            Files.createDirectories(folder);
        }
        java.addAll(List.of("-cp", classpath.stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)), CheckRunner.class.getName(), report.toString()));
        java.addAll(tags.isEmpty() ? List.of("-") : tags);
        List<Path> readable = new ArrayList<>(classpath);
        readable.add(0, layout.module());
        if (Files.isRegularFile(archive.archive())) {
            readable.add(archive.archive());
        }
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(jvmDir, readable, java)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String key = SignedLog.newKey();
        Process process = builder.start();
        process.getOutputStream().write((key + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        if (!tags.isEmpty()) {
            process.getOutputStream().close();
        }
        return new TestJvm(process, report, log, key);
    }

    /** Harness first (its libraries, then the grader's classes), then the suite, the given classes and the learner's. */
    private List<Path> classpath() {
        List<Path> path = new ArrayList<>(harness);
        path.add(layout.suiteClasses());
        path.add(layout.givenClasses());
        layout.exercises().forEach(e -> path.add(layout.classesOf(e)));
        return path;
    }

    private static String crashReason(String error) {
        if (error.contains("OutOfMemoryError")) {
            return "ran out of memory (" + error + "): an enormous array, or a collection that grows forever? "
                    + "The test JVM has " + HEAP_MB + " MB of heap";
        }
        return "stopped the test JVM: " + error;
    }

    /** What one test JVM reported, from its signed lines only: anything the exercise code wrote is ignored. */
    private static final class Run {
        final Map<ExerciseId, String> titles = new LinkedHashMap<>();
        final List<ReportLine.Planned> planned = new ArrayList<>();
        final Map<String, Check> started = new LinkedHashMap<>();
        final Map<String, Check> finished = new LinkedHashMap<>();
        boolean complete;
        boolean exiting;
        String failure;

        static Run read(Path report, String key) throws IOException {
            Run run = new Run();
            for (String line : SignedLog.verifiedLines(report, key)) {
                ReportLine r = ReportLine.parse(line);
                if (r instanceof ReportLine.Title t) {
                    run.titles.put(t.exercise(), t.title());
                } else if (r instanceof ReportLine.Planned p) {
                    run.planned.add(p);
                } else if (r instanceof ReportLine.Started s) {
                    run.started.put(s.uniqueId(), s.check());
                } else if (r instanceof ReportLine.Finished f) {
                    run.started.remove(f.uniqueId());
                    run.finished.put(f.uniqueId(), f.check());
                } else if (r instanceof ReportLine.Failed x) {
                    run.failure = x.error();
                } else if (r instanceof ReportLine.Exiting) {
                    run.exiting = true;
                } else if (r instanceof ReportLine.Completed) {
                    run.complete = true;
                }
            }
            return run;
        }
    }
}
