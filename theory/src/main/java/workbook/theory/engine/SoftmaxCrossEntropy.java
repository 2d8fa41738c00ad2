package workbook.theory.engine;

/**
 * The mean softmax cross-entropy of a batch of logits, {@code L = -(1/n) sum_i log softmax(z_i)[y_i]}, and its
 * gradient {@code dL/dz_i = (softmax(z_i) - onehot(y_i)) / n}. Each row is shifted by its maximum first, so no
 * exponential overflows (write-up 4).
 *
 * @param loss    the mean loss
 * @param dLogits its gradient with respect to the logits
 * @param correct how many rows have their label as the largest logit
 */
public record SoftmaxCrossEntropy(double loss, double[][] dLogits, int correct) {

    /** Computes the loss and its gradient; labels must lie in {@code [0, columns)}. */
    public static SoftmaxCrossEntropy of(double[][] logits, int[] labels) {
        int classes = Require.matrix("logits", logits);
        Require.labels(labels, logits.length, classes);
        double loss = 0;
        int correct = 0;
        double[][] d = new double[logits.length][classes];
        for (int i = 0; i < logits.length; i++) {
            loss += row(logits[i], labels[i], d[i]);
            correct += argmax(logits[i]) == labels[i] ? 1 : 0;
            for (int j = 0; j < classes; j++) {
                d[i][j] /= logits.length;
            }
        }
        return new SoftmaxCrossEntropy(loss / logits.length, d, correct);
    }

    /** Returns {@code -log softmax(z)[label]} and writes {@code softmax(z) - onehot(label)} into {@code gradient}. */
    static double row(double[] z, int label, double[] gradient) {
        int top = argmax(z);
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            gradient[j] = Math.exp(z[j] - z[top]);
            sum += gradient[j];
        }
        for (int j = 0; j < z.length; j++) {
            gradient[j] = gradient[j] / sum - (j == label ? 1 : 0);
        }
        return Math.log(sum) - (z[label] - z[top]);
    }

    /** The index of the largest entry (the first one on a tie). */
    static int argmax(double[] z) {
        int top = 0;
        for (int j = 1; j < z.length; j++) {
            top = z[j] > z[top] ? j : top;
        }
        return top;
    }
}
