package workbook.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * The test JVM's side of the grader: runs the hidden suite's checks of the given exercises and writes one line
 * per check to a file as soon as it finishes, so that the grader knows how far a test JVM got if it dies.
 *
 * <p>The lines are {@link ReportLine}s: the plan first (before any exercise code runs), then each check as it starts
 * and ends, then how the run ended. Every line is signed ({@link SignedLog}) with the key the grader sends as the
 * first line of standard input. The learner's code runs in this JVM, but the grader has already refused any
 * exercise that could reach the writer or its key (reflection, {@code Unsafe}, files: {@link AllowedApi}), and the
 * sandbox lets this JVM write nowhere but its report folder; the signature stays as a second line of defence, so
 * that a verdict the grader believes can only have come from this class.
 */
public final class CheckRunner {
    /** System property: the folder of the suite's classes, the only place the runner looks for checks. */
    static final String SUITE = "workbook.grading.suite";
    /** System property: the folder for JUnit's XML report of the run (one test case per check). */
    static final String JUNIT_XML = "workbook.grading.junitXml";
    private static final Pattern EXERCISE_TAG = Pattern.compile("ex\\d\\d");
    private static final Pattern TASK_TAG = Pattern.compile("ex\\d\\d\\.\\w+");
    /** "Ex03 · " in front of a suite's display name "Ex03 · ReLU family". */
    private static final Pattern TITLE_PREFIX = Pattern.compile("^Ex\\d\\d\\W*");

    private CheckRunner() {}

    /**
     * Runs the checks.
     *
     * @param args the output file, then the exercise tags to run ({@code ex01 ex03 ...}), or {@code -} to read
     *             them from the second line of standard input once JUnit is loaded (the watch mode starts a test
     *             JVM ahead of time, so that a saved exercise is graded without waiting for one); the first line
     *             of standard input is always the report's signing key
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CheckRunner <output file> <tag>...");
        }
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        SignedLog.Writer out = new SignedLog.Writer(new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(args[0], true), StandardCharsets.UTF_8), true), in.readLine());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> out.line(new ReportLine.Exiting())));
        PrintWriter errors = new PrintWriter(System.err, true);
        Printed printed = new Printed();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int status = 0;
        try {
            String[] tags = Arrays.copyOfRange(args, 1, args.length);
            Launcher launcher = launcher();
            if (tags.length == 1 && tags[0].equals("-")) {
                warmUp(launcher);
                String line = in.readLine();
                tags = line == null ? new String[0] : line.trim().split("\\s+");
            }
            String xml = System.getProperty(JUNIT_XML);
            if (xml == null) {
                run(launcher, tags, new Reporter(out, printed));
            } else { // for IDEs and report viewers only: the grade is the signed report
                run(launcher, tags, new Reporter(out, printed), new LegacyXmlReportGeneratingListener(Path.of(xml),
                        errors));
            }
            out.line(new ReportLine.Completed());
        } catch (Throwable t) {
            out.line(new ReportLine.Failed(t.toString()));
            status = 3;
        }
        // a check that ran past its time limit may still spin in its thread: stop the JVM regardless
        Runtime.getRuntime().halt(status);
    }

    /** Runs the checks carrying one of the tags through the JUnit Platform and reports them to the listener. */
    static void run(Launcher launcher, String[] tags, TestExecutionListener... listeners) {
        if (tags.length == 0) {
            return;
        }
        List<DiscoverySelector> classes = suiteClasses(tags);
        if (classes.isEmpty()) {
            return;
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes)
                .filters(TagFilter.includeTags(tags))
                .build();
        launcher.execute(request, listeners);
    }

