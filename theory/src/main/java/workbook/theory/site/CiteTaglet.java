package workbook.theory.site;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import workbook.theory.Bibliography;

/**
 * {@code {@cite key ...}} cites works of the {@link Bibliography} by key, in parentheses: "(Glorot &amp; Bengio,
 * 2010)"; {@code {@citet key ...}} names them in the text: "Glorot &amp; Bengio (2010)". Each is linked to the
 * entry in the page's own {@code {@references}} list, or to the bibliography on a page without one. An unknown
 * key fails the site build.
 */
public class CiteTaglet extends BookTaglet {
    /** The names of the two tags, for the lists that collect a page's citations. */
    static final String[] NAMES = {"cite", "citet"};

    @Override
    public String getName() {
        return "cite";
    }

    /** {@code {@citet key}}: the authors in the text, the year in parentheses. */
    public static final class Textual extends CiteTaglet {
        @Override
        public String getName() {
            return "citet";
        }
    }

    @Override
    String html(String content, String root, Element element) {
        boolean listed = !tags(typeOf(element), "references").isEmpty();
        boolean textual = getName().equals("citet");
        List<String> citations = new ArrayList<>();
        for (String key : keys(content)) {
            Bibliography.Entry entry = entry(key);
            String href = listed ? "#ref-" + key : root + BIBLIOGRAPHY + "#" + key;
            citations.add("<a class=\"book-cite\" href=\"" + href + "\">" + (textual
                    ? entry.citedAs() + " (" + entry.year() + ")" : entry.citation()) + "</a>");
        }
        return textual ? String.join(", ", citations) : "(" + String.join("; ", citations) + ")";
    }

    /** The keys of one {@code {@cite}}: its words. */
    static List<String> keys(String content) {
        if (content.isBlank()) {
            throw new IllegalArgumentException("{@cite key ...} needs at least one key of the Bibliography");
        }
        return List.of(content.split("\\s+"));
    }

    /** The entry with this key, or fails the site build. */
    static Bibliography.Entry entry(String key) {
        return Bibliography.entry(key).orElseThrow(() -> new IllegalArgumentException("{@cite " + key
                + "}: no such key in workbook.theory.Bibliography"));
    }
}
