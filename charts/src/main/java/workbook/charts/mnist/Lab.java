package workbook.charts.mnist;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import workbook.charts.Charts;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.data.Mnist;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.LabConfig;
import workbook.charts.mnist.protocol.Progress;
import workbook.charts.mnist.protocol.Protocol;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore;
import workbook.charts.mnist.protocol.RunTrainer;
import workbook.charts.mnist.protocol.Runner;
import workbook.charts.mnist.report.LabFigures;
import workbook.charts.mnist.report.LabSamples;
import workbook.charts.mnist.report.ProtocolReport;

/**
 * The MNIST lab's command: runs the protocol of seed part 3 and part 4 (d)/(j) (see {@link Protocol}),
 * saving every finished run in the {@link RunStore} and printing the observations ({@link ProtocolReport}).
 *
 * <pre>
 * ./mvnw -q -pl charts -am compile exec:exec@lab -Dexec.args="--quick"
 * </pre>
 * ({@code exec:exec@lab} forks a JVM with the C2 compiler and {@code --add-modules jdk.incubator.vector}, which
 * the engine's kernel needs; {@code exec:java} with {@code -Dexec.mainClass=workbook.charts.mnist.Lab} also
 * works, in Maven's C1-only JVM, several times slower.)
 * {@code --help} lists the options. Here the lab is wired together: {@link #main} hands {@link #run} the network
 * engine's {@link RunTrainer}, an {@link EngineTrainer}; the tests hand it a fake.
 */
public final class Lab {
    /** System property naming the run store's parent folder (the charts pom sets charts/lab-runs). */
    static final String RUNS_PROPERTY = "workbook.lab.runs";
    /** System property saying which implementation the functions come from (solutions or exercises). */
    static final String SOURCE_PROPERTY = "workbook.charts.source";

    /** "Ex02Tanh.tanh (not implemented yet)": a method and why it cannot run. */
    private static final java.util.regex.Pattern NAME_AND_REASON = java.util.regex.Pattern.compile("^(\\S+) \\((.*)\\)$");

    private Lab() {}

    public static void main(String[] args) throws IOException {
        if (LabConfig.wantsHelp(args)) {
            System.out.print(LabConfig.usage());
            return;
        }
        try {
            run(LabConfig.parse(args), System.out, EngineTrainer::new, Charts.output(new String[0], ""));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            refuse(message + (message.contains("--help") ? "" : " (run with --help for the options)"));
        } catch (IllegalStateException | IOException e) { // IOException: a data file that cannot be read, or ends early
            refuse(e.getMessage());
        }
    }

    /**
     * Ends the lab with one line and exit code 2, which the charts pom counts as a success of {@code exec:exec}, so
     * that Maven adds no {@code [ERROR]} block of its own under the line that says what to do.
     */
    private static void refuse(String message) {
        System.err.println("lab: " + message);
        System.exit(2);
    }

    /**
     * Runs the lab, drawing figures under {@code figures/lab/}; {@code trainers} is asked for the trainer only
     * if some run is to be trained.
     */
    static void run(LabConfig config, PrintStream out, Supplier<RunTrainer> trainers, Path figures) throws IOException {
        Mnist mnist = config.data() == null ? Mnist.bundled() : Mnist.fromFolder(config.data());
        ImageSet labelled = take(mnist.train(), config.trainSize(), "--train-size", config.data() == null);
        ImageSet test = take(mnist.test(), config.testSize(), "--test-size", false);
        if (config.runs("a")) {
            Path file = figures.resolve(LabSamples.FILE);
            LabSamples.render(new Mnist(labelled, test, mnist.source()), file);
            out.println("part (a): wrote " + file);
        }
        String source = System.getProperty(SOURCE_PROPERTY, "solutions");
        RunStore store = new RunStore(config.runs() != null ? config.runs()
                : Path.of(System.getProperty(RUNS_PROPERTY, "charts/lab-runs")).resolve(source));
        boolean trains = config.parts().stream().anyMatch(p -> !p.equals("a"));
        if (config.list()) {
            Protocol plan = new Protocol(config, labelled, test, null);
            for (Runner.Job job : plan.plan()) {
                out.println((store.has(job.spec()) ? "stored    " : "to train  ") + job.spec().id());
            }
            out.println("(parts f and g follow from part e's best rates; run store: " + store.root() + ")");
            return;
        }
        if (!trains) {
            return;
        }
        RunTrainer trainer = trainers.get();
        config = runnable(config, new Protocol(config, labelled, test, null), trainer, out);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("trainer", trainer.getClass().getName());
        info.put("source", source);
        info.put("data", mnist.source());
        info.put("java", System.getProperty("java.version"));
        Runner runner = new Runner(trainer, store, config.jobs(), Progress.console(), info);
        out.println("run store: " + store.root());
        Protocol.Results results = new Protocol(config, labelled, test, runner).run();
        String report = ProtocolReport.text(results, config);
        out.println();
        out.print(report);
        Files.writeString(store.root().resolve("report.txt"), report, StandardCharsets.UTF_8);
        for (Path file : LabFigures.render(results, figures, config.quick())) {
            out.println("wrote " + file);
        }
        out.println("\n" + runner.trained() + " runs trained now; the report is also in " + store.root().resolve("report.txt"));
    }