    /**
     * The suite classes of the exercises (ex03: Ex03...Test), found as files in the suite's own class folder, the
     * grader's compile of the pristine suite: a class of the learner's is never taken for a suite class.
     */
    private static List<DiscoverySelector> suiteClasses(String[] tags) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        String[] names = new File(System.getProperty(SUITE, ""), "workbook/exercises").list();
        if (names == null) {
            return selectors;
        }
        for (String tag : tags) {
            String prefix = ExerciseId.parse(tag).toString();
            Arrays.stream(names).filter(n -> n.startsWith(prefix) && n.endsWith("Test.class")).sorted()
                    .forEach(n -> selectors.add(selectClass("workbook.exercises." + n.replace(".class", ""))));
        }
        return selectors;
    }

    /**
     * Runs checks of nothing ({@link WarmUpChecks}: a check and a parameterized one, with AssertJ) while the learner
     * is still typing, so that what JUnit loads and compiles the first time a check runs is ready before the save:
     * a save's checks then take about half the time.
     */
    private static void warmUp(Launcher launcher) {
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(WarmUpChecks.class)).build());
    }

    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .build());
    }

    /**
     * What the exercises' code prints (standard output and error alike), kept check by check: the reporter takes it
     * when a check finishes, so each check reports what was printed while it ran, as Exercism's runner does. Beyond
     * {@link Check#PRINTED_LIMIT} characters a check's output is only counted.
     */
    static final class Printed extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long dropped;

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < Check.PRINTED_LIMIT) {
                bytes.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, Math.min(len, Check.PRINTED_LIMIT - bytes.size()));
            bytes.write(b, off, room);
            dropped += len - room;
        }

        /** What was printed since the last call, and a note of how much more there was. */
        synchronized String take() {
            String text = bytes.toString(StandardCharsets.UTF_8)
                    + (dropped > 0 ? "\n... and " + dropped + " more bytes" : "");
            bytes.reset();
            dropped = 0;
            return text.stripTrailing();
        }
    }

    /** Writes the plan, then a line per check as it starts and as it finishes. */
    static final class Reporter implements TestExecutionListener {
        private final SignedLog.Writer out;
        private final Printed printed;
        private TestPlan plan;

        Reporter(SignedLog.Writer out) {
            this(out, new Printed());
        }

        Reporter(SignedLog.Writer out, Printed printed) {
            this.out = out;
            this.printed = printed;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
            // the suites' titles and every check method in the order they will run, before any exercise code
            // runs: the grader takes tasks, titles and order from here, and fails a method that never reports
            for (TestIdentifier root : testPlan.getRoots()) {
                for (TestIdentifier test : testPlan.getDescendants(root)) {
                    if (test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                        out.line(new ReportLine.Title(exercise(test), TITLE_PREFIX.matcher(test.getDisplayName())
                                .replaceFirst("")));
                    } else if (test.getSource().filter(MethodSource.class::isInstance).isPresent()) {
                        out.line(new ReportLine.Planned(test.getUniqueId(), exercise(test), methodName(test),
                                task(test)));
                    }
                }
            }
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                printed.take(); // what an earlier check's runaway thread printed is not this check's
                out.line(new ReportLine.Started(test.getUniqueId(), check(test, Check.Verdict.CRASHED, "")));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            Throwable failure = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? null
                    : result.getThrowable().orElseGet(() -> new AssertionError("aborted: " + result.getStatus()));
            Check.Verdict verdict = Check.verdictOf(failure);
            if (failure instanceof AssertionError && String.valueOf(failure.getMessage()).startsWith("not run:")) {
                verdict = Check.Verdict.NOT_RUN;
            }
            out.line(new ReportLine.Finished(test.getUniqueId(), new Check(exercise(test), task(test),
                    methodName(test), checkName(test), verdict, failure == null ? "" : Check.explain(failure),
                    printed.take())));
        }

        private Check check(TestIdentifier test, Check.Verdict verdict, String message) {
            return new Check(exercise(test), task(test), methodName(test), checkName(test), verdict, message);
        }

        /** The exercise tag ({@code ex03}), else the exercise its suite class is named for. */
        private ExerciseId exercise(TestIdentifier test) {
            return tag(test, EXERCISE_TAG).map(ExerciseId::parse).orElseGet(() -> test.getSource()
                    .map(s -> s instanceof MethodSource m ? m.getClassName() : ((ClassSource) s).getClassName())
                    .map(c -> ExerciseId.parse(c.substring(c.lastIndexOf('.') + 1))).orElseThrow());
        }

        /** The task tag ({@code ex03.relu}), or {@code ex03.?} for a check that has none. */
        private String task(TestIdentifier test) {
            return tag(test, TASK_TAG).orElse(exercise(test).tag() + ".?");
        }

        private Optional<String> tag(TestIdentifier test, Pattern pattern) {
            return test.getTags().stream().map(TestTag::getName).filter(n -> pattern.matcher(n).matches())
                    .findFirst();
        }

        private String methodName(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                    .orElse("");
        }

        /** "name" or, for one case of a parameterized check, "name [case]". */
        private String checkName(TestIdentifier test) {
            return plan.getParent(test)
                    .filter(parent -> parent.getSource().filter(MethodSource.class::isInstance).isPresent())
                    .map(parent -> parent.getDisplayName() + " [" + test.getDisplayName() + "]")
                    .orElse(test.getDisplayName());
        }
    }
}
