package workbook.charts.mnist.protocol;

import java.util.List;

/**
 * The lab's options, in the order {@code --help} lists them: the one table from which {@link LabConfig} parses the
 * command line (a flag or an option with a value, its default, what {@code --quick} changes) and prints its help.
 * A line of help reads {@code --name VALUE  help [default]* more}, starred if {@code --quick} changes the option.
 */
enum LabOption implements Keyed {
    PARTS("LIST", "parts to run: " + String.join(" ", LabConfig.PARTS), String.join(",", LabConfig.PARTS), "all",
            null, "; f and g need e's best rates and run them"),
    ACTIVATIONS("LIST", "part 3's activations: " + spaced(LabActivation.SEEDS_SIX), LabActivation.seedsSix(),
            "these six", null, ",\nand custom: Ex07's customActivation (yours under -Plearner) as a seventh"),
    RATE("R", "part (d)'s learning rate", "0.005", null, null, ""),
    RATES("LIST", "part (e)'s starting grid, log-spaced", LabConfig.DEFAULT_RATES, null, "0.01,0.1,1", ""),
    EPOCHS("N", "part 3's epochs per run", "1000", null, "30", ""),
    BATCH("N|full", "part 3's batch size", "full", null, null, ""),
    DATA("FOLDER", "read the four original IDX files (plain or .gz), or a copy of the bundle, from FOLDER", null, null,
            null, ""),
    TRAIN_SIZE("N", "labelled training images, from the start", "12000", null, "500", "; up to 60000 with --data"),
    TEST_SIZE("N", "test images, from the start", "10000", null, "500", ""),
    QUICK(null, "a few hundred images and a few epochs (what CI runs)", null, null, null, ""),
    JOBS("N", "runs trained at once", "1", "1: each run already uses both cores", null, ""),
    RUNS("FOLDER", "where finished runs are stored", null, "charts/lab-runs/<source>", null, ""),
    SEED("N", "the first seed of every configuration's runs", "1", null, null, ""),
    SEEDS("N", "runs per configuration, seeds N, N+1, ...", null, LabConfig.defaultSeedsText(), "2",
            ";\ne's grid runs once, its two best rates again with d's seeds"),
    MAX_EXTENSIONS("N", "how often (e) may extend a grid whose best rate is at an edge", "4", null, "2", ""),
    CONVERGED_LOSS("X", "(e): a run converged if its final training loss is at most X", "0.2", null, null, ""),
    INITS("LIST", "part 4's initializations: " + spaced(List.of(Init.values())), Init.keys(), "all", null, ""),
    INIT_ACTIVATIONS("LIST", "part 4's activations", "sigmoid,tanh,relu", null, null, ""),
    INIT_DEPTH("N", "part 4's hidden layers", "10", null, null, ""),
    INIT_WIDTH("N", "part 4's units per hidden layer", "100", null, "32", ""),
    INIT_EPOCHS("N", "part 4's epochs", "10", null, "3", ""),
    INIT_BATCH("N|full", "part 4's batch size", "64", null, "50", ""),
    INIT_RATE("R", "part 4's learning rate", "0.01", null, null, ""),
    LIST(null, "list the runs and whether each is stored; train nothing", null, null, null, ""),
    HELP(null, "this text", null, null, null, "");

    /** Where the help text of every option starts: after {@code "  "} and a 23-character column, one space. */
    private static final int HELP_COLUMN = 26;

    private final String value;
    private final String help;
    private final String fallback;
    private final String shown;
    private final String quick;
    private final String more;

    /**
     * @param value    what follows the option on the command line ({@code N}, {@code LIST}), {@code null} for a flag
     * @param help     what the option does, up to its default
     * @param fallback the value when the option is not given, {@code null} if the lab decides (or for a flag)
     * @param shown    the default as the help says it in brackets, {@code null} to show {@code fallback}
     * @param quick    the value under {@code --quick}, {@code null} if it changes nothing
     * @param more     help after the default; {@code \n} starts a line under the help column
     */
    LabOption(String value, String help, String fallback, String shown, String quick, String more) {
        this.value = value;
        this.help = help;
        this.fallback = fallback;
        this.shown = shown;
        this.quick = quick;
        this.more = more;
    }

    /** True if the option takes no value. */
    boolean flag() {
        return value == null;
    }

    /** The value when the option is not given, or {@code null}. */
    String fallback() {
        return fallback;
    }

    /** The value {@code --quick} gives it, or {@code null}. */
    String quick() {
        return quick;
    }

    /** The option named {@code name} (without {@code --}), or {@code null}. */
    static LabOption named(String name) {
        for (LabOption option : values()) {
            if (option.key().equals(name)) {
                return option;
            }
        }
        return null;
    }

    /** The option's line (or lines) of {@code --help}, each ending in a line break. */
    String help() {
        String left = "--" + key() + (flag() ? "" : " " + value);
        String bracket = shown != null ? shown : fallback;
        String right = help + (bracket == null ? "" : " [" + bracket + "]") + (quick == null ? "" : "*") + more;
        return "  " + left + " ".repeat(Math.max(1, HELP_COLUMN - 2 - left.length()))
                + right.replace("\n", "\n" + " ".repeat(HELP_COLUMN)) + "\n";
    }

    private static String spaced(List<? extends Keyed> constants) {
        return String.join(" ", constants.stream().map(Keyed::key).toList());
    }
}
