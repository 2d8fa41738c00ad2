package workbook.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the whole figure set into one folder and writes an {@code index.html} that shows every
 * figure with a one-line caption.
 *
 * <p>From the repository root: {@code ./mvnw -q -pl charts -am compile exec:java} draws the set from the
 * reference solutions into {@code charts/target/figures/}; add {@code -Plearner} to draw it from your own
 * exercises. A figure that needs a method you have not implemented yet is skipped with a note naming
 * the exercise; the others are still drawn. Any other error is reported after the rest is drawn, and
 * then fails the run.
 */
public final class RenderAll {
    private static final Pattern EXERCISE = Pattern.compile("\\b(Ex\\d\\d)\\w*");
    /** Far above what any figure needs (the whole set draws in seconds): only an endless loop gets here. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    /** For a learner's code: a figure draws in well under a second, so 15 s means a loop that never ends. */
    private static final Duration LEARNER_TIME_LIMIT = Duration.ofSeconds(15);
    private static final String LEARNER_CODE = "workbook.exercises.";

    private RenderAll() {}

    /** The set in reading order. */
    static List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        // Figures 1-6: activation curves, derivatives, approximation, softmax, signal across depth.
        all.add(new Figure(Fig01Activations.FILE, Fig01Activations::main,
                "The activation functions: the classic ones (left) and the modern smooth ones (right).",
                List.of("Ex01", "Ex02", "Ex03", "Ex07")));
        all.add(new Figure(Fig02Derivatives.FILE, Fig02Derivatives::main,
                "Their derivatives (left); on a log scale (right) σ' and tanh' fall off exponentially: saturation.",
                List.of("Ex01", "Ex02", "Ex03", "Ex07")));
        all.add(new Figure(Fig03SmoothVersusKinked.FILE, Fig03SmoothVersusKinked::main,
                "Softplus is a smooth ReLU; GELU's tanh form is off by less than 5e-4 (error curve, bottom right).",
                List.of("Ex01", "Ex03", "Ex07")));
        all.add(new Figure(Fig04ReluApproximation.FILE, Fig04ReluApproximation::main,
                "ReLU nets approximate x² on [0, 1]: no line beats 1/8, the best single unit misses by 1/18, 2 units"
                        + " reach the assignment's 0.04.",
                List.of("Ex04")));
        all.add(new Figure(Fig05SoftmaxTemperature.FILE, Fig05SoftmaxTemperature::main,
                "Temperature moves softmax from one-hot (T → 0) to uniform (T large); the entropy rises to ln 3.",
                List.of("Ex05")));
        all.add(new Figure(Fig06SignalAcrossDepth.FILE, Fig06SignalAcrossDepth::main,
                "Activation std across 50 layers: He keeps ReLU flat, naive N(0, 1) explodes, Xavier fades;"
                        + " naive tanh saturates.",
                List.of("Ex02", "Ex03", "Ex09", "Ex10")));

