package workbook.charts.mnist.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabConfigTest {
    @Test
    void defaultsAreTheSeeds() {
        LabConfig config = LabConfig.parse();
        assertThat(config.parts()).containsExactly("a", "d", "e", "f", "g", "init");
        assertThat(config.activations()).containsExactly(LabActivation.RELU, LabActivation.SIGMOID, LabActivation.LEAKY_RELU,
                LabActivation.TANH, LabActivation.MISH, LabActivation.SWISH);
        assertThat(config.rate()).isEqualTo(0.005);
        assertThat(config.epochs()).isEqualTo(1000);
        assertThat(config.batch()).as("full batch").isZero();
        assertThat(config.trainSize()).isEqualTo(12_000);
        assertThat(config.testSize()).isEqualTo(10_000);
        assertThat(config.rates()).containsExactly(0.01, 0.03162, 0.1, 0.3162, 1.0);
        assertThat(config.inits()).containsExactly(Init.values());
        assertThat(config.initActivations()).containsExactly(LabActivation.SIGMOID, LabActivation.TANH, LabActivation.RELU);
        assertThat(config.data()).isNull();
        assertThat(config.jobs()).as("the engine already trains one run on both cores").isEqualTo(1);
    }

    @Test
    void quickModeShrinksTheRunsButExplicitOptionsWin() {
        LabConfig quick = LabConfig.parse("--quick", "--epochs=7");
        assertThat(quick.quick()).isTrue();
        assertThat(quick.trainSize()).isEqualTo(500);
        assertThat(quick.testSize()).isEqualTo(500);
        assertThat(quick.epochs()).as("--epochs given explicitly beats --quick's 30").isEqualTo(7);
        assertThat(quick.rates()).containsExactly(0.01, 0.1, 1.0);
        assertThat(quick.rate()).as("the seed's rate is kept in quick mode").isEqualTo(0.005);
    }

    @Test
    void readsListsFoldersAndFullBatch() {
        LabConfig config = LabConfig.parse("--parts", "d,f", "--activations", "Tanh, mish", "--batch", "full",
                "--init-batch", "32", "--data", "/tmp/mnist", "--runs", "out", "--list");
        assertThat(config.parts()).containsExactly("d", "f");
        assertThat(config.activations()).containsExactly(LabActivation.TANH, LabActivation.MISH);
        assertThat(config.batch()).isZero();
        assertThat(config.initBatch()).isEqualTo(32);
        assertThat(config.data()).isEqualTo(Path.of("/tmp/mnist"));
        assertThat(config.runs()).isEqualTo(Path.of("out"));
        assertThat(config.list()).isTrue();
        assertThat(config.runs("e")).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--epochs|0|--epochs must be a whole number of at least 1, got '0'",
        "--epochs|ten|--epochs must be a whole number, got 'ten'",
        "--rate|-0.1|--rate must be a positive number, got '-0.1'",
        "--rates|0.1,,1|--rates must be a comma-separated list without empty items",
        "--rates|0.1,0.1|--rates must not repeat an item",
        "--activations|softsign|activation must be one of relu, sigmoid, leaky-relu, tanh, mish, swish, custom, got 'softsign'",
        "--inits|lecun|init must be one of pytorch, naive, small, xavier, he, got 'lecun'",
        "--parts|h|--parts must name parts among [a, d, e, f, g, init], got 'h'",
        "--batch|-5|--batch must be a whole number of at least 1, got '-5'",
        "--jobs|0|--jobs must be a whole number of at least 1, got '0'",
    })
    void rejectsBadValuesSayingTheRule(String option, String value, String message) {
        assertThatThrownBy(() -> LabConfig.parse(option, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndStrayWords() {
        assertThatThrownBy(() -> LabConfig.parse("--epoch", "5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --epoch; known: --activations").hasMessageContaining("--epochs");
        assertThatThrownBy(() -> LabConfig.parse("--epochs")).hasMessageContaining("--epochs needs a value");
        assertThatThrownBy(() -> LabConfig.parse("--epochs", "--quick")).hasMessageContaining("--epochs needs a value");
        assertThatThrownBy(() -> LabConfig.parse("quick")).hasMessageContaining("options starting with --, got 'quick'");
        assertThatThrownBy(() -> LabConfig.parse("--quick=yes")).hasMessageContaining("--quick takes no value");
    }

    @Test
    void theHelpIsTheOptionTableInOrderWithAStarWhereQuickChangesTheDefault() {
        List<String> lines = LabConfig.usage().lines().filter(l -> l.startsWith("  --")).toList();
        assertThat(lines).as("one line per option of the table, in its order")
                .hasSize(LabOption.values().length);
        for (int i = 0; i < lines.size(); i++) {
            LabOption option = LabOption.values()[i];
            assertThat(lines.get(i)).as("the help of --%s", option.key())
                    .startsWith("  --" + option.key() + " ");
            assertThat(lines.get(i).matches(".*\\]\\*.*")).as("--%s is starred if and only if --quick changes it",
                    option.key()).isEqualTo(option.quick() != null);
        }
        assertThat(LabConfig.usage()).as("the help column lines up").contains(
                "  --init-activations LIST part 4's activations [sigmoid,tanh,relu]\n",
                "  --quick                 a few hundred images and a few epochs (what CI runs)\n",
                "  --seeds N               runs per configuration, seeds N, N+1, ... [3 for d; 5 for f, g, init]*;\n",
                "                          e's grid runs once, its two best rates again with d's seeds\n");
    }

    @Test
    void quickChangesTheStarredDefaultsAndAGivenOptionStillWins() {
        LabConfig quick = LabConfig.parse("--quick"), full = LabConfig.parse();
        assertThat(List.of(quick.epochs(), quick.trainSize(), quick.testSize(), quick.maxExtensions(), quick.initWidth(),
                quick.initEpochs(), quick.initBatch(), quick.seeds("d"))).containsExactly(30, 500, 500, 2, 32, 3, 50, 2);
        assertThat(List.of(full.epochs(), full.trainSize(), full.testSize(), full.maxExtensions(), full.initWidth(),
                full.initEpochs(), full.initBatch(), full.seeds("d"))).containsExactly(1000, 12000, 10000, 4, 100, 10, 64, 3);
        assertThat(quick.rates()).containsExactly(0.01, 0.1, 1.0);
        assertThat(LabConfig.parse("--quick", "--epochs", "7").epochs()).isEqualTo(7);
        assertThat(quick.rate()).as("--rate is not starred").isEqualTo(full.rate()).isEqualTo(0.005);
    }
}
