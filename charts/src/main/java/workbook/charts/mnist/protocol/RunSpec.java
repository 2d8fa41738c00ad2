package workbook.charts.mnist.protocol;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import workbook.charts.mnist.data.ImageSet;

/**
 * Everything that defines one training run of the lab. Two runs with equal specs give the same curves, so
 * the spec's {@link #id()} names the run in the store and a finished run is never trained twice.
 *
 * <p>The network is an MLP {@code features -> hidden... -> 10} with {@link #activation} after every hidden
 * layer, softmax cross-entropy, plain SGD (no momentum, no weight decay).
 *
 * @param part          which part of the protocol the run belongs to: {@code d}, {@code e}, {@code f},
 *                      {@code g} or {@code init}
 * @param activation    the activation after every hidden layer
 * @param init          how the weights and biases are drawn
 * @param hidden        the hidden layer widths, input side first, e.g. {@code [200, 64]}
 * @param learningRate  the SGD step size, positive
 * @param epochs        passes over the training set, positive
 * @param batchSize     images per SGD step; 0 means full batch (one step per epoch)
 * @param trainableBeta for Swish only: each hidden layer learns its own beta (starting at 1)
 * @param seed          seeds the initial weights and the batch order
 * @param trainSize     images in the training set
 * @param evalName      what the evaluation set is: {@code validation} or {@code test}
 * @param evalSize      images in the evaluation set
 */
public record RunSpec(String part, LabActivation activation, Init init, List<Integer> hidden, double learningRate,
        int epochs, int batchSize, boolean trainableBeta, long seed, int trainSize, String evalName, int evalSize) {

    public RunSpec {
        hidden = List.copyOf(hidden);
        if (!part.matches("[a-z]+")) {
            throw new IllegalArgumentException("part must be lower-case letters, got '" + part + "'");
        }
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hidden must be one or more positive widths, got " + hidden);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be 0 (full batch) or positive, got " + batchSize);
        }
        if (trainableBeta && activation != LabActivation.SWISH) {
            throw new IllegalArgumentException("trainableBeta needs the swish activation, got " + activation.key());
        }
        if (trainSize <= 0 || evalSize <= 0) {
            throw new IllegalArgumentException("trainSize and evalSize must be positive, got " + trainSize + " and "
                    + evalSize);
        }
        if (!evalName.matches("[a-z]+")) {
            throw new IllegalArgumentException("evalName must be lower-case letters, got '" + evalName + "'");
        }
    }

    /** Every layer width from input to output: {@code [features, hidden..., 10]}, e.g. {@code [784, 200, 64, 10]}. */
    public int[] layers(int features) {
        int[] widths = new int[hidden.size() + 2];
        widths[0] = features;
        for (int i = 0; i < hidden.size(); i++) {
            widths[i + 1] = hidden.get(i);
        }
        widths[widths.length - 1] = ImageSet.CLASSES;
        return widths;
    }

    /**
     * True for a run on the test set: it is scored once, after its last epoch (the test set chooses nothing, so
     * nothing needs its curve); a validation set is scored after every epoch, for the curves and the choices.
     */
    public boolean scoredOnce() {
        return evalName.equals("test");
    }

    /** True if every SGD step sees the whole training set. */
    public boolean fullBatch() {
        return batchSize == 0 || batchSize >= trainSize;
    }

    /**
     * A readable, unique file name, e.g.
     * {@code d-relu-pytorch-200x64-lr0.005-e1000-full-s1-train9600-validation2400} or
     * {@code init-relu-he-d10w100-lr0.01-e10-b64-s1-train9600-validation2400}.
     */
    public String id() {
        return String.join("-", part, activation.key() + (trainableBeta ? "+beta" : ""), init.key(),
                layers(), "lr" + rate(learningRate),
                "e" + epochs, fullBatch() ? "full" : "b" + batchSize, "s" + seed, "train" + trainSize,
                evalName + evalSize);
    }

    /** {@code 200x64}; a deep stack of equal widths is {@code d10w100} (depth 10, width 100). */
    private String layers() {
        boolean uniform = hidden.stream().distinct().count() == 1;
        return uniform && hidden.size() > 2 ? "d" + hidden.size() + "w" + hidden.get(0)
                : hidden.stream().map(String::valueOf).collect(Collectors.joining("x"));
    }

    /** A rate with 4 significant digits and no trailing zeros: 0.005, 0.03162, 1. */
    public static String rate(double learningRate) {
        return new BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", learningRate)).stripTrailingZeros()
                .toPlainString();
    }

    /** The spec as ordered key-value pairs, as the run store writes it. */
    Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("part", part);
        map.put("activation", activation.key());
        map.put("init", init.key());
        map.put("hidden", hidden.stream().map(String::valueOf).collect(Collectors.joining(",")));
        map.put("learningRate", Double.toString(learningRate));
        map.put("epochs", Integer.toString(epochs));
        map.put("batchSize", Integer.toString(batchSize));
        map.put("trainableBeta", Boolean.toString(trainableBeta));
        map.put("seed", Long.toString(seed));
        map.put("trainSize", Integer.toString(trainSize));
        map.put("evalName", evalName);
        map.put("evalSize", Integer.toString(evalSize));
        return map;
    }

    /** The inverse of {@link #toMap()}. */
    static RunSpec fromMap(Map<String, String> map) {
        try {
            return new RunSpec(map.get("part"), LabActivation.of(map.get("activation")), Init.of(map.get("init")),
                    java.util.Arrays.stream(map.get("hidden").split(",")).map(Integer::valueOf).toList(),
                    Double.parseDouble(map.get("learningRate")), Integer.parseInt(map.get("epochs")),
                    Integer.parseInt(map.get("batchSize")), Boolean.parseBoolean(map.get("trainableBeta")),
                    Long.parseLong(map.get("seed")), Integer.parseInt(map.get("trainSize")), map.get("evalName"),
                    Integer.parseInt(map.get("evalSize")));
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("a run spec needs every key of " + RunSpec.class.getSimpleName()
                    + " with a valid value, got " + map, e);
        }
    }

    /** A copy with another learning rate. */
    RunSpec withLearningRate(double rate) {
        return new RunSpec(part, activation, init, hidden, rate, epochs, batchSize, trainableBeta, seed, trainSize,
                evalName, evalSize);
    }

    /** A copy with another seed: the same configuration's run with {@code other}. */
    public RunSpec withSeed(long other) {
        return new RunSpec(part, activation, init, hidden, learningRate, epochs, batchSize, trainableBeta, other,
                trainSize, evalName, evalSize);
    }
}
