package workbook.charts.mnist.protocol;

import java.util.Set;
import workbook.charts.mnist.data.ImageSet;

/**
 * The one door between the lab and a network engine: train the network a {@link RunSpec} describes.
 *
 * <p>Contract:
 * <ul>
 * <li>Build an MLP {@code train.features() -> spec.hidden()... -> 10}, {@code spec.activation()} after every
 *     hidden layer (none after the output), softmax cross-entropy; initialize it as {@code spec.init()} says,
 *     drawing from {@code spec.seed()} only, so that the same spec gives the same curves.
 * <li>Train with plain SGD at {@code spec.learningRate()} for {@code spec.epochs()} epochs; batches of
 *     {@code spec.batchSize()} images (0: full batch, one step per epoch), in an order drawn from the seed.
 *     With {@code spec.trainableBeta()}, each Swish layer has a scalar beta (initially 1) trained with the
 *     weights, and the result's {@code learned} map holds {@code beta1}, {@code beta2}, ... (layer 1 nearest
 *     the input).
 * <li>After every epoch call {@code listener.epochDone} with that epoch's {@link EpochStats}.
 * <li>If a loss becomes NaN or infinite, report that epoch and return at once: the lab records the run as
 *     diverged. Do not throw for divergence; an exception means the run failed and is not saved.
 * <li>Be safe to call from two threads at once (the lab trains two runs in parallel); the datasets are
 *     shared and must not be modified.
 * </ul>
 */
@FunctionalInterface
public interface RunTrainer {
    /** Trains one run and returns its curves; {@code eval} is the validation or the test set. */
    RunResult train(RunSpec spec, ImageSet train, ImageSet eval, EpochListener listener);

    /**
     * What a run with this activation and initialization would call that is not finished yet, as
     * {@code Ex03ReluFamily.relu}, found by calling each once: the lab checks every run it plans before it trains
     * any. Nothing, by default.
     */
    default Set<String> unfinished(LabActivation activation, Init init, boolean trainableBeta) {
        return Set.of();
    }
}