    /**
     * Before anything trains: every run the lab plans (and part (g)'s trainable Swish) calls what it needs once. What
     * is not finished (or throws) is named per part in one note, and the lab goes on with what can finish: part 3
     * without the activations that cannot run, part (g) and part 4 only if all they need runs. Nothing trains for
     * minutes and then fails.
     *
     * @return the configuration of the runs that can finish (the given one when everything can)
     * @throws IllegalStateException when no run can, with the same note
     */
    static LabConfig runnable(LabConfig config, Protocol plan, RunTrainer trainer, PrintStream out) {
        Map<String, Set<String>> missingByPart = new TreeMap<>();
        Set<LabActivation> blocked = new LinkedHashSet<>();
        Set<String> blockedParts = new LinkedHashSet<>();
        for (Runner.Job job : plan.plan()) {
            RunSpec spec = job.spec();
            Set<String> missing = trainer.unfinished(spec.activation(), spec.init(), spec.trainableBeta());
            if (!missing.isEmpty()) {
                missingByPart.computeIfAbsent(spec.part(), p -> new TreeSet<>()).addAll(missing);
                if (spec.part().equals("init")) {
                    blockedParts.add("init");
                } else {
                    blocked.add(spec.activation());
                }
            }
        }
        if (config.runs("g")) {
            Set<String> missing = trainer.unfinished(LabActivation.SWISH, Init.PYTORCH, true);
            if (!missing.isEmpty()) {
                missingByPart.computeIfAbsent("g", p -> new TreeSet<>()).addAll(missing);
                blockedParts.add("g");
            }
        }
        if (missingByPart.isEmpty()) {
            return config;
        }
        StringBuilder note = new StringBuilder();
        missingByPart.forEach((part, missing) -> note.append(note.length() == 0 ? "" : "; ").append("part (")
                .append(part).append(") needs ").append(byReason(missing)));
        List<LabActivation> runnable = config.activations().stream().filter(a -> !blocked.contains(a)).toList();
        Set<String> parts = new LinkedHashSet<>(config.parts());
        parts.removeAll(blockedParts);
        if (runnable.isEmpty()) {
            parts.removeAll(List.of("d", "e", "f", "g"));
        }
        parts.remove("a"); // drawn already
        if (parts.isEmpty()) {
            throw new IllegalStateException(note + ": finish them, or choose other --parts or --activations");
        }
        out.println("lab: " + note + "; training only what can finish: --parts " + String.join(",", parts)
                + (parts.stream().anyMatch(List.of("d", "e", "f")::contains) ? " --activations " + runnable.stream()
                .map(LabActivation::key).collect(java.util.stream.Collectors.joining(",")) : ""));
        return config.narrowed(parts, runnable);
    }

    /**
     * "Ex02Tanh.tanh, Ex02Tanh.tanhDerivative (Ex02Tanh.java does not compile ...)": the methods that fail for the
     * same reason, named before it once.
     */
    static String byReason(Set<String> missing) {
        // items are "Ex02Tanh.tanh (why)", as EngineTrainer's probe writes them
        Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        for (String item : missing) {
            java.util.regex.Matcher m = NAME_AND_REASON.matcher(item);
            if (m.matches()) {
                byReason.computeIfAbsent(m.group(2), r -> new ArrayList<>()).add(m.group(1));
            } else {
                byReason.computeIfAbsent("", r -> new ArrayList<>()).add(item);
            }
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, names) -> parts.add(String.join(", ", names) + (reason.isEmpty() ? ""
                : " (" + reason + ")")));
        return String.join("; ", parts);
    }

    private static ImageSet take(ImageSet all, int n, String option, boolean bundled) {
        if (n > all.size()) {
            throw new IllegalArgumentException(option + " must be at most " + all.size() + " here, got " + n
                    + (bundled ? " (the bundle holds the first 12000; --data FOLDER reads all 60000)" : ""));
        }
        return all.first(n);
    }
}
