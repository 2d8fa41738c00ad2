package workbook.charts.mnist.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MnistTest {
    /** From the data README (sha256sum of the files that charts/src/data/mnist-subset.sh wrote). */
    private static final Map<String, String> README_SUMS = Map.of(
            "train-12000-images-idx3-ubyte.gz", "13e18fd3ef0a44316167b0ac0e45ffe55c7575dc2993fd5a9a268ef348c8edb5",
            "train-12000-labels-idx1-ubyte.gz", "4c5d2b62218364aa5476c57f07f56ab5b6fa33b76a375b3fda78c90d9a63a8f1",
            "t10k-images-idx3-ubyte.gz", "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be",
            "t10k-labels-idx1-ubyte.gz", "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b");

    @Test
    void bundledFilesHaveTheirPublishedSha256() throws Exception {
        assertThat(Mnist.BUNDLED).as("the reader checks the same sums the README publishes").isEqualTo(README_SUMS);
        for (Map.Entry<String, String> file : README_SUMS.entrySet()) {
            try (InputStream in = Mnist.class.getResourceAsStream(Mnist.RESOURCE_FOLDER + file.getKey())) {
                assertThat(in).as("bundled file %s is on the class path", file.getKey()).isNotNull();
                String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                assertThat(sum).as("SHA-256 of %s: a different value means a corrupted checkout", file.getKey())
                        .isEqualTo(file.getValue());
            }
        }
    }

    @Test
    void aCorruptedFileIsRejectedByName() {
        byte[] bytes = {1, 2, 3};
        assertThatThrownBy(() -> Mnist.verify("t10k-labels-idx1-ubyte.gz", bytes, README_SUMS.get("t10k-labels-idx1-ubyte.gz")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bundled MNIST file t10k-labels-idx1-ubyte.gz is corrupted")
                .hasMessageContaining("expected b91679a0");
    }

    @Test
    void aCopyOfTheBundledFolderIsADataFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path copy)
            throws Exception {
        copyBundle(copy);
        Mnist read = Mnist.fromFolder(copy);
        assertThat(read.train().size()).isEqualTo(12_000);
        assertThat(read.test().size()).isEqualTo(10_000);
    }

    @Test
    void aTruncatedDataFileIsAnErrorThatNamesItAndWhatIsMissing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        copyBundle(dir);
        java.nio.file.Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] whole;
        try (InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(labels))) {
            whole = in.readAllBytes();
        }
        java.nio.file.Files.delete(labels);
        java.nio.file.Files.write(dir.resolve("t10k-labels-idx1-ubyte"), java.util.Arrays.copyOf(whole, 100));
        assertThatThrownBy(() -> Mnist.fromFolder(dir)).isInstanceOf(java.io.EOFException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte is truncated: expected 10000 labels");
    }

    /** The bundled files, as a learner would copy the bundled folder. */
    private static void copyBundle(java.nio.file.Path folder) throws IOException {
        for (String file : Mnist.BUNDLED.keySet()) {
            try (InputStream in = Mnist.class.getResourceAsStream(Mnist.RESOURCE_FOLDER + file)) {
                java.nio.file.Files.copy(in, folder.resolve(file));
            }
        }
    }

    @Test
    void bundledSubsetHasTheSeedsSizesAndDigits() {
        Mnist mnist = Mnist.bundled();
        assertThat(mnist.train().size()).as("the first 60,000 x 0.2 training images").isEqualTo(12_000);
        assertThat(mnist.test().size()).isEqualTo(10_000);
        assertThat(mnist.train().features()).isEqualTo(784);
        // MNIST's well-known first digits: training 5 0 4 1 9, test 7 2 1 0 4 (e.g. LeCun's page, any loader).
        assertThat(java.util.Arrays.copyOf(mnist.train().labels(), 5)).containsExactly(5, 0, 4, 1, 9);
        assertThat(java.util.Arrays.copyOf(mnist.test().labels(), 5)).containsExactly(7, 2, 1, 0, 4);
        int[] counts = new int[ImageSet.CLASSES];
        for (int label : mnist.test().labels()) {
            counts[label]++;
        }
        // The test set's class counts, as published with MNIST: 980 zeros ... 1009 nines.
        assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        float max = 0;
        for (float p : mnist.train().pixels()) {
            max = Math.max(max, p);
        }
        assertThat(max).as("pixels are byte / 255, so the brightest is 1").isEqualTo(1f);
    }
}
