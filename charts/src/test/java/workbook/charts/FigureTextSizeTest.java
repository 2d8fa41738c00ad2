package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.theory.site.FigureTaglet;

/** Every figure's text is readable where the book shows it: 11 px or more at the width book.css gives a figure. */
class FigureTextSizeTest {
    /** The smallest text a reader should have to read on screen, in CSS pixels. */
    private static final double READABLE_PX = 11;
    private static final Path BOOK_CSS = Path.of("../theory/src/main/javadoc/book.css");
    private static final Pattern FIGURE_RULE = Pattern.compile("figure\\.book-figure \\{[^}]*?\\bwidth: (\\d+)px");

    /** The width, in CSS pixels, that book.css lets an embedded figure take at most. */
    private static int bookFigureWidth() throws IOException {
        Matcher m = FIGURE_RULE.matcher(Files.readString(BOOK_CSS));
        assertThat(m.find()).as("book.css should give figure.book-figure a width in px").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void everyFiguresSmallestTextShowsAtElevenPixelsOrMoreInTheBook(@TempDir Path dir) throws IOException {
        int shown = bookFigureWidth();
        List<RenderAll.Outcome> outcomes = RenderAll.render(RenderAll.figures(), dir);
        for (RenderAll.Outcome o : outcomes) {
            // a panel with text below Charts.TEXT_SIZE is refused when it is saved, so drawn means no smaller text
            assertThat(o.status()).as("%s: %s", o.figure().file(), o.note()).isEqualTo(RenderAll.Status.DRAWN);
            double logical = pngWidth(dir.resolve(o.figure().file())) / Charts.PIXEL_SCALE;
            double displayed = Math.min(logical, shown); // the taglet's img width is the logical width
            assertThat(Charts.TEXT_SIZE * displayed / logical)
                    .as("%s (%.0f logical px wide, shown %.0f px wide): its smallest text, %d logical px, in CSS px",
                            o.figure().file(), logical, displayed, Charts.TEXT_SIZE)
                    .isGreaterThanOrEqualTo(READABLE_PX);
        }
    }

    @Test
    void thePixelScaleTheBookAssumesIsTheFiguresOwn() {
        assertThat((double) FigureTaglet.PIXEL_SCALE).as("FigureTaglet.PIXEL_SCALE, a copy of Charts.PIXEL_SCALE")
                .isEqualTo(Charts.PIXEL_SCALE);
    }

    @Test
    void aPanelWithTextSmallerThanTheHouseMinimumIsRefused(@TempDir Path dir) {
        XYSeriesCollection data = new XYSeriesCollection(new XYSeries("x"));
        JFreeChart chart = Charts.lineChart("a title", "x", "y", data);
        chart.getXYPlot().addAnnotation(PlotNotes.note("a small note", 0, 0));
        ((org.jfree.chart.annotations.XYTextAnnotation) chart.getXYPlot().getAnnotations().get(0))
                .setFont(Charts.font(Charts.TEXT_SIZE - 3));
        assertThatThrownBy(() -> Charts.save(dir.resolve("small.png"), chart))
                .as("a note below Charts.TEXT_SIZE").hasMessageContaining("note 'a small note'");
        assertThat(TextSizes.of(chart)).extracting(TextSizes.Text::what)
                .contains("title", "legend", "x axis tick labels", "y axis label 'y'", "note 'a small note'");
    }

    /** A PNG's width in pixels, from its header (the IHDR chunk, right after the 8-byte signature). */
    private static int pngWidth(Path png) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(png))) {
            in.skipNBytes(16);
            return in.readInt();
        }
    }
}
