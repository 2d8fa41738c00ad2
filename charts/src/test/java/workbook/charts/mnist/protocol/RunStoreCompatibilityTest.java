package workbook.charts.mnist.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A run store written before the lab's packages were split (three folders copied from a {@code --quick} run) still
 * resolves: every {@code run.properties} reads back to the spec whose id is its folder's name, so a resumed protocol
 * finds these runs instead of training them again.
 */
class RunStoreCompatibilityTest {
    /** Copied from {@code --quick --runs ...} of the lab as it was at commit d44b66b. */
    private static final String FIXTURE = "/workbook/charts/mnist/runs-before-layout";

    private static Path fixture() throws URISyntaxException {
        return Path.of(RunStoreCompatibilityTest.class.getResource(FIXTURE).toURI());
    }

    @Test
    void storedRunsResolveToTheIdsTheyWereSavedUnder() throws Exception {
        Path root = fixture();
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.sorted().toList();
        }
        assertThat(folders).as("the fixture's three runs: leaky-relu (a hyphenated key), swish+beta, he").hasSize(3);
        for (Path folder : folders) {
            RunSpec spec = RunStore.read(folder).spec();
            assertThat(spec.id()).as("the id of the spec in %s", folder.resolve("run.properties"))
                    .isEqualTo(folder.getFileName().toString());
            assertThat(new RunStore(root).load(spec)).as("the store finds %s by its spec", spec.id()).isPresent();
        }
    }

    @Test
    void aSavedRunIsWrittenByteForByteAsBefore(@org.junit.jupiter.api.io.TempDir Path store) throws Exception {
        for (Path folder : folders()) {
            RunStore.StoredRun before = RunStore.read(folder);
            new RunStore(store).save(before.spec(), before.result(), java.util.Map.of());
            Path again = store.resolve(folder.getFileName());
            assertThat(again.resolve("curves.csv")).hasSameBinaryContentAs(folder.resolve("curves.csv"));
            if (Files.exists(folder.resolve("learned.csv"))) {
                assertThat(again.resolve("learned.csv")).hasSameBinaryContentAs(folder.resolve("learned.csv"));
            }
            List<String> spec = Files.readAllLines(folder.resolve("run.properties")).subList(0, 14);
            assertThat(Files.readAllLines(again.resolve("run.properties")))
                    .as("the spec's keys and values, then status and epochsRun, as before").startsWith(spec.toArray(String[]::new));
        }
    }

    private static List<Path> folders() throws IOException, URISyntaxException {
        try (Stream<Path> list = Files.list(fixture())) {
            return list.sorted().toList();
        }
    }
}
