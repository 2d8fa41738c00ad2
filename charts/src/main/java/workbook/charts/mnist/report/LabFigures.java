package workbook.charts.mnist.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.Protocol;
import workbook.charts.mnist.protocol.RateSearch;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.Seeds;

/** Draws every figure of the protocol's results from the stored runs into a figure folder's {@code lab/}. */
public final class LabFigures {
    private LabFigures() {}

    /**
     * The file in the lab's figure folder that says its figures come from {@code --quick} runs (a few hundred
     * images, a few epochs): the figure index says so above them. Removed when the protocol's own runs draw them.
     */
    public static final String QUICK_MARK = "QUICK";

    /** Draws what {@code results} has data for; returns the files written. */
    public static List<Path> render(Protocol.Results results, Path figures) throws IOException {
        return render(results, figures, false);
    }

    /** As {@link #render(Protocol.Results, Path)}; {@code quick} puts "--quick" in every title, and leaves the mark. */
    public static List<Path> render(Protocol.Results results, Path figures, boolean quick) throws IOException {
        List<Path> files = new ArrayList<>();
        Path lab = figures.resolve("lab");
        java.nio.file.Files.createDirectories(lab);
        if (quick) {
            java.nio.file.Files.writeString(lab.resolve(QUICK_MARK), "drawn by the lab's --quick runs\n");
        } else {
            java.nio.file.Files.deleteIfExists(lab.resolve(QUICK_MARK));
        }
        String mark = quick ? " [--quick]" : "";
        if (!results.d().isEmpty()) {
            String title = "(d) lr " + RunSpec.rate(results.d().get(0).spec().learningRate()) + seedsNote(results.d())
                    + mark;
            LabCurves.renderWithBands(add(files, lab.resolve("lab-d-curves.png")), title, new ArrayList<>(Seeds.group(
                    results.d(), r -> r.spec().activation()).values()), run -> run.spec().activation().label());
        }
        List<Double> allRates = results.e().values().stream().flatMap(o -> o.runs().stream())
                .map(r -> r.spec().learningRate()).distinct().sorted().toList();
        for (RateSearch.SearchResult outcome : results.e().values()) {
            // the best rate as chosen over seeds, where the protocol chose one; else the grid's
            Protocol.RateChoice choice = results.chosen().get(outcome.activation());
            StoredRun best = outcome.runs().stream().filter(r -> choice != null
                    ? r.spec().learningRate() == choice.rate() : outcome.best().map(b -> b == r).orElse(false))
                    .findFirst().orElse(null);
            LabCurves.renderRates(add(files, lab.resolve("lab-e-" + outcome.activation().key() + ".png")),
                    "(e) " + outcome.activation().label() + mark, outcome.runs(), best, allRates);
        }
        if (!results.f().isEmpty()) {
            LabTestAccuracy.render(add(files, figures.resolve(LabTestAccuracy.FILE)), new ArrayList<>(Seeds.group(
                    results.f(), r -> r.spec().activation()).values()), mark);
        }
        if (!results.g().isEmpty() && !results.g().get(0).result().learned().isEmpty()) {
            LabSwish.render(add(files, figures.resolve(LabSwish.FILE)), Seeds.mean(results.g()), mark);
        }
        if (!results.init().isEmpty()) {
            List<StoredRun> cells = means(results.init(), r -> r.spec().init() + " " + r.spec().activation());
            LabInitGrid.render(add(files, figures.resolve(LabInitGrid.FILE)), results.init(), mark);
            for (LabActivation a : results.init().stream().map(r -> r.spec().activation()).distinct().toList()) {
                List<StoredRun> runs = cells.stream().filter(r -> r.spec().activation() == a).toList();
                LabCurves.render(add(files, lab.resolve("lab-init-" + a.key() + ".png")), "Part 4, " + a.label()
                        + seedsNote(results.init()) + mark, runs, run -> run.spec().init().label(), false);
            }
        }
        return files;
    }

