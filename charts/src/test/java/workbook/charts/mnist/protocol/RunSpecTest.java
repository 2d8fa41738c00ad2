package workbook.charts.mnist.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecTest {
    private static RunSpec spec(List<Integer> hidden, int batch) {
        return new RunSpec("init", LabActivation.RELU, Init.HE, hidden, 0.01, 10, batch, false, 1, 9600, "validation", 2400);
    }

    @Test
    void namesTheRunAndListsItsLayers() {
        RunSpec deep = spec(List.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 100), 64);
        assertThat(deep.id()).isEqualTo("init-relu-he-d10w100-lr0.01-e10-b64-s1-train9600-validation2400");
        assertThat(deep.layers(784)).hasSize(12).startsWith(784, 100).endsWith(100, 10);
        assertThat(spec(List.of(200, 64), 0).layers(784)).containsExactly(784, 200, 64, 10);
        assertThat(spec(List.of(200, 64), 0).fullBatch()).isTrue();
        assertThat(spec(List.of(200, 64), 9600).fullBatch()).as("a batch as large as the set is full batch").isTrue();
        assertThat(RunSpec.fromMap(deep.toMap())).isEqualTo(deep);
    }

    @Test
    void rejectsSpecsThatCannotBeTrained() {
        assertThatThrownBy(() -> spec(List.of(), 0)).hasMessageContaining("hidden must be one or more positive widths");
        assertThatThrownBy(() -> spec(List.of(200, 64), -1)).hasMessageContaining("batchSize must be 0 (full batch) or positive");
        assertThatThrownBy(() -> new RunSpec("d", LabActivation.RELU, Init.PYTORCH, List.of(8), Double.NaN, 1, 0, false, 1, 1,
                "test", 1)).hasMessageContaining("learningRate must be positive and finite, got NaN");
        assertThatThrownBy(() -> new RunSpec("g", LabActivation.MISH, Init.PYTORCH, List.of(8), 0.1, 1, 0, true, 1, 1,
                "test", 1)).hasMessageContaining("trainableBeta needs the swish activation, got mish");
    }
}
