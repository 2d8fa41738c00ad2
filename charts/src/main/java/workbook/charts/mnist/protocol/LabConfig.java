package workbook.charts.mnist.protocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The lab's command line: which parts to run and with what settings. Defaults are the seed's; {@code --quick}
 * swaps in a few hundred images and a few epochs, and any option given explicitly still wins.
 *
 * @param parts           which parts: {@code a d e f g init}
 * @param activations     part 3's activations
 * @param rate            part 3 (d)'s learning rate
 * @param rates           part 3 (e)'s starting grid of learning rates (extended while the best is at an edge)
 * @param epochs          part 3's epochs per run
 * @param batch           part 3's batch size, 0 for full batch
 * @param data            folder of the four original IDX files, or {@code null} for the bundled subset
 * @param trainSize       labelled training images taken from the start of the training file
 * @param testSize        test images taken from the start of the test file
 * @param quick           the quick mode's defaults are in force
 * @param jobs            runs trained at once
 * @param runs            the run store's folder, or {@code null} for the default
 * @param seed            the first seed: a configuration's runs are seeded seed, seed + 1, ... (initial weights
 *                        and batch order)
 * @param seeds           runs per configuration ({@link #seeds(String)}); 0 for each part's default
 * @param maxExtensions   how often part (e) may extend an activation's grid past an edge
 * @param convergedLoss   part (e)'s rule: a run converged if its final training loss is at most this
 * @param inits           part 4's initializations
 * @param initActivations part 4's activations
 * @param initDepth       part 4's hidden layers
 * @param initWidth       part 4's units per hidden layer
 * @param initEpochs      part 4's epochs
 * @param initBatch       part 4's batch size (0 for full batch)
 * @param initRate        part 4's learning rate
 * @param list            only list the runs and whether they are stored
 */
public record LabConfig(Set<String> parts, List<LabActivation> activations, double rate, List<Double> rates, int epochs,
        int batch, Path data, int trainSize, int testSize, boolean quick, int jobs, Path runs, long seed, int seeds,
        int maxExtensions, double convergedLoss, List<Init> inits, List<LabActivation> initActivations, int initDepth,
        int initWidth, int initEpochs, int initBatch, double initRate, boolean list) {

    /**
     * Runs per configuration, by part, when {@code --seeds} is not given: enough for a mean and a spread where the
     * report compares activations (3 for (d), 5 for (f), (g) and part 4); part (e)'s grid runs once per rate,
     * and its two best rates again with part (d)'s seeds. {@code --quick}: 2 everywhere.
     */
    private static final Map<String, Integer> DEFAULT_SEEDS = Map.of("d", 3, "e", 1, "f", 5, "g", 5, "init", 5);

    /** All parts, in protocol order. */
    static final List<String> PARTS = List.of("a", "d", "e", "f", "g", "init");

    /** Part (e)'s default grid: about 10^(k/2) for k = -4 ... 0, i.e. 0.01 to 1 in half decades. */
    static final String DEFAULT_RATES = "0.01,0.03162,0.1,0.3162,1";

    /** What {@code --help} prints above the options. */
    private static final String HELP_HEAD = """
            The MNIST lab (seed part 3 and part 4 (d)/(j)). From the repository root:
              ./mvnw -q -pl charts -am compile exec:exec@lab -Dexec.args="OPTIONS"
            (a JVM of its own with C2 and the Vector API). Add -Plearner (a Maven switch) to train with your own exercises instead of the reference solutions.

            Options (defaults in brackets; --quick changes the starred ones unless you give them):
            """;

    /** What {@code --help} prints below the options. */
    private static final String HELP_TAIL = """
            LIST is comma-separated. Finished runs are saved at once; a rerun skips them, so an interrupted
            protocol resumes where it stopped.
            """;

    /** The text {@code --help} prints: every {@link LabOption}'s help between a head and a tail. */
    public static String usage() {
        StringBuilder text = new StringBuilder(HELP_HEAD);
        for (LabOption option : LabOption.values()) {
            text.append(option.help());
        }
        return text.append(HELP_TAIL).toString();
    }

    /** True if {@code args} asks for the usage text. */
    public static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /** Parses the command line; unknown options and bad values are IllegalArgumentExceptions that say why. */
    public static LabConfig parse(String... args) {
        Map<String, String> given = options(args);
        boolean quick = given.containsKey("quick");
        Map<String, String> o = new LinkedHashMap<>();
        for (LabOption option : LabOption.values()) {
            String value = quick && option.quick() != null ? option.quick() : option.fallback();
            if (value != null) {
                o.put(option.key(), value);
            }
        }
        o.putAll(given);
        Set<String> parts = new LinkedHashSet<>(list(o, "parts", p -> {
            if (!PARTS.contains(p)) {
                throw new IllegalArgumentException("--parts must name parts among " + PARTS + ", got '" + p + "'");
            }
            return p;
        }));
        return new LabConfig(parts, list(o, "activations", LabActivation::of), positive(o, "rate"),
                list(o, "rates", s -> positive("rates", s)), count(o, "epochs", 1), batch(o, "batch"),
                o.containsKey("data") ? Path.of(o.get("data")) : null, count(o, "train-size", 5),
                count(o, "test-size", 1), quick, count(o, "jobs", 1),
                o.containsKey("runs") ? Path.of(o.get("runs")) : null, Long.parseLong(whole(o, "seed")),
                o.containsKey("seeds") ? count(o, "seeds", 1) : 0, count(o, "max-extensions", 0),
                positive(o, "converged-loss"), list(o, "inits", Init::of), list(o, "init-activations", LabActivation::of),
                count(o, "init-depth", 1), count(o, "init-width", 1), count(o, "init-epochs", 1), batch(o, "init-batch"),
                positive(o, "init-rate"), o.containsKey("list"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("arguments must be options starting with --, got '" + arg
                        + "' (run with --help for the list)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            LabOption option = LabOption.named(name);
            if (option != null && option.flag()) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value, got '" + value + "'");
                }
                given.put(name, "true");
            } else if (option != null) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException("--" + name + " needs a value (run with --help for the list)");
                    }
                    value = args[++i];
                }
                given.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --",
                        new java.util.TreeSet<>(Arrays.stream(LabOption.values()).map(LabOption::key).toList())) + " (run with --help for details)");
            }
        }
        return given;
    }

    private static <T> List<T> list(Map<String, String> o, String name, Function<String, T> parse) {
        String text = o.get(name);
        List<T> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("--" + name + " must be a comma-separated list without empty items, got '"
                        + text + "'");
            }
            T value = parse.apply(item.trim());
            if (items.contains(value)) {
                throw new IllegalArgumentException("--" + name + " must not repeat an item, got '" + text + "'");
            }
            items.add(value);
        }
        return List.copyOf(items);
    }

    private static double positive(Map<String, String> o, String name) {
        return positive(name, o.get(name));
    }

    private static double positive(String name, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive number, got '" + text + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--" + name + " must be a positive number, got '" + text + "'");
        }
        return value;
    }

    private static int count(Map<String, String> o, String name, int min) {
        String text = whole(o, name);
        long value = Long.parseLong(text);
        if (value < min || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + " must be a whole number of at least " + min + ", got '"
                    + text + "'");
        }
        return (int) value;
    }

    private static String whole(Map<String, String> o, String name) {
        String text = o.get(name).trim();
        if (!text.matches("-?\\d{1,18}")) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'");
        }
        return text;
    }

    private static int batch(Map<String, String> o, String name) {
        String text = o.get(name).trim();
        return text.equalsIgnoreCase("full") ? 0 : count(Map.of(name, text), name, 1);
    }

    /**
     * The default of {@code --seeds} as the help says it, from the parts' defaults: {@code 3 for d; 5 for f, g, init}
     * (part (e) is left out: its grid runs once whatever {@code --seeds} says).
     */
    static String defaultSeedsText() {
        Map<Integer, List<String>> partsBySeeds = new LinkedHashMap<>();
        PARTS.stream().filter(p -> DEFAULT_SEEDS.containsKey(p) && !p.equals("e"))
                .forEach(p -> partsBySeeds.computeIfAbsent(DEFAULT_SEEDS.get(p), n -> new ArrayList<>()).add(p));
        List<String> groups = new ArrayList<>();
        partsBySeeds.forEach((n, parts) -> groups.add(n + " for " + String.join(", ", parts)));
        return String.join("; ", groups);
    }

    /** True if the part is to run. */
    public boolean runs(String part) {
        return parts.contains(part);
    }

    /**
     * How many runs, with seeds {@link #seed()}, {@code seed + 1}, ..., each configuration of {@code part} gets: {@code
     * --seeds} for every part but (e), else the part's default.
     */
    int seeds(String part) {
        if (!DEFAULT_SEEDS.containsKey(part)) {
            throw new IllegalArgumentException("part must be one of " + DEFAULT_SEEDS.keySet() + ", got '" + part + "'");
        }
        return part.equals("e") ? 1 : seeds > 0 ? seeds : DEFAULT_SEEDS.get(part);
    }

    /** The seeds of {@code part}'s configurations, in order. */
    List<Long> seedsOf(String part) {
        return java.util.stream.LongStream.range(seed, seed + seeds(part)).boxed().toList();
    }

    /** This configuration with only {@code kept} of its parts and part 3's activations. */
    public LabConfig narrowed(Set<String> keptParts, List<LabActivation> keptActivations) {
        return new LabConfig(keptParts, keptActivations, rate, rates, epochs, batch, data, trainSize, testSize, quick,
                jobs, runs, seed, seeds, maxExtensions, convergedLoss, inits, initActivations, initDepth, initWidth, initEpochs,
                initBatch, initRate, list);
    }
}
