package workbook.charts.mnist.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.data.Split;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.Runner.Job;

/**
 * The lab's protocol, part by part, on top of a {@link Runner} (which skips stored runs).
 * Each configuration runs with {@link LabConfig#seeds(String)} seeds (part (e)'s grid with one).
 * <ul>
 * <li>(d) the MLP 784-200-64-10 with each activation, PyTorch's default init, rate {@code --rate} (0.005),
 *     {@code --epochs} (1,000) full-batch epochs; trained on the first 80 % of the labelled images, evaluated
 *     on the last 20 % (validation).
 * <li>(e) the same per activation over a log-spaced grid of rates, extended by {@link RateSearch}'s rule; then
 *     its two best rates again with part (d)'s seeds, and the one with the higher mean validation accuracy is
 *     the best ({@link RateChoice}).
 * <li>(f) each activation at its best rate, trained on all labelled images and scored on the test set once,
 *     after the last epoch ({@link RunSpec#scoredOnce}: the test set chooses nothing, so no curve of it is kept).
 * <li>(g) Swish with a trainable beta per hidden layer at Swish's best rate, trained and tested like (f).
 * <li>(init) part 4: {@code --init-depth} (10) hidden layers of {@code --init-width} (100) units, each
 *     initialization crossed with each activation, SGD at {@code --init-rate} (0.01) in batches of
 *     {@code --init-batch} (64) for {@code --init-epochs} (10) epochs; training and validation as in (d).
 *     Why 10 layers: a per-layer variance factor compounds, so the effects show plainly (Xavier under ReLU
 *     halves the variance per layer, about 1/1000 after 10 layers; PyTorch's default {@code 1/(3 fanIn)} loses
 *     a factor 6 per ReLU layer, about 6e-8; N(0, 1) with fan-in 100 multiplies it by 50 per ReLU layer and
 *     overflows the loss), while 15 runs of mini-batch SGD still take minutes, not hours.
 * </ul>
 */
public final class Protocol {
    /** Part 3's hidden layers, as the seed fixes them. */
    public static final List<Integer> PART3_HIDDEN = List.of(200, 64);

    private final LabConfig config;
    private final Runner runner;
    private final Split split;
    private final ImageSet labelled;
    private final ImageSet test;

    /** A protocol over {@code labelled} images (split 80/20) and {@code test} images. */
    public Protocol(LabConfig config, ImageSet labelled, ImageSet test, Runner runner) {
        this.config = config;
        this.runner = runner;
        this.labelled = labelled;
        this.test = test;
        this.split = Split.of(labelled);
    }

    /**
     * What a protocol found: the runs of each part that ran (empty lists and maps for the others), every seed's.
     *
     * @param d      part (d)'s runs, activation-major, then by seed
     * @param e      part (e)'s search per activation (one seed)
     * @param chosen part (e)'s best rate per activation, from its two best rates over several seeds
     * @param f      part (f)'s runs, activation-major, then by seed
     * @param g      part (g)'s runs, by seed
     * @param init   part 4's runs, initialization-major, then activation, then seed
     */
    public record Results(List<StoredRun> d, Map<LabActivation, RateSearch.SearchResult> e, Map<LabActivation, RateChoice> chosen,
            List<StoredRun> f, List<StoredRun> g, List<StoredRun> init) {}

    /**
     * Part (e)'s best rate for one activation, with its uncertainty: the grid's two best rates (one seed each),
     * run again with more seeds; the rate with the higher mean final validation accuracy is chosen.
     *
     * @param rate     the chosen rate
     * @param runs     its runs, by seed
     * @param runnerUp the other rate, or NaN when the grid had only one rate that did not diverge
     * @param others   the runner-up's runs, by seed (empty without one)
     */
    public record RateChoice(double rate, List<StoredRun> runs, double runnerUp, List<StoredRun> others) {}