        // Figures 7-12: initialization statistics across depth, dead units, decision regions.
        all.add(new Figure(Fig07TanhHistograms.FILE, Fig07TanhHistograms::main,
                "Activations of five tanh layers: the standard U(-1/√n, 1/√n) init piles them up at 0 layer by layer,"
                        + " Xavier's normalized init keeps their spread.",
                List.of("Ex02", "Ex09")));
        all.add(new Figure(Fig08GradientNorms.FILE, Fig08GradientNorms::main,
                "Weight-gradient norm per layer (log scale): He keeps ReLU gradients near 1 while naive N(0, 1) "
                        + "explodes them and Xavier shrinks them; in a 10-layer net sigmoid's gradients vanish towards the "
                        + "input, ReLU's and GELU's do not.",
                List.of("Ex01", "Ex02", "Ex03", "Ex07", "Ex09", "Ex10")));
        all.add(new Figure(Fig09ZerosAndSaturation.FILE, Fig09ZerosAndSaturation::main,
                "Across 50 layers: half the ReLU outputs are zero whatever the weight scale, while N(0, 1) weights "
                        + "push most tanh units into their flat tails (slope near 0) and Xavier keeps them in the linear "
                        + "middle.",
                List.of("Ex02", "Ex03", "Ex09", "Ex10")));
        all.add(new Figure(Fig10VarianceCheck.FILE, Fig10VarianceCheck::main,
                "Monte Carlo variance of one layer against the rules: Xavier's 2n/(n + fan-out) for linear layers, "
                        + "He's constant 1 after a ReLU; tanh falls below once it bends.",
                List.of("Ex02", "Ex03", "Ex09")));
        all.add(new Figure(Fig11DeadUnits.FILE, Fig11DeadUnits::main,
                "How often each ReLU unit fires: a healthy layer about half the time, a layer biased to N(-3, 0.5) "
                        + "never (all dead), and per-unit biases kill the units below the 1 % line.",
                List.of("Ex10")));
        all.add(new Figure(Fig12DecisionRegions.FILE, Fig12DecisionRegions::main,
                "Decision regions of the same tiny network trained on two moons: ReLU cuts straight pieces, tanh and "
                        + "GELU bend smoothly, sigmoid is still on its near-linear plateau after the same 800 steps.",
                List.of("Ex01", "Ex02", "Ex03", "Ex07", "Ex09")));

