package workbook.charts.mnist.protocol;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The progress display of a batch of runs: one status line with every active run (run n of N, epoch, training
 * loss, evaluation accuracy) and the estimated time left, and one line per finished run.
 *
 * <p>On a terminal the status line is redrawn in place a few times a second; otherwise (a log, CI) it is
 * printed as a new line every {@link #LOG_INTERVAL_NANOS} nanoseconds. The time left is the batch's
 * remaining epochs divided by its epochs per second so far. Thread-safe: two runs report at once.
 */
public final class Progress {
    static final long REDRAW_INTERVAL_NANOS = 250_000_000L;
    static final long LOG_INTERVAL_NANOS = 30_000_000_000L;
    /** The terminal's width if the shell exports it, else a common one. */
    private static final int COLUMNS = columns(System.getenv("COLUMNS"));

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier clock;
    private final Map<Integer, String> active = new TreeMap<>();
    private String title = "";
    private int runs;
    private long epochsPlanned;
    private long epochsDone;
    private long batchStart;
    private long lastPrint;
    private int lastWidth;

    /** A display on {@code out}; {@code interactive} redraws one line in place. */
    public Progress(PrintStream out, boolean interactive, LongSupplier nanoClock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = nanoClock;
    }

    /** A display on standard output, redrawn in place if it is a terminal. */
    public static Progress console() {
        return new Progress(System.out, System.console() != null, System::nanoTime);
    }

    /** Starts a batch of {@code runs} runs, of which the ones to train add up to {@code epochsToTrain} epochs. */
    synchronized void startBatch(String batchTitle, int batchRuns, int toTrain, long epochsToTrain) {
        title = batchTitle;
        runs = batchRuns;
        epochsPlanned = epochsToTrain;
        epochsDone = 0;
        batchStart = clock.getAsLong();
        lastPrint = batchStart;
        active.clear();
        println(String.format(Locale.ROOT, "%s: %d runs, %d stored, %d to train", title, batchRuns,
                batchRuns - toTrain, toTrain));
    }

    /** The listener for run {@code index} (1-based) of the batch. */
    EpochListener listener(int index, RunSpec spec) {
        String name = describe(spec);
        return stats -> epoch(index, name, spec.epochs(), stats);
    }

    private synchronized void epoch(int index, String name, int epochs, EpochStats stats) {
        epochsDone++;
        active.put(index, String.format(Locale.ROOT, "run %d/%d %s epoch %d/%d loss %.4g %s %.1f%%", index, runs,
                name, stats.epoch(), epochs, stats.trainLoss(), stats.evaluated() ? "acc" : "train acc",
                100 * (stats.evaluated() ? stats.evalAccuracy() : stats.trainAccuracy())));
        long now = clock.getAsLong();
        if (now - lastPrint >= (interactive ? REDRAW_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            lastPrint = now;
            String line = String.join(" | ", active.values()) + " | " + timeLeft(now) + " left";
            if (interactive) {
                // A line longer than the terminal wraps, and \r then redraws only its last part: cut it.
                line = line.length() < COLUMNS ? line : line.substring(0, COLUMNS - 2) + "…";
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                lastWidth = line.length();
                out.flush();
            } else {
                out.println(line);
            }
        }
    }

    /** Reports a finished run. */
    synchronized void runFinished(int index, RunSpec spec, RunResult result, double seconds) {
        active.remove(index);
        EpochStats last = result.last();
        println(String.format(Locale.ROOT, "run %d/%d %s done in %s: %s, train loss %.4g, %s accuracy %.2f%%, %s left",
                index, runs, describe(spec), duration(seconds),
                result.diverged() ? "DIVERGED at epoch " + last.epoch() : "epoch " + last.epoch(), last.trainLoss(),
                spec.evalName(), 100 * last.evalAccuracy(), timeLeft(clock.getAsLong())));
    }

    /** Reports a run whose trainer threw. */
    synchronized void runFailed(int index, RunSpec spec, Throwable error) {
        active.remove(index);
        println(String.format(Locale.ROOT, "run %d/%d %s FAILED: %s", index, runs, describe(spec), error));
    }

    /** Counts the unfinished epochs of a run that ended early (diverged), so the time left stays honest. */
    synchronized void skipEpochs(long epochs) {
        epochsPlanned -= epochs;
    }

    /** {@code relu lr 0.005} or {@code relu xavier lr 0.01}: the parts of a spec that vary within a batch. */
    static String describe(RunSpec spec) {
        String init = spec.init() == Init.PYTORCH ? "" : " " + spec.init().key();
        return spec.activation().key() + (spec.trainableBeta() ? "+beta" : "") + init + " lr "
                + RunSpec.rate(spec.learningRate());
    }

    private String timeLeft(long now) {
        double elapsed = (now - batchStart) / 1e9;
        if (epochsDone == 0 || elapsed <= 0) {
            return "?";
        }
        return duration(Math.max(0, epochsPlanned - epochsDone) * elapsed / epochsDone);
    }

    /** {@code 42s}, {@code 3m05s}, {@code 2h07m}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    static int columns(String env) {
        try {
            return env == null ? 160 : Math.max(40, Integer.parseInt(env.trim()));
        } catch (NumberFormatException e) {
            return 160;
        }
    }

    private void println(String line) {
        if (interactive && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        out.println(line);
        out.flush();
    }
}