    /** Runs the configured parts (except the figure of part a) and returns their runs. */
    public Results run() {
        List<StoredRun> d = config.runs("d") ? runner.run("part (d)", partD()) : List.of();
        List<LabActivation> searched = new ArrayList<>();
        if (config.runs("e") || config.runs("f")) {
            searched.addAll(config.activations());
        }
        if (config.runs("g") && !searched.contains(LabActivation.SWISH)) {
            searched.add(LabActivation.SWISH);
        }
        Map<LabActivation, RateSearch.SearchResult> e = searched.isEmpty() ? Map.of() : searchRates(searched);
        Map<LabActivation, RateChoice> chosen = e.isEmpty() ? Map.of() : choose(e);
        List<StoredRun> f = List.of();
        if (config.runs("f")) {
            List<Job> jobs = new ArrayList<>();
            for (LabActivation a : config.activations()) {
                if (chosen.containsKey(a)) {
                    config.seedsOf("f").forEach(seed -> jobs.add(retrain("f", a, chosen.get(a).rate(), false, seed)));
                }
            }
            f = runner.run("part (f)", jobs);
        }
        List<StoredRun> g = List.of();
        if (config.runs("g") && chosen.containsKey(LabActivation.SWISH)) {
            double rate = chosen.get(LabActivation.SWISH).rate();
            g = runner.run("part (g)", config.seedsOf("g").stream()
                    .map(seed -> retrain("g", LabActivation.SWISH, rate, true, seed)).toList());
        }
        List<StoredRun> init = config.runs("init") ? runner.run("part 4 (init x activation)", partInit()) : List.of();
        return new Results(d, e, chosen, f, g, init);
    }

    /** Part (d)'s jobs: every activation with every seed of (d). */
    List<Job> partD() {
        List<Job> jobs = new ArrayList<>();
        for (LabActivation a : config.activations()) {
            config.seedsOf("d").forEach(seed -> jobs.add(validation("d", a, config.rate(), seed)));
        }
        return jobs;
    }

