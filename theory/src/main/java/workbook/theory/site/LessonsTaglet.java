package workbook.theory.site;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import workbook.theory.WriteUps;

/** {@code {@lessons}} is the table of contents: every write-up of the lesson index with its question and exercises. */
public final class LessonsTaglet extends BookTaglet {

    @Override
    public String getName() {
        return "lessons";
    }

    @Override
    String html(String content, String root, Element element) {
        StringBuilder html = new StringBuilder("<table class=\"book-lessons\">\n<caption>The write-ups in learning order"
                + "</caption>\n<thead><tr><th>#</th><th>Write-up</th><th>The question</th><th>Exercises</th>"
                + "<th>Figures</th></tr></thead>\n<tbody>\n");
        for (WriteUps.WriteUp writeUp : WriteUps.all()) {
            List<String> exercises = new ArrayList<>();
            for (String exercise : writeUp.exercises()) {
                String page = exercisePage(exercise);
                exercises.add(page == null ? exercise : "<a href=\"" + root + page + "\">" + exercise + "</a>");
            }
            html.append("<tr class=\"book-lesson\" data-number=\"").append(writeUp.number()).append("\"><td>")
                    .append(writeUp.number()).append("</td><td><a href=\"").append(root).append(page(writeUp)).append("\">")
                    .append(escape(writeUp.title())).append("</a></td><td>").append(writeUp.question()).append("</td><td>")
                    .append(String.join(", ", exercises)).append("</td><td>")
                    .append(writeUp.figures().isEmpty() ? "" : writeUp.figures().toString().replaceAll("[\\[\\]]", ""))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
