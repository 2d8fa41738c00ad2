package workbook.charts.mnist.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.LabConfig;
import workbook.charts.mnist.protocol.Protocol;
import workbook.charts.mnist.protocol.RateSearch;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.Seeds.Paired;
import workbook.charts.mnist.protocol.Seeds.Spread;
import workbook.charts.mnist.protocol.Seeds;

/**
 * The lab's observations, read from the runs (never typed in): what converged, the best rates, the test
 * accuracies, the learned betas and the init x activation grid. Every number over several seeds is a mean with
 * its standard deviation and range ({@link Spread}); activations are compared by paired per-seed differences
 * ({@link Paired}), and each comparison says whether it exceeds the seed-to-seed noise.
 */
public final class ProtocolReport {
    private ProtocolReport() {}

    /** The report of {@code results} under {@code config}'s rules. */
    public static String text(Protocol.Results results, LabConfig config) {
        StringBuilder out = new StringBuilder();
        if (!results.d().isEmpty()) {
            partD(out, results.d(), config);
        }
        if (!results.e().isEmpty()) {
            partE(out, results, config);
        }
        if (!results.f().isEmpty()) {
            RunSpec first = results.f().get(0).spec();
            out.append("\nPart (f): each activation at its best rate, trained on all ").append(first.trainSize())
                    .append(" labelled images, tested on ").append(first.evalSize()).append(" test images; ")
                    .append(seeds(results.f())).append('\n');
            Map<LabActivation, List<StoredRun>> byActivation = Seeds.group(results.f(), r -> r.spec().activation());
            out.append(String.format(Locale.ROOT, "  %-10s %8s  %s%n", "activation", "rate", "test accuracy"));
            byActivation.forEach((a, runs) -> out.append(String.format(Locale.ROOT, "  %-10s %8s  %s%n", a.label(),
                    RunSpec.rate(runs.get(0).spec().learningRate()), accuracy(runs))));
            ranking(out, byActivation, "test accuracy");
        }
        if (!results.g().isEmpty()) {
            partG(out, results);
        }
        if (!results.init().isEmpty()) {
            partInit(out, results.init());
        }
        return out.toString();
    }

    private static void partD(StringBuilder out, List<StoredRun> runs, LabConfig config) {
        RunSpec first = runs.get(0).spec();
        out.append(String.format(Locale.ROOT, "Part (d): rate %s, %d epochs, %s, PyTorch default init, %d training"
                + " / %d validation images; %s%n", RunSpec.rate(first.learningRate()), first.epochs(),
                first.fullBatch() ? "full batch" : "batches of " + first.batchSize(), first.trainSize(),
                first.evalSize(), seeds(runs)));
        out.append(String.format(Locale.ROOT, "  %-10s %-30s %-33s %s%n", "activation", "validation accuracy",
                "final training loss", "converged (training loss <= " + config.convergedLoss() + ")"));
        Map<LabActivation, List<StoredRun>> byActivation = Seeds.group(runs, r -> r.spec().activation());
        List<String> converged = new ArrayList<>();
        byActivation.forEach((a, mine) -> {
            long yes = mine.stream().filter(r -> RateSearch.converged(r, config.convergedLoss())).count();
            long diverged = mine.stream().filter(RateSearch::diverged).count();
            if (yes == mine.size()) {
                converged.add(a.label());
            }
            out.append(String.format(Locale.ROOT, "  %-10s %-30s %-33s %d of %d%s%n", a.label(), accuracy(mine),
                    Spread.of(mine, r -> r.result().last().trainLoss()).plain(), yes, mine.size(),
                    diverged > 0 ? " (" + diverged + " diverged)" : ""));
        });
        out.append("  Converged with every seed: ").append(converged.isEmpty() ? "none" : String.join(", ", converged))
                .append('\n');
        ranking(out, byActivation, "validation accuracy");
    }

