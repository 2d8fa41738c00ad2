package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckNamesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "tanhIsOdd, tanh is odd",
            "noFunctionReturnsNaNOrInfinityForHostileInputs, no function returns NaN or infinity for hostile inputs",
            "geluTanhStaysWithin5e4OfTheExactGelu, gelu tanh stays within 5e4 of the exact gelu",
            "crossEntropyLossStaysFiniteAtPlusMinus1000, cross entropy loss stays finite at plus minus 1000",
            "heInitWithReluKeepsTheSignalScale, he init with relu keeps the signal scale"})
    void aMethodNameReadsAsASentence(String method, String sentence) {
        assertThat(CheckNames.sentence(method)).isEqualTo(sentence);
    }
}
