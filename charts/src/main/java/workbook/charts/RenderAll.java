package workbook.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workbook.charts.mnist.report.LabFigures;
import workbook.theory.site.FigureCaptions;
import workbook.theory.tools.LearnerCode;

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
    /** Far above what any figure needs (the whole set draws in seconds): only an endless loop gets here. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    /** For a learner's code: a figure draws in well under a second, so 15 s means a loop that never ends. */
    private static final Duration LEARNER_TIME_LIMIT = Duration.ofSeconds(15);
    /** Where the MNIST lab draws its figures, inside the figure folder. */
    static final String LAB_FOLDER = "lab";

    private RenderAll() {}

    /** The set in reading order. */
    static List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        // Figures 1-6: activation curves, derivatives, approximation, softmax, signal across depth.
        all.add(figure(1, Fig01Activations.FILE, Fig01Activations::main, List.of("Ex01", "Ex02", "Ex03", "Ex07")));
        all.add(figure(2, Fig02Derivatives.FILE, Fig02Derivatives::main, List.of("Ex01", "Ex02", "Ex03", "Ex07")));
        all.add(figure(3, Fig03SmoothVersusKinked.FILE, Fig03SmoothVersusKinked::main,
                List.of("Ex01", "Ex03", "Ex07")));
        all.add(figure(4, Fig04ReluApproximation.FILE, Fig04ReluApproximation::main, List.of("Ex04")));
        all.add(figure(5, Fig05SoftmaxTemperature.FILE, Fig05SoftmaxTemperature::main, List.of("Ex05")));
        all.add(figure(6, Fig06SignalAcrossDepth.FILE, Fig06SignalAcrossDepth::main,
                List.of("Ex02", "Ex03", "Ex09", "Ex10")));
        // Figures 7-12: initialization statistics across depth, dead units, decision regions.
        all.add(figure(7, Fig07TanhHistograms.FILE, Fig07TanhHistograms::main, List.of("Ex02", "Ex09")));
        all.add(figure(8, Fig08GradientNorms.FILE, Fig08GradientNorms::main,
                List.of("Ex01", "Ex02", "Ex03", "Ex07", "Ex09", "Ex10")));
        all.add(figure(9, Fig09ZerosAndSaturation.FILE, Fig09ZerosAndSaturation::main,
                List.of("Ex02", "Ex03", "Ex09", "Ex10")));
        all.add(figure(10, Fig10VarianceCheck.FILE, Fig10VarianceCheck::main, List.of("Ex02", "Ex03", "Ex09")));
        all.add(figure(11, Fig11DeadUnits.FILE, Fig11DeadUnits::main, List.of("Ex10")));
        all.add(figure(12, Fig12DecisionRegions.FILE, Fig12DecisionRegions::main,
                List.of("Ex01", "Ex02", "Ex03", "Ex07", "Ex09")));
        return all;
    }

    /** Figure {@code number} of the set, with its one caption ({@link FigureCaptions}). */
    private static Figure figure(int number, String file, Figure.Main main, List<String> exercises) {
        return new Figure(file, main, FigureCaptions.of(number), exercises);
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
        Files.writeString(dir.resolve("index.html"), indexHtml(outcomes, source, labFigures(dir),
                Files.exists(dir.resolve(LAB_FOLDER).resolve(LabFigures.QUICK_MARK)),
                Files.exists(dir.resolve(DecisionExplorerView.FILE))),
                StandardCharsets.UTF_8);
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
            String where = LearnerCode.method(worker.getStackTrace());
            worker.stop(); // a learner's endless loop would otherwise keep a core busy while the rest draws
            return new Outcome(figure, Status.SKIPPED, "skipped " + figure.file() + ": not finished after "
                    + limit.toSeconds() + " s" + (where == null ? " (an endless loop?)"
                    : ", still running in " + where + " (an endless loop?)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(figure, Status.FAILED, "FAILED " + figure.file() + ": interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NonFiniteValue nan) {
                return new Outcome(figure, Status.SKIPPED, "skipped " + figure.file() + ": " + nan.getMessage()
                        + ", drawn from " + String.join(", ", figure.exercises()) + " (a curve with a gap would hide"
                        + " it)");
            }
            Optional<String> learner = LearnerCode.failure(e.getCause());
            if (learner.isPresent()) {
                return new Outcome(figure, Status.SKIPPED, skipNote(figure.file(), learner.get()));
            }
            return new Outcome(figure, Status.FAILED, "FAILED " + figure.file() + ": " + e.getCause());
        }
    }

    /** "skipped fig01-activations.png: Ex03ReluFamily.relu is not implemented yet (finish Ex03 to draw it)". */
    static String skipNote(String file, String message) {
        String toDo = LearnerCode.toDo(message);
        return "skipped " + file + ": " + message + (toDo == null ? "" : " (" + toDo + " to draw it)");
    }

    /**
     * The MNIST lab's figures, if any were drawn: the PNG files in {@code dir/lab} in the lab's order
     * ({@link LabFigures#INDEX_ORDER}), as paths from dir.
     */
    static List<String> labFigures(Path dir) throws IOException {
        Path lab = dir.resolve(LAB_FOLDER);
        if (!Files.isDirectory(lab)) {
            return List.of();
        }
        try (var files = Files.list(lab)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".png"))
                    .sorted(LabFigures.INDEX_ORDER).map(name -> LAB_FOLDER + "/" + name).toList();
        }
    }

    /** The index page without an MNIST lab section. */
    static String indexHtml(List<Outcome> outcomes, String source) {
        return indexHtml(outcomes, source, List.of());
    }

    /**
     * The index page: every drawn figure with its caption, then the notes of the skipped ones, then a section
     * "MNIST lab" with {@code labFigures} (paths relative to the page) if there are any. Each image is shown at half
     * its pixel size ({@code srcset ... 2x}: the PNGs are drawn at twice their logical size), so that the text of
     * every figure shows at the same size, the size the figures' fonts were chosen for.
     */
    static String indexHtml(List<Outcome> outcomes, String source, List<String> labFigures) {
        return indexHtml(outcomes, source, labFigures, false);
    }

    /** As above; {@code labQuick} says above the lab's figures that {@code --quick} runs drew them. */
    static String indexHtml(List<Outcome> outcomes, String source, List<String> labFigures, boolean labQuick) {
        return indexHtml(outcomes, source, labFigures, labQuick, false);
    }

    /**
     * As above, with a section on the decision-region explorer: how to start it and, when {@code explorerDrawn}, its
     * headless view ({@link DecisionExplorerView}).
     */
    static String indexHtml(List<Outcome> outcomes, String source, List<String> labFigures, boolean labQuick,
                            boolean explorerDrawn) {
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
                  img { max-width: 100%; height: auto; border: 1px solid #ddd; }
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
                html.append("<figure>\n<a href=\"").append(o.figure().file()).append("\">")
                        .append(image(o.figure().file(), o.figure().caption()))
                        .append("</a>\n<figcaption>").append(caption).append("</figcaption>\n</figure>\n");
            } else {
                html.append("<p class=\"note\">").append(caption).append("<br>").append(escape(o.note()))
                        .append("</p>\n");
            }
        }
        html.append("<h2>Decision-region explorer</h2>\n<p>Figure 12's networks as a window: choose the activation,"
                + " width, depth, seed, initializer (a constant one keeps every unit alike) and learning rate, press"
                + " <em>Train</em> and watch the regions move: <code>./mvnw -q -pl charts -am compile exec:java"
                + " -Dexec.mainClass=workbook.charts.DecisionExplorerApp</code>.");
        if (explorerDrawn) {
            html.append(" Its view without a window (<code>-Dexec.mainClass=workbook.charts.DecisionExplorerView</code>):"
                    + "</p>\n<figure>\n<a href=\"").append(DecisionExplorerView.FILE).append("\">")
                    .append(image(DecisionExplorerView.FILE, "the explorer's view")).append("</a>\n</figure>\n");
        } else {
            html.append("</p>\n");
        }
        if (!labFigures.isEmpty()) {
            html.append("<h2>MNIST lab</h2>\n<p>Drawn from the lab's saved runs (see the README's MNIST lab section).</p>\n");
            if (labQuick) {
                html.append("<p class=\"note\">These were drawn by <code>--quick</code> runs (a few hundred images, a few"
                        + " epochs): they show that the lab works, not what the protocol finds.</p>\n");
            }
            for (String file : labFigures) {
                html.append("<figure>\n<a href=\"").append(file).append("\">").append(image(file, file))
                        .append("</a>\n<figcaption>").append(escape(LabFigures.caption(name(file))))
                        .append(" <code>").append(escape(name(file))).append("</code></figcaption>\n</figure>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** An image shown at half its pixel size (the figures are drawn at twice their logical size). */
    private static String image(String file, String alt) {
        return "<img src=\"" + file + "\" srcset=\"" + file + " 2x\" alt=\"" + escape(alt) + "\">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
