package workbook.theory.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Element;

/**
 * {@code {@figure N}} shows figure N of the charts module's set with its one caption ({@link FigureCaptions}),
 * at its logical size (half its pixel width: the PNGs are drawn at twice that) or as wide as book.css lets a figure
 * be, whichever is smaller; a click opens it at full size. When the site is
 * built, the PNG is copied from the rendered set ({@code charts/target/figures/figNN-*.png}, system property
 * {@code workbook.figures}) into the page's {@code doc-files/} folder of the site (system property
 * {@code workbook.site}); when the set has not been rendered, the page says so and names the command.
 */
public final class FigureTaglet extends BookTaglet {
    /** The command that renders the figure set, from the repository root. */
    static final String RENDER = "./mvnw -q -pl charts -am compile exec:java";
    /** The figures' pixels per logical pixel: a copy of charts' Charts.PIXEL_SCALE, kept equal by FigureTextSizeTest. */
    public static final int PIXEL_SCALE = 2;

    @Override
    public String getName() {
        return "figure";
    }

    @Override
    String html(String content, String root, Element element) {
        String[] words = content.split("\\s+", 2);
        int number;
        try {
            number = Integer.parseInt(words[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("{@figure N}: N must be a figure number, got '" + words[0] + "'", e);
        }
        if (words.length > 1) {
            throw new IllegalArgumentException("{@figure " + number + "} takes no caption: every figure has one,"
                    + " in FigureCaptions, shown wherever the figure is; remove '" + words[1] + "'");
        }
        String caption = "<figcaption><b>Figure " + number + ".</b> " + escape(FigureCaptions.of(number))
                + "</figcaption>";
        String prefix = String.format(Locale.ROOT, "fig%02d-", number);
        Optional<Path> source = find(System.getProperty("workbook.figures"), prefix);
        String siteFolder = System.getProperty("workbook.site");
        if (source.isEmpty() || siteFolder == null) {
            return "<figure class=\"book-figure book-figure-missing\" data-figure=\"" + number + "\">"
                    + "<p class=\"book-note\">Figure " + number + " (" + prefix + "*.png) is not in this build of the site: "
                    + "render the figure set with <code>" + RENDER + "</code>, then build the site again.</p>"
                    + caption + "</figure>";
        }
        String file = source.get().getFileName().toString();
        String packagePath = element == null ? "" : packagePath(element);
        copy(source.get(), Path.of(siteFolder).resolve(packagePath).resolve("doc-files").resolve(file));
        // shown at its logical width (book.css may shrink it to fit); the link opens the PNG at full size
        int width = pngWidth(source.get()) / PIXEL_SCALE;
        return "<figure class=\"book-figure\" data-figure=\"" + number + "\"><a href=\"doc-files/" + file + "\""
                + " title=\"open at full size\"><img src=\"doc-files/" + file + "\" width=\"" + width + "\" alt=\"Figure "
                + number + ": " + escape(FigureCaptions.of(number)) + "\"></a>" + caption + "</figure>";
    }

    /** A PNG's width in pixels, from its header (the IHDR chunk, right after the 8-byte signature). */
    static int pngWidth(Path png) {
        try (var in = new java.io.DataInputStream(Files.newInputStream(png))) {
            in.skipNBytes(16);
            return in.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png, e);
        }
    }

    private static Optional<Path> find(String folder, String prefix) {
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".png");
            }).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packagePath(Element element) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            if (e instanceof javax.lang.model.element.PackageElement p) {
                return p.getQualifiedName().toString().replace('.', '/');
            }
        }
        return "";
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