    /**
     * The activations by mean accuracy, each against the next one down, paired by seed: which gaps exceed the
     * seed-to-seed noise and which do not.
     */
    private static void ranking(StringBuilder out, Map<LabActivation, List<StoredRun>> byActivation, String what) {
        if (byActivation.size() < 2) {
            return;
        }
        List<Map.Entry<LabActivation, List<StoredRun>>> ranked = byActivation.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<LabActivation, List<StoredRun>> e) ->
                        Spread.of(e.getValue(), Seeds::accuracy).mean()).reversed())
                .toList();
        out.append("  Ranked by mean ").append(what).append(": ").append(ranked.stream().map(e -> e.getKey().label())
                .collect(Collectors.joining(" > "))).append("; each against the next, paired by seed (the same"
                + " seeds, the same images):\n");
        for (int i = 0; i + 1 < ranked.size(); i++) {
            LabActivation a = ranked.get(i).getKey();
            LabActivation b = ranked.get(i + 1).getKey();
            String gap = Paired.of(ranked.get(i).getValue(), ranked.get(i + 1).getValue(), Seeds::accuracy)
                    .map(Paired::points).orElse("no seed in common");
            out.append(String.format(Locale.ROOT, "    %s - %s: %s%n", a.label(), b.label(), gap));
        }
        if (ranked.size() > 2) {
            List<String> beyond = beyondTheNoise(ranked);
            out.append("  Of all ").append(ranked.size() * (ranked.size() - 1) / 2).append(" pairs, beyond the noise:")
                    .append(beyond.isEmpty() ? " none\n" : beyond.stream().map(line -> "\n    " + line)
                            .collect(Collectors.joining()) + "\n");
        }
    }

    /**
     * Every pair of the ranking whose paired gap is beyond the noise, one line per activation ahead, with the gap in
     * points ({@code "Tanh > Mish (+0.49), Swish (+0.71)"}): two neighbours may each sit within the noise while the
     * ends of the chain are told apart.
     */
    static List<String> beyondTheNoise(List<Map.Entry<LabActivation, List<StoredRun>>> ranked) {
        Map<LabActivation, List<String>> ahead = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                LabActivation a = ranked.get(i).getKey();
                LabActivation b = ranked.get(j).getKey();
                Paired.of(ranked.get(i).getValue(), ranked.get(j).getValue(), Seeds::accuracy)
                        .filter(Paired::beyond)
                        .ifPresent(p -> ahead.computeIfAbsent(p.mean() > 0 ? a : b, k -> new ArrayList<>())
                                .add(String.format(Locale.ROOT, "%s (%+.2f)", (p.mean() > 0 ? b : a).label(),
                                        100 * Math.abs(p.mean()))));
            }
        }
        return ahead.entrySet().stream().map(e -> e.getKey().label() + " > " + String.join(", ", e.getValue()))
                .toList();
    }

    private static void partE(StringBuilder out, Protocol.Results results, LabConfig config) {
        out.append("\nPart (e): final validation accuracy per rate, one seed (* best of the grid; converged: final"
                + " training loss <= ").append(config.convergedLoss()).append(")\n");
        for (RateSearch.SearchResult outcome : results.e().values()) {
            out.append(String.format(Locale.ROOT, "  %-10s", outcome.activation().label()));
            for (StoredRun run : outcome.runs()) {
                boolean best = outcome.best().map(b -> b == run).orElse(false);
                out.append(' ').append(RunSpec.rate(run.spec().learningRate())).append(best ? "*" : "").append(" (")
                        .append(RateSearch.diverged(run) ? "diverged" : accuracy(List.of(run))).append(')');
            }
            out.append('\n');
            String rates = outcome.runs().stream().filter(r -> RateSearch.converged(r, config.convergedLoss()))
                    .map(r -> RunSpec.rate(r.spec().learningRate())).collect(Collectors.joining(", "));
            out.append("             converging rates: ").append(rates.isEmpty() ? "none" : rates)
                    .append(outcome.atEdge() ? "; WARNING: the best rate is still at the grid's edge (raise"
                            + " --max-extensions)" : "").append('\n');
            Protocol.RateChoice choice = results.chosen().get(outcome.activation());
            if (choice == null) {
                out.append("             every rate diverged: no best rate\n");
                continue;
            }
            out.append("             best rate ").append(RunSpec.rate(choice.rate())).append(": ")
                    .append(accuracy(choice.runs()));
            if (!choice.others().isEmpty()) {
                out.append("; runner-up ").append(RunSpec.rate(choice.runnerUp())).append(": ")
                        .append(accuracy(choice.others())).append("\n             best - runner-up: ")
                        .append(Paired.of(choice.runs(), choice.others(), Seeds::accuracy).map(Paired::points)
                                .orElse("has no seed in common"));
            }
            out.append('\n');
        }
    }

    private static void partG(StringBuilder out, Protocol.Results results) {
        List<StoredRun> g = results.g();
        out.append("\nPart (g): Swish with a trainable beta per hidden layer at rate ")
                .append(RunSpec.rate(g.get(0).spec().learningRate())).append(", ").append(seeds(g))
                .append(": learned (from 1) ");
        List<String> keys = g.get(0).result().learned().keySet().stream().sorted().toList();
        out.append(keys.stream().map(k -> k + " = " + Spread.of(g, r -> r.result().learned().getOrDefault(k,
                Double.NaN)).plain()).collect(Collectors.joining(", ")));
        out.append("; test accuracy ").append(accuracy(g)).append('\n');
        List<StoredRun> fixed = results.f().stream().filter(r -> r.spec().activation() == LabActivation.SWISH).toList();
        if (!fixed.isEmpty()) {
            out.append("  against Swish with beta fixed at 1 in (f): ")
                    .append(Paired.of(g, fixed, Seeds::accuracy).map(Paired::points).orElse("no seed in common"))
                    .append('\n');
        }
    }

    private static void partInit(StringBuilder out, List<StoredRun> runs) {
        RunSpec first = runs.get(0).spec();
        out.append(String.format(Locale.ROOT, "%nPart 4: final validation accuracy, %d hidden layers of %d, rate %s,"
                + " %d epochs, %s; %s (c: the mean is within 2 points of chance, 10 %%)%n", first.hidden().size(),
                first.hidden().get(0), RunSpec.rate(first.learningRate()), first.epochs(),
                first.fullBatch() ? "full batch" : "batches of " + first.batchSize(), seeds(runs)));
        Set<Init> inits = new LinkedHashSet<>();
        Set<LabActivation> activations = new LinkedHashSet<>();
        runs.forEach(r -> {
            inits.add(r.spec().init());
            activations.add(r.spec().activation());
        });
        out.append(String.format(Locale.ROOT, "  %-20s", "init \\ activation"));
        activations.forEach(a -> out.append(String.format(Locale.ROOT, " %-31s", a.label())));
        out.append('\n');
        for (Init init : inits) {
            out.append(String.format(Locale.ROOT, "  %-20s", init.label()));
            for (LabActivation a : activations) {
                List<StoredRun> cell = runs.stream().filter(r -> r.spec().init() == init && r.spec().activation() == a)
                        .toList();
                String text = cell.isEmpty() ? "-" : cell.stream().allMatch(RateSearch::diverged) ? "diverged"
                        : accuracy(cell) + (Seeds.atChance(Spread.of(cell, Seeds::accuracy).mean()) ? " c" : "");
                out.append(String.format(Locale.ROOT, " %-31s", text));
            }
            out.append('\n');
        }
    }

    /** "3 seeds (1-3)", "1 seed (1)". */
    private static String seeds(List<StoredRun> runs) {
        List<Long> seeds = runs.stream().map(r -> r.spec().seed()).distinct().sorted().toList();
        return seeds.size() == 1 ? "1 seed (" + seeds.get(0) + ")"
                : seeds.size() + " seeds (" + seeds.get(0) + "-" + seeds.get(seeds.size() - 1) + ") per configuration";
    }

    private static String accuracy(List<StoredRun> runs) {
        return Spread.of(runs, Seeds::accuracy).percent();
    }
}
