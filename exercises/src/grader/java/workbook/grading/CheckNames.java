package workbook.grading;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a check as the property it verifies: {@code softmaxSumsToOne} reads "softmax sums to one", never a
 * Java signature such as {@code softmaxSumsToOne(double[])}. A parameterized check adds its case in brackets.
 */
public final class CheckNames extends DisplayNameGenerator.Standard {

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
                                               Method testMethod) {
        return sentence(testMethod.getName());
    }

    /** {@code tanhIsOddNearZero} becomes "tanh is odd near zero"; "NaN" and acronyms stay as written. */
    static String sentence(String camelCase) {
        String marked = camelCase.replace("NaN", "Nan");
        StringBuilder out = new StringBuilder();
        for (String word : marked.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[a-z]{2})(?=[0-9])|(?<=[A-Z])(?=[A-Z][a-z])")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
            out.append(word.equals("Nan") ? "NaN" : acronym ? word : word.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
