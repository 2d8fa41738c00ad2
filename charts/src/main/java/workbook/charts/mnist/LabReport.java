package workbook.charts.mnist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import workbook.charts.mnist.RunStore.StoredRun;

/** The lab's observations, read from the runs (never typed in): tables of what converged, the best rates, the
 * test accuracies, the learned betas and the init x activation grid. */
public final class LabReport {
    private LabReport() {}

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
            out.append("\nPart (f): each activation at its best rate, trained on all ")
                    .append(results.f().get(0).spec().trainSize()).append(" labelled images, tested on ")
                    .append(results.f().get(0).spec().evalSize()).append(" test images\n");
            out.append(String.format(Locale.ROOT, "  %-10s %9s %14s%n", "activation", "rate", "test accuracy"));
            for (StoredRun run : results.f()) {
                out.append(String.format(Locale.ROOT, "  %-10s %9s %14s%n", run.spec().activation().label(),
                        RunSpec.rate(run.spec().learningRate()), accuracy(run)));
            }
        }
        if (results.g() != null) {
            StoredRun g = results.g();
            out.append("\nPart (g): Swish with a trainable beta per hidden layer at rate ")
                    .append(RunSpec.rate(g.spec().learningRate())).append(": learned ")
                    .append(g.result().learned().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> String.format(Locale.ROOT, "%s = %.4f", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", ")))
                    .append(" (started at 1); test accuracy ").append(accuracy(g)).append('\n');
        }
        if (!results.init().isEmpty()) {
            partInit(out, results.init());
        }
        return out.toString();
    }

    private static void partD(StringBuilder out, List<StoredRun> runs, LabConfig config) {
        RunSpec first = runs.get(0).spec();
        out.append(String.format(Locale.ROOT, "Part (d): rate %s, %d epochs, %s, PyTorch default init, %d training"
                + " / %d validation images%n", RunSpec.rate(first.learningRate()), first.epochs(),
                first.fullBatch() ? "full batch" : "batches of " + first.batchSize(), first.trainSize(), first.evalSize()));
        out.append(String.format(Locale.ROOT, "  %-10s %10s %10s %10s %10s  %s%n", "activation", "train loss",
                "train acc", "val loss", "val acc", "converged (final train loss <= " + config.convergedLoss() + ")"));
        List<String> converged = new ArrayList<>();
        for (StoredRun run : runs) {
            EpochStats last = run.result().last();
            boolean yes = RateSearch.converged(run, config.convergedLoss());
            if (yes) {
                converged.add(run.spec().activation().label());
            }
            out.append(String.format(Locale.ROOT, "  %-10s %10.4f %9.2f%% %10.4f %9.2f%%  %s%n",
                    run.spec().activation().label(), last.trainLoss(), 100 * last.trainAccuracy(), last.evalLoss(),
                    100 * last.evalAccuracy(), RateSearch.diverged(run) ? "diverged" : yes ? "yes" : "no"));
        }
        out.append("  Converged at this rate: ").append(converged.isEmpty() ? "none" : String.join(", ", converged))
                .append('\n');
    }

    private static void partE(StringBuilder out, Protocol.Results results, LabConfig config) {
        out.append("\nPart (e): final validation accuracy per rate (* best: highest final validation accuracy;"
                + " converged: final training loss <= ").append(config.convergedLoss()).append(")\n");
        for (RateSearch.Outcome outcome : results.e().values()) {
            out.append(String.format(Locale.ROOT, "  %-10s", outcome.activation().label()));
            for (StoredRun run : outcome.runs()) {
                boolean best = outcome.best().map(b -> b == run).orElse(false);
                out.append(' ').append(RunSpec.rate(run.spec().learningRate())).append(best ? "*" : "").append(" (")
                        .append(RateSearch.diverged(run) ? "diverged" : accuracy(run)).append(')');
            }
            out.append('\n');
            String verdict = outcome.best().map(b -> "best rate " + RunSpec.rate(b.spec().learningRate())
                    + (RateSearch.converged(b, config.convergedLoss()) ? ", converges" : ", does not converge")
                    + " in " + b.spec().epochs() + " epochs").orElse("every rate diverged");
            String rates = outcome.runs().stream().filter(r -> RateSearch.converged(r, config.convergedLoss()))
                    .map(r -> RunSpec.rate(r.spec().learningRate())).collect(Collectors.joining(", "));
            out.append("             ").append(verdict).append("; converging rates: ")
                    .append(rates.isEmpty() ? "none" : rates)
                    .append(outcome.atEdge() ? "; WARNING: the best rate is still at the grid's edge (raise"
                            + " --max-extensions)" : "").append('\n');
        }
    }

    private static void partInit(StringBuilder out, List<StoredRun> runs) {
        RunSpec first = runs.get(0).spec();
        out.append(String.format(Locale.ROOT, "%nPart 4: final validation accuracy, %d hidden layers of %d, rate %s,"
                + " %d epochs, %s%n", first.hidden().size(), first.hidden().get(0), RunSpec.rate(first.learningRate()),
                first.epochs(), first.fullBatch() ? "full batch" : "batches of " + first.batchSize()));
        Set<Init> inits = new LinkedHashSet<>();
        Set<Activation> activations = new LinkedHashSet<>();
        runs.forEach(r -> {
            inits.add(r.spec().init());
            activations.add(r.spec().activation());
        });
        out.append(String.format(Locale.ROOT, "  %-20s", "init \\ activation"));
        activations.forEach(a -> out.append(String.format(Locale.ROOT, " %10s", a.label())));
        out.append('\n');
        for (Init init : inits) {
            out.append(String.format(Locale.ROOT, "  %-20s", init.label()));
            for (Activation a : activations) {
                String cell = runs.stream().filter(r -> r.spec().init() == init && r.spec().activation() == a)
                        .findFirst().map(r -> RateSearch.diverged(r) ? "diverged" : accuracy(r)).orElse("-");
                out.append(String.format(Locale.ROOT, " %10s", cell));
            }
            out.append('\n');
        }
    }

    private static String accuracy(StoredRun run) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * run.result().last().evalAccuracy());
    }
}
