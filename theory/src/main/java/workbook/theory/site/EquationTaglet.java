package workbook.theory.site;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import workbook.theory.WriteUps;

/**
 * {@code {@eq label TeX}} is a numbered displayed equation: TeX shown as {@code \[ ... \]} with the number KaTeX
 * draws at the right ({@code \tag}), and an anchor {@code eq-label} that {@code {@eqref label}} links to. On write-up
 * N the k-th equation is numbered N.k, so a number names its page too; elsewhere it is k.
 */
public final class EquationTaglet extends BookTaglet {

    @Override
    public String getName() {
        return "eq";
    }

    @Override
    String html(String content, String root, Element element) {
        String[] words = content.split("\\s+", 2);
        if (words.length < 2 || !words[0].matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("{@eq label TeX}: a label of lower-case letters, digits and '-', then "
                    + "the TeX, got '" + content + "'");
        }
        TypeElement type = typeOf(element);
        return "<span class=\"book-eq\" id=\"eq-" + words[0] + "\">\\[ " + words[1] + " \\tag{"
                + number(type, words[0]) + "} \\]</span>";
    }

    /** The number of the equation labelled {@code label} on the page of {@code type}, or fails the site build. */
    String number(TypeElement type, String label) {
        List<String> labels = tags(type, getName()).stream().map(tag -> tag.split("\\s+", 2)[0]).toList();
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("{@eqref " + label + "}: no {@eq " + label + " ...} in "
                    + (type == null ? "the overview" : type.getQualifiedName()));
        }
        if (labels.lastIndexOf(label) != index) {
            throw new IllegalArgumentException("{@eq " + label + "} is used twice in " + type.getQualifiedName());
        }
        WriteUps.WriteUp writeUp = writeUpOf(type);
        return (writeUp == null ? "" : writeUp.number() + ".") + (index + 1);
    }
}