        return all;
    }

    /** What became of one figure. */
    enum Status { DRAWN, SKIPPED, FAILED }

    /** The outcome of one figure: drawn, skipped (a stub is not implemented yet) or failed, with a note. */
    record Outcome(Figure figure, Status status, String note) {}

    public static void main(String[] args) throws IOException {
        String source = System.getProperty("workbook.charts.source", "solutions");
        boolean learner = "exercises".equals(source);
        Path dir = Charts.output(args, "");
        if (learner && args.length == 0) {
            // your figures go beside the reference set (charts/target/figures-learner), never over it
            dir = dir.resolveSibling(dir.getFileName() + "-learner");
        }
        long start = System.nanoTime();
        List<Outcome> outcomes = render(figures(), dir, learner ? LEARNER_TIME_LIMIT : TIME_LIMIT);
        outcomes.stream().filter(o -> o.status() != Status.DRAWN).forEach(o -> System.out.println(o.note()));
        Files.writeString(dir.resolve("index.html"), indexHtml(outcomes, source), StandardCharsets.UTF_8);
        long drawn = outcomes.stream().filter(o -> o.status() == Status.DRAWN).count();
        System.out.printf("Rendered %d of %d figures from %s in %.1f s: %s%n", drawn, outcomes.size(), source,
                (System.nanoTime() - start) / 1e9, dir.resolve("index.html").toAbsolutePath().normalize());
        List<String> failures = outcomes.stream().filter(o -> o.status() == Status.FAILED).map(Outcome::note)
                .toList();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " figure(s) failed:\n" + String.join("\n", failures));
        }
    }

    /** Draws every figure into {@code dir}, never stopping at the first problem. */
    static List<Outcome> render(List<Figure> figures, Path dir) throws IOException {
        return render(figures, dir, TIME_LIMIT);
    }

    /** As {@link #render(List, Path)}, giving up on a figure that takes longer than {@code limit}. */
    static List<Outcome> render(List<Figure> figures, Path dir, Duration limit) throws IOException {
        Files.createDirectories(dir);
        List<Outcome> outcomes = new ArrayList<>();
        for (Figure figure : figures) {
            Files.deleteIfExists(dir.resolve(figure.file())); // never show a stale picture
            outcomes.add(renderOne(figure, dir, limit));
        }
        return outcomes;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static Outcome renderOne(Figure figure, Path dir, Duration limit) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            figure.main().run(new String[] {dir.toString()});
            return null;
        });
        Thread worker = new Thread(task, figure.file());
        worker.setDaemon(true); // a figure stuck in an endless loop must not keep the JVM alive
        worker.start();
        try {
            task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(figure, Status.DRAWN, "");
        } catch (TimeoutException e) {
            String where = learnerMethod(worker.getStackTrace());
            worker.stop(); // a learner's endless loop would otherwise keep a core busy while the rest draws
            return new Outcome(figure, Status.SKIPPED, "skipped " + figure.file() + ": not finished after "
                    + limit.toSeconds() + " s" + (where == null ? " (an endless loop?)"
                    : ", still running in " + where + " (an endless loop?)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(figure, Status.FAILED, "FAILED " + figure.file() + ": interrupted");
        } catch (ExecutionException e) {
            UnsupportedOperationException todo = notImplemented(e.getCause());
            if (todo != null) {
                return new Outcome(figure, Status.SKIPPED, skipNote(figure.file(), todo.getMessage()));
            }
            if (e.getCause() instanceof NonFiniteValue nan) {
                return new Outcome(figure, Status.SKIPPED, "skipped " + figure.file() + ": " + nan.getMessage()
                        + ", drawn from " + String.join(", ", figure.exercises()) + " (a curve with a gap would hide"
                        + " it)");
            }
            String where = learnerMethod(e.getCause().getStackTrace());
            if (where != null) {
                return new Outcome(figure, Status.SKIPPED, "skipped " + figure.file() + ": " + where + " threw "
                        + e.getCause());
            }
            return new Outcome(figure, Status.FAILED, "FAILED " + figure.file() + ": " + e.getCause());
        }
    }

    /** The innermost frame of an exercise class, as "Ex03ReluFamily.relu", or null. */
    static String learnerMethod(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(LEARNER_CODE)) {
                return frame.getClassName().substring(LEARNER_CODE.length()) + "." + frame.getMethodName();
            }
        }
        return null;
    }

    /** The stubs' "not implemented yet" exception anywhere in the cause chain, else null. */
    private static UnsupportedOperationException notImplemented(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException u
                    && String.valueOf(u.getMessage()).contains("not implemented")) {
                return u;
            }
        }
        return null;
    }

    /** "skipped fig01-activations.png: Ex03ReluFamily.relu is not implemented yet (finish Ex03 to draw it)". */
    static String skipNote(String file, String message) {
        Matcher m = EXERCISE.matcher(String.valueOf(message));
        String finish = m.find() ? " (finish " + m.group(1) + " to draw it)" : "";
        return "skipped " + file + ": " + message + finish;
    }

    /** The index page: every drawn figure with its caption, then the notes of the skipped ones. */
    static String indexHtml(List<Outcome> outcomes, String source) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Activation functions and initialization: figures</title>
                <style>
                  body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1400px; margin: 2em auto;
                         padding: 0 1em; color: #222; line-height: 1.45; }
                  figure { margin: 2.5em 0; }
                  img { width: 100%; height: auto; border: 1px solid #ddd; }
                  figcaption { margin-top: .5em; }
                  .note { color: #8a4b00; }
                </style>
                </head>
                <body>
                <h1>Activation functions and initialization: figures</h1>
                """);
        html.append("<p>Drawn from ")
                .append("exercises".equals(source) ? "your own code in <code>exercises/</code>"
                        : "the reference solutions in <code>solutions/</code>")
                .append(". Click a figure to open it at full size.</p>\n");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            String caption = "<b>Figure " + (i + 1) + ".</b> " + escape(o.figure().caption());
            if (o.status() == Status.DRAWN) {
                html.append("<figure>\n<a href=\"").append(o.figure().file()).append("\"><img src=\"")
                        .append(o.figure().file()).append("\" alt=\"").append(escape(o.figure().caption()))
                        .append("\"></a>\n<figcaption>").append(caption).append("</figcaption>\n</figure>\n");
            } else {
                html.append("<p class=\"note\">").append(caption).append("<br>").append(escape(o.note()))
                        .append("</p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
