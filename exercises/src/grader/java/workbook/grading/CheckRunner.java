package workbook.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
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

/**
 * The test JVM's side of the grader: runs the hidden suite's checks of the given exercises and writes one line
 * per check to a file as soon as it finishes, so that the grader knows how far a test JVM got if it dies.
 *
 * <p>Lines: {@code P <tab> uniqueId <tab> task} for each check method of the test plan (written before any
 * exercise code runs), {@code S <tab> uniqueId <tab> check} when a check starts, {@code F <tab> uniqueId <tab>
 * check} when it ends (the check in {@link Check#toLine()} form), {@code X <tab> reason} when the run itself
 * failed, {@code E} on any exit and {@code END} when every check ran. Every line is signed ({@link SignedLog})
 * with the key the grader sends as the first line of standard input.
 */
public final class CheckRunner {
    /** System property: the folder of the suite's classes, the only place the runner looks for checks. */
    static final String SUITE = "workbook.grading.suite";
    private static final Pattern EXERCISE_TAG = Pattern.compile("ex\\d\\d");
    private static final Pattern TASK_TAG = Pattern.compile("ex\\d\\d\\.\\w+");

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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> out.line("E")));
        int status = 0;
        try {
            String[] tags = Arrays.copyOfRange(args, 1, args.length);
            Launcher launcher = launcher();
            if (tags.length == 1 && tags[0].equals("-")) {
                warmUp(launcher);
                String line = in.readLine();
                tags = line == null ? new String[0] : line.trim().split("\\s+");
            }
            run(launcher, tags, new Reporter(out));
            out.line("END");
        } catch (Throwable t) {
            out.line("X\t" + Check.escape(t.toString()));
            status = 3;
        }
        // a check that ran past its time limit may still spin in its thread: stop the JVM regardless
        Runtime.getRuntime().halt(status);
    }

    /** Runs the checks carrying one of the tags through the JUnit Platform and reports them to the listener. */
    static void run(Launcher launcher, String[] tags, TestExecutionListener listener) {
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
        launcher.execute(request, listener);
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
            String prefix = "Ex" + tag.substring(2, Math.min(4, tag.length()));
            Arrays.stream(names).filter(n -> n.startsWith(prefix) && n.endsWith("Test.class")).sorted()
                    .forEach(n -> selectors.add(selectClass("workbook.exercises." + n.replace(".class", ""))));
        }
        return selectors;
    }

    /** Loads what every grade needs (the Jupiter engine, AssertJ) while the learner is still typing. */
    private static void warmUp(Launcher launcher) {
        launcher.discover(LauncherDiscoveryRequestBuilder.request().build());
        org.assertj.core.api.Assertions.assertThat(1.0).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.1));
    }

    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .build());
    }

    /** Writes the plan, then a line per check as it starts and as it finishes. */
    static final class Reporter implements TestExecutionListener {
        private final SignedLog.Writer out;
        private TestPlan plan;

        Reporter(SignedLog.Writer out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
            // every check method, before any exercise code runs: the grader fails a method that never reports
            for (TestIdentifier root : testPlan.getRoots()) {
                for (TestIdentifier test : testPlan.getDescendants(root)) {
                    if (test.getSource().filter(MethodSource.class::isInstance).isPresent()) {
                        out.line("P\t" + Check.escape(test.getUniqueId()) + "\t"
                                + tag(test, TASK_TAG).orElse("?"));
                    }
                }
            }
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                out.line("S\t" + Check.escape(test.getUniqueId()) + "\t"
                        + check(test, Check.Verdict.CRASHED, "").toLine());
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
            out.line("F\t" + Check.escape(test.getUniqueId()) + "\t"
                    + check(test, verdict, failure == null ? "" : Check.explain(failure)).toLine());
        }

        private Check check(TestIdentifier test, Check.Verdict verdict, String message) {
            String exercise = tag(test, EXERCISE_TAG).map(t -> "Ex" + t.substring(2)).orElse("?");
            String task = tag(test, TASK_TAG).orElse(exercise.toLowerCase() + ".?");
            return new Check(exercise, task, methodName(test), checkName(test), verdict, message);
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