    /** Part (e): every activation's grid, run in rounds until no best rate sits at an edge. */
    Map<LabActivation, RateSearch.SearchResult> searchRates(List<LabActivation> activations) {
        Map<LabActivation, List<Double>> grids = new LinkedHashMap<>();
        Map<LabActivation, Integer> extensions = new LinkedHashMap<>();
        for (LabActivation a : activations) {
            grids.put(a, new ArrayList<>(config.rates()));
            extensions.put(a, 0);
        }
        for (int round = 0; ; round++) {
            List<Job> jobs = new ArrayList<>();
            List<LabActivation> owners = new ArrayList<>();
            grids.forEach((a, rates) -> rates.forEach(rate -> {
                jobs.add(validation("e", a, rate, config.seed()));
                owners.add(a);
            }));
            List<StoredRun> runs = runner.run(round == 0 ? "part (e) learning-rate grid"
                    : "part (e) grid extension " + round, jobs);
            Map<LabActivation, List<StoredRun>> byActivation = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                byActivation.computeIfAbsent(owners.get(i), a -> new ArrayList<>()).add(runs.get(i));
            }
            boolean grown = false;
            for (LabActivation a : activations) {
                OptionalDouble next = RateSearch.extension(byActivation.get(a));
                if (next.isPresent() && extensions.get(a) < config.maxExtensions()) {
                    grids.get(a).add(next.getAsDouble());
                    extensions.merge(a, 1, Integer::sum);
                    grown = true;
                }
            }
            if (!grown) {
                Map<LabActivation, RateSearch.SearchResult> outcomes = new LinkedHashMap<>();
                byActivation.forEach((a, mine) -> outcomes.put(a, RateSearch.outcome(a, mine)));
                return outcomes;
            }
        }
    }

    /**
     * Part (e)'s choice per activation: its two best rates of the grid, each with part (d)'s seeds (the grid's own
     * run is the first seed's, already stored: two more runs per rate by default, enough for a paired comparison
     * at a third of the cost of part (f)'s five), and the one with the higher mean final validation accuracy.
     */
    Map<LabActivation, RateChoice> choose(Map<LabActivation, RateSearch.SearchResult> outcomes) {
        Map<LabActivation, List<Double>> top = new LinkedHashMap<>();
        List<Job> jobs = new ArrayList<>();
        outcomes.forEach((a, outcome) -> {
            List<Double> two = RateSearch.ranked(outcome.runs()).stream().limit(2)
                    .map(r -> r.spec().learningRate()).toList();
            top.put(a, two);
            two.forEach(rate -> config.seedsOf("d").forEach(seed -> jobs.add(validation("e", a, rate, seed))));
        });
        // each run says which activation and rate it is: group by those, not by a parallel list of owners
        Map<String, List<StoredRun>> byRate = jobs.isEmpty() ? Map.of() : Seeds.group(runner.run(
                "part (e) the two best rates, " + config.seeds("d") + " seeds each", jobs),
                r -> r.spec().activation() + " " + r.spec().learningRate());
        Map<LabActivation, RateChoice> chosen = new LinkedHashMap<>();
        top.forEach((a, two) -> {
            if (two.isEmpty()) {
                return; // every rate diverged: no best rate
            }
            List<List<StoredRun>> seeds = two.stream().map(rate -> byRate.get(a + " " + rate)).toList();
            int best = seeds.size() > 1 && mean(seeds.get(1)) > mean(seeds.get(0)) ? 1 : 0;
            int other = 1 - best;
            chosen.put(a, new RateChoice(two.get(best), seeds.get(best), seeds.size() > 1 ? two.get(other)
                    : Double.NaN, seeds.size() > 1 ? seeds.get(other) : List.of()));
        });
        return chosen;
    }

    /** The mean final validation accuracy of runs (a diverged run counts as chance). */
    private static double mean(List<StoredRun> runs) {
        return runs.stream().mapToDouble(Seeds::accuracy).average().orElse(0);
    }

    /** Part 4's jobs, initialization-major. */
    List<Job> partInit() {
        List<Job> jobs = new ArrayList<>();
        List<Integer> hidden = Collections.nCopies(config.initDepth(), config.initWidth());
        for (Init init : config.inits()) {
            for (LabActivation a : config.initActivations()) {
                for (long seed : config.seedsOf("init")) {
                    jobs.add(new Job(new RunSpec("init", a, init, hidden, config.initRate(), config.initEpochs(),
                            config.initBatch(), false, seed, split.train().size(), "validation",
                            split.validation().size()), split.train(), split.validation()));
                }
            }
        }
        return jobs;
    }

    /** The jobs known before anything is trained (for {@code --list}): (d), (e)'s starting grid, (init). */
    public List<Job> plan() {
        List<Job> jobs = new ArrayList<>();
        if (config.runs("d")) {
            jobs.addAll(partD());
        }
        if (config.runs("e") || config.runs("f") || config.runs("g")) {
            for (LabActivation a : config.activations()) {
                config.rates().forEach(rate -> jobs.add(validation("e", a, rate, config.seed())));
            }
        }
        if (config.runs("init")) {
            jobs.addAll(partInit());
        }
        return jobs;
    }

    private Job validation(String part, LabActivation a, double rate, long seed) {
        return new Job(new RunSpec(part, a, Init.PYTORCH, PART3_HIDDEN, rate, config.epochs(), config.batch(), false,
                seed, split.train().size(), "validation", split.validation().size()), split.train(),
                split.validation());
    }

    private Job retrain(String part, LabActivation a, double rate, boolean trainableBeta, long seed) {
        return new Job(new RunSpec(part, a, Init.PYTORCH, PART3_HIDDEN, rate, config.epochs(), config.batch(),
                trainableBeta, seed, labelled.size(), "test", test.size()), labelled, test);
    }
}
