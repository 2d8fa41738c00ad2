package workbook.charts.mnist.protocol;

/**
 * The four curves of part 3 at one epoch. The training values are those of the forward passes the epoch's
 * updates were computed from (full batch: the model before its one step; mini-batches: the mean over the
 * epoch's batches, weighted by batch size), as a PyTorch loop records them; the evaluation values are those
 * of the model after the epoch.
 *
 * @param epoch         1 for the first epoch
 * @param trainLoss     mean softmax cross-entropy (natural log) on the training set; NaN or infinite if the
 *                      run diverged
 * @param trainAccuracy fraction of training images classified correctly, 0 to 1
 * @param evalLoss      mean cross-entropy on the evaluation set (validation or test); NaN in an epoch that did
 *                      not score it (a test set is scored once, after the last epoch: {@link RunSpec#scoredOnce})
 * @param evalAccuracy  fraction of evaluation images classified correctly; NaN in an epoch that did not score them
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double evalLoss, double evalAccuracy) {
    /** True if the epoch scored the evaluation set (an accuracy is a number whenever it was measured). */
    public boolean evaluated() {
        return !Double.isNaN(evalAccuracy);
    }

    /** True if the training loss, and the evaluation loss where it was measured, are finite numbers. */
    public boolean finite() {
        return Double.isFinite(trainLoss) && (!evaluated() || Double.isFinite(evalLoss));
    }
}
