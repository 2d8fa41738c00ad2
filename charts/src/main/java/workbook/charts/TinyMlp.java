package workbook.charts;

import java.util.random.RandomGenerator;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;

/**
 * The network of figure 12: two inputs, one hidden layer of {@code hidden} units with activation {@code act},
 * one logistic output {@code p = 1 / (1 + exp(-logit))}; trained by full-batch gradient descent on the mean
 * binary cross-entropy. Plain Java, no library: the backward pass is written out below.
 *
 * <p>All parameters live in one array, in this order: {@code W1} ({@code 2 x hidden}, row by row), {@code b1}
 * ({@code hidden}), {@code w2} ({@code hidden}), {@code b2} (1). The weights start from an {@code Ex09}
 * initializer, the biases at 0.
 */
final class TinyMlp {
    private final Activation act;
    private final int hidden;
    private final double[] params;

    private TinyMlp(Activation act, int hidden, double[] params) {
        this.act = act;
        this.hidden = hidden;
        this.params = params;
    }

    /** A fresh network: {@code W1} from {@code init(2, hidden)}, {@code w2} from {@code init(hidden, 1)}. */
    static TinyMlp create(Activation act, Initializer init, int hidden, RandomGenerator rng) {
        double[] params = new double[4 * hidden + 1];
        double[][] w1 = init.init(2, hidden, rng);
        double[][] w2 = init.init(hidden, 1, rng);
        for (int j = 0; j < hidden; j++) {
            params[j] = w1[0][j];
            params[hidden + j] = w1[1][j];
            params[3 * hidden + j] = w2[j][0];
        }
        return new TinyMlp(act, hidden, params);
    }

    /** A copy of the parameters (for the tests' finite differences). */
    double[] parameters() {
        return params.clone();
    }

    /** The same network with other parameters. */
    TinyMlp withParameters(double[] p) {
        return new TinyMlp(act, hidden, p.clone());
    }

    /** The output logit at the point (x1, x2). */
    double logit(double x1, double x2) {
        double logit = params[4 * hidden];
        for (int j = 0; j < hidden; j++) {
            double z = x1 * params[j] + x2 * params[hidden + j] + params[2 * hidden + j];
            logit += params[3 * hidden + j] * act.f().applyAsDouble(z);
        }
        return logit;
    }

    /** The predicted probability of class 1 at (x1, x2). */
    double probability(double x1, double x2) {
        return sigmoid(logit(x1, x2));
    }

    /** The mean binary cross-entropy over the points {@code x[i]} with labels {@code y[i]} in {0, 1}. */
    double loss(double[][] x, int[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double t = logit(x[i][0], x[i][1]);
            // -log p = softplus(-t), -log(1 - p) = softplus(t): stable for any logit
            sum += y[i] == 1 ? softplus(-t) : softplus(t);
        }
        return sum / x.length;
    }

    /** The gradient of {@link #loss} with respect to the parameters, in their order. */
    double[] gradient(double[][] x, int[] y) {
        double[] g = new double[params.length];
        double[] a = new double[hidden];
        double[] slope = new double[hidden];
        for (int i = 0; i < x.length; i++) {
            double logit = params[4 * hidden];
            for (int j = 0; j < hidden; j++) {
                double z = x[i][0] * params[j] + x[i][1] * params[hidden + j] + params[2 * hidden + j];
                a[j] = act.f().applyAsDouble(z);
                slope[j] = act.derivative().applyAsDouble(z);
                logit += params[3 * hidden + j] * a[j];
            }
            double dLogit = (sigmoid(logit) - y[i]) / x.length; // d(cross-entropy)/d(logit) = p - y
            g[4 * hidden] += dLogit;
            for (int j = 0; j < hidden; j++) {
                g[3 * hidden + j] += dLogit * a[j];
                double dz = dLogit * params[3 * hidden + j] * slope[j];
                g[j] += dz * x[i][0];
                g[hidden + j] += dz * x[i][1];
                g[2 * hidden + j] += dz;
            }
        }
        return g;
    }

    /** Runs {@code steps} steps of full-batch gradient descent with learning rate {@code rate}. */
    TinyMlp train(double[][] x, int[] y, int steps, double rate) {
        for (int s = 0; s < steps; s++) {
            double[] g = gradient(x, y);
            for (int k = 0; k < params.length; k++) {
                params[k] -= rate * g[k];
            }
        }
        return this;
    }

    /** The share of points whose predicted class ({@code p > 1/2}) is their label. */
    double accuracy(double[][] x, int[] y) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            right += (logit(x[i][0], x[i][1]) > 0 ? 1 : 0) == y[i] ? 1 : 0;
        }
        return (double) right / x.length;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    private static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }
}
