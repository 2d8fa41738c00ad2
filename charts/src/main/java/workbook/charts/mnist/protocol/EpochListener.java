package workbook.charts.mnist.protocol;

/** Told by a {@link RunTrainer} after every epoch; the lab's progress display is one. */
@FunctionalInterface
public interface EpochListener {
    /** Called once per epoch, in order, from the thread that trains. */
    void epochDone(EpochStats stats);

    /** A listener that ignores everything. */
    EpochListener NONE = stats -> { };
}
