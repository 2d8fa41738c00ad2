package workbook.charts.mnist.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finished runs on disk, one folder per run named by {@link RunSpec#id()}:
 * <pre>
 * &lt;root&gt;/&lt;run id&gt;/run.properties   the spec (seed included), then status, trainer, source, data, wall time
 * &lt;root&gt;/&lt;run id&gt;/curves.csv       epoch,train_loss,train_accuracy,eval_loss,eval_accuracy
 * &lt;root&gt;/&lt;run id&gt;/learned.csv      name,value (only for runs that learn something, e.g. Swish's beta)
 * </pre>
 * A run is written into a hidden temporary folder and then renamed, so a folder with the run's name is always
 * complete: an interrupted protocol leaves no half-written run, and a rerun skips exactly the finished ones.
 */
public final class RunStore {
    static final String PROPERTIES = "run.properties";
    static final String CURVES = "curves.csv";
    static final String LEARNED = "learned.csv";
    static final String CURVES_HEADER = "epoch,train_loss,train_accuracy,eval_loss,eval_accuracy";

    private final Path root;

    /** A store in {@code root} (created on the first save). */
    public RunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder of all runs. */
    public Path root() {
        return root;
    }

    /**
     * A finished run as stored.
     *
     * @param spec   what was trained
     * @param result its curves and learned values
     * @param info   status ({@code done} or {@code diverged}), trainer, source, data, wall seconds, finish time
     */
    public record StoredRun(RunSpec spec, RunResult result, Map<String, String> info) {
        /** Seconds the run took to train. */
        public double wallSeconds() {
            return Double.parseDouble(info.getOrDefault("wallSeconds", "0"));
        }
    }

    /** The run's folder (whether or not it exists yet). */
    Path folder(RunSpec spec) {
        return root.resolve(spec.id());
    }

    /** True if the run is finished and stored. */
    public boolean has(RunSpec spec) {
        return Files.isRegularFile(folder(spec).resolve(PROPERTIES));
    }

    /** The stored run, if it is finished; fails if the folder holds a different spec. */
    Optional<StoredRun> load(RunSpec spec) {
        if (!has(spec)) {
            return Optional.empty();
        }
        StoredRun run = read(folder(spec));
        if (!run.spec().equals(spec)) {
            throw new IllegalStateException("run folder " + folder(spec) + " holds " + run.spec().toMap()
                    + ", not the requested " + spec.toMap() + " (two specs share a name?)");
        }
        return Optional.of(run);
    }

    /** Saves a finished run atomically; {@code info} adds trainer, source, data, wall time. */
    public StoredRun save(RunSpec spec, RunResult result, Map<String, String> info) {
        Map<String, String> all = new LinkedHashMap<>(spec.toMap());
        all.put("status", result.diverged() ? "diverged" : "done");
        all.put("epochsRun", Integer.toString(result.curve().size()));
        all.putAll(info);
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempDirectory(root, ".partial-" + spec.id() + "-");
            Files.writeString(temporary.resolve(PROPERTIES), lines(all), StandardCharsets.UTF_8);
            Files.writeString(temporary.resolve(CURVES), curves(result), StandardCharsets.UTF_8);
            if (!result.learned().isEmpty()) {
                StringBuilder learned = new StringBuilder("name,value\n");
                result.learned().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> learned.append(e.getKey()).append(',').append(e.getValue()).append('\n'));
                Files.writeString(temporary.resolve(LEARNED), learned, StandardCharsets.UTF_8);
            }
            moveIntoPlace(temporary, folder(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save run " + spec.id() + " in " + root, e);
        }
        return new StoredRun(spec, result, all);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(temporary); // another process finished the same run first: keep its copy
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    /** Every finished run in the store, in name order. */
    public List<StoredRun> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            List<StoredRun> runs = new ArrayList<>();
            for (Path folder : folders.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isRegularFile(f.resolve(PROPERTIES))).sorted().toList()) {
                runs.add(read(folder));
            }
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one run folder. */
    static StoredRun read(Path folder) {
        try {
            Map<String, String> all = new LinkedHashMap<>();
            for (String line : Files.readAllLines(folder.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    all.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            List<EpochStats> curve = new ArrayList<>();
            List<String> rows = Files.readAllLines(folder.resolve(CURVES), StandardCharsets.UTF_8);
            if (rows.isEmpty() || !rows.get(0).equals(CURVES_HEADER)) {
                throw new IllegalArgumentException(folder.resolve(CURVES) + " must start with " + CURVES_HEADER);
            }
            for (String row : rows.subList(1, rows.size())) {
                String[] v = row.split(",");
                curve.add(new EpochStats(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                        Double.parseDouble(v[3]), Double.parseDouble(v[4])));
            }
            Map<String, Double> learned = new LinkedHashMap<>();
            Path learnedFile = folder.resolve(LEARNED);
            if (Files.isRegularFile(learnedFile)) {
                for (String row : Files.readAllLines(learnedFile, StandardCharsets.UTF_8).stream().skip(1).toList()) {
                    String[] v = row.split(",");
                    learned.put(v[0], Double.parseDouble(v[1]));
                }
            }
            return new StoredRun(RunSpec.fromMap(all), new RunResult(curve, learned), all);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read run folder " + folder, e);
        }
    }

    private static String lines(Map<String, String> map) {
        StringBuilder text = new StringBuilder();
        map.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return text.toString();
    }

    private static String curves(RunResult result) {
        StringBuilder csv = new StringBuilder(CURVES_HEADER).append('\n');
        for (EpochStats s : result.curve()) {
            csv.append(s.epoch()).append(',').append(s.trainLoss()).append(',').append(s.trainAccuracy()).append(',')
                    .append(s.evalLoss()).append(',').append(s.evalAccuracy()).append('\n');
        }
        return csv.toString();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
