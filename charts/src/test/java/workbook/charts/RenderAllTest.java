package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderAllTest {
    private static Figure drawing(String file) {
        return new Figure(file, args -> Files.writeString(Path.of(args[0]).resolve(file), "png"), "draws " + file);
    }

    private static Figure stub(String file, String message) {
        return new Figure(file, args -> {
            throw new UnsupportedOperationException(message);
        }, "needs a stub");
    }

    @Test
    void aFigureWhoseExerciseIsNotImplementedIsSkippedAndTheRestAreDrawn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.png"), "stale picture from an earlier run");
        List<RenderAll.Outcome> outcomes = RenderAll.render(List.of(drawing("a.png"),
                stub("b.png", "Ex03ReluFamily.relu is not implemented yet"), drawing("c.png")), dir);

        assertThat(outcomes).extracting(RenderAll.Outcome::status).containsExactly(RenderAll.Status.DRAWN,
                RenderAll.Status.SKIPPED, RenderAll.Status.DRAWN);
        assertThat(outcomes.get(1).note()).as("the note names the file, the method and the exercise")
                .contains("b.png", "Ex03ReluFamily.relu is not implemented yet", "Ex03");
        assertThat(dir.resolve("a.png")).exists();
        assertThat(dir.resolve("c.png")).exists();
        assertThat(dir.resolve("b.png")).as("a skipped figure leaves no stale picture behind").doesNotExist();
    }

    @Test
    void anyOtherErrorIsReportedAsAFailureWithoutStoppingTheRest(@TempDir Path dir) throws Exception {
        Figure broken = new Figure("x.png", args -> {
            throw new IllegalStateException("boom");
        }, "broken");
        List<RenderAll.Outcome> outcomes = RenderAll.render(List.of(broken, drawing("y.png")), dir);
        assertThat(outcomes).extracting(RenderAll.Outcome::status)
                .containsExactly(RenderAll.Status.FAILED, RenderAll.Status.DRAWN);
        assertThat(outcomes.get(0).note()).contains("x.png", "boom");
    }

    @Test
    void aFigureStuckInAnEndlessLoopIsSkippedAfterTheTimeLimitNamingTheMethodAndTheRestAreDrawn(@TempDir Path dir)
            throws Exception {
        Figure stuck = new Figure("stuck.png", args -> workbook.exercises.Ex99Spin.spin(), "never ends");
        List<RenderAll.Outcome> outcomes = RenderAll.render(List.of(stuck, drawing("z.png")), dir,
                java.time.Duration.ofMillis(300));
        assertThat(outcomes).extracting(RenderAll.Outcome::status)
                .containsExactly(RenderAll.Status.SKIPPED, RenderAll.Status.DRAWN);
        assertThat(outcomes.get(0).note()).contains("stuck.png", "not finished", "Ex99Spin.spin");
    }

    @Test
    void aCurveThatComesOutNaNIsSkippedNamingTheCurveAndTheInputNotDrawnWithAGap(@TempDir Path dir)
            throws Exception {
        Figure nan = new Figure("fig01-nan.png", args -> Sampling.sample("ReLU", x -> x < 0.5 ? x : Double.NaN, 0, 1,
                5), "a NaN", List.of("Ex03"));
        List<RenderAll.Outcome> outcomes = RenderAll.render(List.of(nan, drawing("z.png")), dir);
        assertThat(outcomes).extracting(RenderAll.Outcome::status)
                .containsExactly(RenderAll.Status.SKIPPED, RenderAll.Status.DRAWN);
        assertThat(outcomes.get(0).note()).contains("fig01-nan.png", "ReLU(0.5) = NaN", "Ex03");
    }

    @Test
    void anExceptionFromAnExerciseIsSkippedNamingTheMethod(@TempDir Path dir) throws Exception {
        Figure throwing = new Figure("t.png", args -> workbook.exercises.Ex99Spin.fail(), "throws");
        List<RenderAll.Outcome> outcomes = RenderAll.render(List.of(throwing), dir);
        assertThat(outcomes.get(0).status()).isEqualTo(RenderAll.Status.SKIPPED);
        assertThat(outcomes.get(0).note()).contains("Ex99Spin.fail", "ArithmeticException");
    }

    @Test
    void theIndexShowsDrawnFiguresWithCaptionsAndNotesForSkippedOnes(@TempDir Path dir) throws Exception {
        List<RenderAll.Outcome> outcomes = RenderAll.render(List.of(drawing("a.png"),
                stub("b.png", "Ex07SmoothActivations.gelu is not implemented yet")), dir);
        String html = RenderAll.indexHtml(outcomes, "exercises");
        assertThat(html).contains("<img src=\"a.png\"", "draws a.png", "your own code",
                "Ex07SmoothActivations.gelu is not implemented yet (finish Ex07 to draw it)");
        assertThat(html).doesNotContain("<img src=\"b.png\"");
    }

    @Test
    void theIndexListsWhateverTheMnistLabDrew(@TempDir Path dir) throws Exception {
        assertThat(RenderAll.labFigures(dir)).as("no lab folder, no section").isEmpty();
        Files.createDirectories(dir.resolve("lab"));
        Files.write(dir.resolve("lab/lab-b-curves.png"), new byte[] {1});
        Files.write(dir.resolve("lab/lab-a-samples.png"), new byte[] {1});
        Files.write(dir.resolve("lab/runs.json"), new byte[] {1});
        List<String> lab = RenderAll.labFigures(dir);
        assertThat(lab).containsExactly("lab/lab-a-samples.png", "lab/lab-b-curves.png");
        String html = RenderAll.indexHtml(List.of(), "solutions", lab);
        assertThat(html).contains("<h2>MNIST lab</h2>", "<img src=\"lab/lab-a-samples.png\" srcset=\"lab/lab-a-samples.png 2x\"");
        assertThat(html).as("a lab figure's caption says what it shows, then its file")
                .contains("<figcaption>(a) Three random training images", "<code>lab-a-samples.png</code>")
                .contains("<figcaption>lab-b-curves.png <code>lab-b-curves.png</code>");
        assertThat(RenderAll.indexHtml(List.of(), "solutions")).doesNotContain("MNIST lab");
    }

    @Test
    void theLabsFiguresAreListedByPartAndTheActivationsInTheSeedsOrder(@TempDir Path dir) throws Exception {
        Path lab = Files.createDirectories(dir.resolve("lab"));
        for (String name : List.of("lab-init-tanh", "lab-e-tanh", "lab-e-relu", "lab-f-test-accuracy", "lab-e-sigmoid",
                "lab-init-grid", "lab-e-leaky-relu", "lab-init-relu", "lab-d-curves", "lab-e-swish", "lab-e-mish")) {
            Files.write(lab.resolve(name + ".png"), new byte[] {1});
        }
        assertThat(RenderAll.labFigures(dir)).containsExactly("lab/lab-d-curves.png", "lab/lab-e-relu.png",
                "lab/lab-e-sigmoid.png", "lab/lab-e-leaky-relu.png", "lab/lab-e-tanh.png", "lab/lab-e-mish.png",
                "lab/lab-e-swish.png", "lab/lab-f-test-accuracy.png", "lab/lab-init-grid.png", "lab/lab-init-relu.png",
                "lab/lab-init-tanh.png");
    }

    @Test
    void theSetHasUniqueFileNamesAndACaptionForEveryFigure() {
        List<Figure> figures = RenderAll.figures();
        assertThat(figures).isNotEmpty();
        assertThat(new HashSet<>(figures.stream().map(Figure::file).toList())).hasSameSizeAs(figures);
        for (Figure f : figures) {
            assertThat(f.file()).as("file names read figNN-topic.png").matches("fig\\d\\d-[a-z0-9-]+\\.png");
            assertThat(f.caption()).as("caption of %s", f.file()).isNotBlank();
        }
    }

    @Test
    void theIndexSaysWhenTheLabsFiguresComeFromQuickRuns() {
        String quick = RenderAll.indexHtml(List.of(), "solutions", List.of("lab/lab-d-curves.png"), true);
        assertThat(quick).contains("drawn by <code>--quick</code> runs");
        assertThat(RenderAll.indexHtml(List.of(), "solutions", List.of("lab/lab-d-curves.png"), false))
                .doesNotContain("--quick");
    }
}
