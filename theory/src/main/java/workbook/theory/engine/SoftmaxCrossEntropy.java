package workbook.theory.engine;

/**
 * The mean softmax cross-entropy of a batch of logits, {@code L = -(1/n) sum_i log softmax(z_i)[y_i]}, and its
 * gradient {@code dL/dz_i = (softmax(z_i) - onehot(y_i)) / n}. Each row is shifted by its maximum first, so no
 * exponential overflows (write-up 4).
 *
 * <p>A single logit column is a logistic unit for two classes: {@code p(class 1) = sigmoid(z)}, the loss is
 * the binary cross-entropy {@code softplus(-z)} for label 1 and {@code softplus(z)} for label 0, and its gradient
 * {@code sigmoid(z) - y}. (Softmax over the two logits {@code (0, z)} gives the same numbers.)
 *
 * @param loss    the mean loss
 * @param dLogits its gradient with respect to the logits
 * @param correct how many rows have their label as the largest logit
 */
public record SoftmaxCrossEntropy(double loss, double[][] dLogits, int correct) {

    /** Computes the loss and its gradient; labels must lie in {@code [0, columns)} ({@code [0, 2)} for one column). */
    public static SoftmaxCrossEntropy of(double[][] logits, int[] labels) {
        int classes = Require.matrix("logits", logits);
        Require.labels(labels, logits.length, Math.max(2, classes));
        double loss = 0;
        int correct = 0;
        double[][] d = new double[logits.length][classes];
        for (int i = 0; i < logits.length; i++) {
            loss += row(logits[i], labels[i], d[i]);
            correct += predicted(logits[i]) == labels[i] ? 1 : 0;
            for (int j = 0; j < classes; j++) {
                d[i][j] /= logits.length;
            }
        }
        return new SoftmaxCrossEntropy(loss / logits.length, d, correct);
    }

    /** Returns {@code -log softmax(z)[label]} and writes {@code softmax(z) - onehot(label)} into {@code gradient}. */
    static double row(double[] z, int label, double[] gradient) {
        if (z.length == 1) { // a logistic unit: -log p = softplus(-z), -log(1 - p) = softplus(z)
            gradient[0] = sigmoid(z[0]) - label;
            double t = label == 1 ? -z[0] : z[0];
            return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
        }
        double logSum = softmax(z, gradient);
        gradient[label] -= 1;
        return logSum - (z[label] - z[argmax(z)]);
    }

    /** Writes {@code softmax(z)} into {@code p}; returns {@code log sum_j exp(z_j - max z)}. */
    private static double softmax(double[] z, double[] p) {
        int top = argmax(z);
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - z[top]);
            sum += p[j];
        }
        for (int j = 0; j < z.length; j++) {
            p[j] /= sum;
        }
        return Math.log(sum);
    }

    /** The class probabilities of every row: softmax, or {@code sigmoid(z)} = p(class 1) for a single column. */
    public static double[][] probabilities(double[][] logits) {
        Require.matrix("logits", logits);
        double[][] p = new double[logits.length][logits[0].length];
        for (int i = 0; i < logits.length; i++) {
            if (p[i].length == 1) {
                p[i][0] = sigmoid(logits[i][0]);
            } else {
                softmax(logits[i], p[i]);
            }
        }
        return p;
    }

    /** The predicted class: the largest logit, or {@code z > 0} for a single logistic column. */
    static int predicted(double[] z) {
        return z.length == 1 ? (z[0] > 0 ? 1 : 0) : argmax(z);
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
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
