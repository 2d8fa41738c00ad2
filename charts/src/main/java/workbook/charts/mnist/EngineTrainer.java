package workbook.charts.mnist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.protocol.EpochListener;
import workbook.charts.mnist.protocol.EpochStats;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.RunResult;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunTrainer;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.theory.engine.FastNetwork;
import workbook.theory.engine.Matrices;
import workbook.theory.engine.Network;
import workbook.theory.engine.Nonlinearity;
import workbook.theory.engine.PytorchDefault;
import workbook.theory.engine.Scheme;
import workbook.theory.tools.LearnerCode;

/**
 * The lab's {@link RunTrainer} on the workbook's network engine ({@code workbook.theory.engine}): the network is
 * built in {@code double} by {@link Network#classifier}, copied to a {@link FastNetwork} and trained with
 * {@link workbook.theory.engine.Trainer#fit}. Each {@link LabActivation} brings its own unit of the engine; the
 * activations and the Xavier, He and naive initializers are the exercise code on the class path (the reference
 * solutions, or your own under {@code -Plearner}); a trainable Swish learns its beta with
 * {@code Ex07.swishBetaGradient}.
 *
 * <p>It lives beside {@link Lab}, which constructs it: its class name is what every stored run records as its
 * {@code trainer}, as before the lab's packages were split.
 *
 * <p>Seeds: the weights (and the PyTorch default's biases) are drawn from {@code SplittableRandom(spec.seed())},
 * the minibatch order from a generator split off it, so equal specs give equal curves. Each call builds its
 * own network, so two calls may run at once.
 */
final class EngineTrainer implements RunTrainer {
    /** The std of the too-small initialization {@link Init#SMALL}. */
    static final double SMALL_STD = 0.01;

    @Override
    public RunResult train(RunSpec spec, ImageSet train, ImageSet eval, EpochListener listener) {
        if (train.features() != eval.features()) {
            throw new IllegalArgumentException("train and eval must have the same image size, got "
                    + train.features() + " and " + eval.features());
        }
        SplittableRandom seeds = new SplittableRandom(spec.seed());
        FastNetwork net = FastNetwork.of(network(spec, train.features(), new SplittableRandom(seeds.nextLong())));
        List<EpochStats> curve = new ArrayList<>();
        workbook.theory.engine.Trainer.fit(net, engine(train), engine(eval),
                new workbook.theory.engine.Trainer.Settings(spec.epochs(), spec.fullBatch() ? 0 : spec.batchSize(),
                        spec.learningRate(), seeds.nextLong(), spec.scoredOnce()),
                e -> {
                    EpochStats stats = new EpochStats(e.epoch(), e.trainLoss(), e.trainAccuracy(),
                            e.validationLoss(), e.validationAccuracy());
                    curve.add(stats);
                    listener.epochDone(stats);
                });
        Map<String, Double> learned = new LinkedHashMap<>();
        for (int l = 0; l < net.depth() - 1; l++) {
            if (net.activation(l).trainable()) {
                learned.put("beta" + (l + 1), net.activation(l).beta());
            }
        }
        return new RunResult(curve, learned);
    }

    /**
     * Calls the activation (value, slope and, when trained, the slope in beta) and the initializer once each; what
     * fails in the exercises' code is named with why: "Ex03ReluFamily.relu (not implemented yet)", "Ex02Tanh.tanh
     * (threw java.lang.StackOverflowError)".
     */
    @Override
    public Set<String> unfinished(LabActivation activation, Init init, boolean trainableBeta) {
        Set<String> missing = new TreeSet<>();
        Nonlinearity unit = unit(activation, trainableBeta);
        probe(missing, () -> unit.value(0.5));
        probe(missing, () -> unit.slope(0.5));
        if (trainableBeta) {
            probe(missing, () -> unit.betaSlope(0.5));
        }
        probe(missing, () -> initializer(init).init(2, 2, new SplittableRandom(1)));
        return missing;
    }

    private static void probe(Set<String> missing, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | Error e) { // the learner's code: named, not thrown (a bug of the engine's is)
            String failure = LearnerCode.failure(e).orElse(null);
            if (failure == null) {
                throw e;
            }
            int space = failure.indexOf(' ');
            String why = space < 0 ? "" : failure.substring(space + 1).replaceFirst("^is ", "")
                    // a stand-in's "not implemented yet (X.java does not compile ...)": the reason is what counts
                    .replaceFirst("^not implemented yet \\((.*)\\)$", "$1");
            missing.add(failure.contains("'s static initializer") || space < 0 ? failure
                    : failure.substring(0, space) + " (" + why + ")");
        }
    }

    /** The initial network of {@code spec} in {@code double}: weights, biases and activations, from the seed. */
    static Network network(RunSpec spec, int features) {
        return network(spec, features, new SplittableRandom(new SplittableRandom(spec.seed()).nextLong()));
    }

    /** The initial network of {@code spec}, drawn from {@code rng} (the first split of the spec's seed). */
    private static Network network(RunSpec spec, int features, SplittableRandom rng) {
        Nonlinearity hidden = unit(spec.activation(), spec.trainableBeta());
        Network net = Network.classifier(spec.layers(features), hidden, initializer(spec.init()), rng);
        if (spec.init() == Init.PYTORCH) {
            PytorchDefault.drawBiases(net, rng);
        }
        return net;
    }

    /**
     * The hidden layers' activation: {@link LabActivation#unit}, or Swish with a trainable beta starting at 1 (the
     * engine's built-in one on the reference solutions, Ex07's methods entry by entry on the learner's code).
     */
    static Nonlinearity unit(LabActivation activation, boolean trainableBeta) {
        if (!trainableBeta) {
            return activation.unit(learnersCode());
        }
        return learnersCode() ? Nonlinearity.trainableSwish(1.0) : Nonlinearity.builtinTrainableSwish(1.0);
    }

    /**
     * Whether the runs train on the learner's exercises ({@code -Plearner}, where the lab calls their methods entry
     * by entry) rather than the reference solutions (the engine's built-in activations, the same functions).
     */
    static boolean learnersCode() {
        return "exercises".equals(System.getProperty(Lab.SOURCE_PROPERTY, "solutions"));
    }

    /** The weight initializer of {@code init}; Xavier, He and naive are {@code Ex09}'s. */
    static Initializer initializer(Init init) {
        return switch (init) {
            case PYTORCH -> PytorchDefault.WEIGHTS;
            case SMALL -> (fanIn, fanOut, rng) -> Matrices.gaussian(fanIn, fanOut, 0, SMALL_STD, rng);
            case NAIVE -> Scheme.NAIVE;
            case XAVIER -> Scheme.XAVIER;
            case HE -> Scheme.HE;
        };
    }

    /** The same images as the engine's dataset (shared, not copied: neither side writes them). */
    private static workbook.theory.engine.Dataset engine(ImageSet data) {
        return new workbook.theory.engine.Dataset(data.pixels(), data.labels(), data.features(), ImageSet.CLASSES);
    }
}
