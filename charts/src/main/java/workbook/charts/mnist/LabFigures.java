package workbook.charts.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import workbook.charts.mnist.RunStore.StoredRun;

/** Draws every figure of the protocol's results from the stored runs into a figure folder's {@code lab/}. */
public final class LabFigures {
    private LabFigures() {}

    /** Draws what {@code results} has data for; returns the files written. */
    public static List<Path> render(Protocol.Results results, Path figures) throws IOException {
        List<Path> files = new ArrayList<>();
        Path lab = figures.resolve("lab");
        if (!results.d().isEmpty()) {
            String title = "(d) lr " + RunSpec.rate(results.d().get(0).spec().learningRate());
            LabCurves.render(add(files, lab.resolve("lab-d-curves.png")), title, results.d(),
                    run -> run.spec().activation().label(), false);
        }
        for (RateSearch.Outcome outcome : results.e().values()) {
            LabCurves.render(add(files, lab.resolve("lab-e-" + outcome.activation().key() + ".png")),
                    "(e) " + outcome.activation().label(), outcome.runs(),
                    run -> "lr " + RunSpec.rate(run.spec().learningRate())
                            + (outcome.best().map(b -> b == run).orElse(false) ? " (best)" : ""), true);
        }
        if (!results.f().isEmpty()) {
            LabTestAccuracy.render(add(files, figures.resolve(LabTestAccuracy.FILE)), results.f());
        }
        if (results.g() != null && !results.g().result().learned().isEmpty()) {
            LabSwish.render(add(files, figures.resolve(LabSwish.FILE)), results.g());
        }
        if (!results.init().isEmpty()) {
            LabInitGrid.render(add(files, figures.resolve(LabInitGrid.FILE)), results.init());
            for (Activation a : results.init().stream().map(r -> r.spec().activation()).distinct().toList()) {
                List<StoredRun> runs = results.init().stream().filter(r -> r.spec().activation() == a).toList();
                LabCurves.render(add(files, lab.resolve("lab-init-" + a.key() + ".png")), "Part 4, " + a.label(),
                        runs, run -> run.spec().init().label(), false);
            }
        }
        return files;
    }

    private static Path add(List<Path> files, Path file) {
        files.add(file);
        return file;
    }
}
