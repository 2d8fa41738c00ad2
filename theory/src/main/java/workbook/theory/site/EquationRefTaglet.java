package workbook.theory.site;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * {@code {@eqref label}} is a link "(N.k)" to the equation {@code {@eq label ...}} of the same page;
 * {@code {@eqref N label}} to one on write-up N. An unknown label fails the site build.
 */
public final class EquationRefTaglet extends BookTaglet {
    private final EquationTaglet equations = new EquationTaglet();

    @Override
    public void init(jdk.javadoc.doclet.DocletEnvironment env, jdk.javadoc.doclet.Doclet doclet) {
        super.init(env, doclet);
        equations.init(env, doclet);
    }

    @Override
    public String getName() {
        return "eqref";
    }

    @Override
    String html(String content, String root, Element element) {
        String[] words = content.split("\\s+");
        TypeElement page = typeOf(element);
        String href = "";
        if (words.length == 2) {
            page = typeOf(writeUp(getName(), words[0]));
            href = root + page(writeUp(getName(), words[0]));
        } else if (words.length != 1) {
            throw new IllegalArgumentException("{@eqref label} or {@eqref N label}, got '" + content + "'");
        }
        String label = words[words.length - 1];
        return "<a class=\"book-eqref\" href=\"" + href + "#eq-" + label + "\">(" + equations.number(page, label)
                + ")</a>";
    }
}