    /**
     * The caption of the lab figure called {@code fileName} (as {@link #render} names them) for the figure index;
     * the file name itself for a file the lab does not draw.
     */
    public static String caption(String fileName) {
        String name = fileName.replaceFirst("\\.png$", "");
        Optional<LabActivation> activation = activationOf(name + ".png");
        if (activation.isPresent() && part(name).equals("lab-e-")) {
            return "(e) " + activation.get().label() + ": the rate search, four of the seed's 24 plots"
                    + " (six activations, four curves each). One colour per learning rate, the same in all six figures,"
                    + " from the smallest rate (dark) to the largest (light); the best rate (chosen by its mean"
                    + " validation accuracy over seeds) solid and thicker, the others dashed; losses on a log axis;"
                    + " \"(diverged)\" marks a run whose loss stopped being a number.";
        }
        if (activation.isPresent()) {
            return "Part 4, " + activation.get().label() + ": the four curves of the deep network"
                    + " under each initialization.";
        }
        return switch (name) {
            case "lab-a-samples" -> "(a) Three random training images and three random test images with their labels"
                    + " (fixed seed).";
            case "lab-d-curves" -> "(d) The seed's run at its small rate, PyTorch's default initialization: training"
                    + " and validation loss and accuracy against the epoch, one curve per activation, the mean of its"
                    + " seeds, with a band from the lowest to the highest seed.";
            case "lab-f-test-accuracy" -> "(f) Test accuracy of each activation retrained at its best rate (on the"
                    + " bar) on all the labelled images, training and validation together.";
            case "lab-g-swish" -> "(g) The Swish x σ(βx) of each hidden layer with the β it learned, against the fixed"
                    + " β = 1 (SiLU) it started from.";
            case "lab-init-grid" -> "Part 4: final validation accuracy of the deep network for each initialization"
                    + " and activation.";
            default -> fileName;
        };
    }

    /** {@code chart} with {@code mark} ("[--quick]" or nothing) after its title. */
    static org.jfree.chart.JFreeChart marked(org.jfree.chart.JFreeChart chart, String mark) {
        chart.setTitle(chart.getTitle().getText() + mark);
        return chart;
    }

    /** Each configuration's runs as one run: the epoch-by-epoch mean over its seeds ({@link Seeds#mean}). */
    private static <K> List<StoredRun> means(List<StoredRun> runs, java.util.function.Function<StoredRun, K> key) {
        return Seeds.group(runs, key).values().stream().map(Seeds::mean).toList();
    }

    /** ", mean of 3 seeds" when the runs have more than one seed per configuration. */
    private static String seedsNote(List<StoredRun> runs) {
        long seeds = runs.stream().map(r -> r.spec().seed()).distinct().count();
        return seeds > 1 ? ", mean of " + seeds + " seeds" : "";
    }

    private static boolean isActivation(String key) {
        return Arrays.stream(LabActivation.values()).anyMatch(a -> a.key().equals(key));
    }

    /**
     * The order of the lab's figure files on the index page: by part (a, d, e, f, g, then part 4's grid and curves)
     * and, within a part, the activations in the seed's order (ReLU, Sigmoid, LeakyReLU, Tanh, Mish, Swish), not the
     * alphabet's; a file the lab does not draw by its name.
     */
    public static final Comparator<String> INDEX_ORDER = Comparator.comparing(LabFigures::part)
            .thenComparingInt(file -> activationOf(file).map(Enum::ordinal).orElse(-1))
            .thenComparing(Comparator.naturalOrder());

    /** The part a file belongs to, up to its second hyphen: {@code lab-e-} for {@code lab-e-tanh.png}. */
    private static String part(String file) {
        int first = file.indexOf('-');
        int second = first < 0 ? -1 : file.indexOf('-', first + 1);
        return second < 0 ? file : file.substring(0, second + 1);
    }

    /** The activation a per-activation figure ({@code lab-e-tanh.png}, {@code lab-init-relu.png}) is drawn for. */
    private static Optional<LabActivation> activationOf(String file) {
        for (String part : List.of("lab-e-", "lab-init-")) {
            String key = file.startsWith(part) && file.endsWith(".png")
                    ? file.substring(part.length(), file.length() - ".png".length()) : "";
            if (isActivation(key)) {
                return Optional.of(LabActivation.of(key));
            }
        }
        return Optional.empty();
    }

    private static Path add(List<Path> files, Path file) {
        files.add(file);
        return file;
    }
}
