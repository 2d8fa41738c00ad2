/**
 * The workbook's one network engine: multilayer perceptrons with dense layers {@code Z = X W + b} (weights
 * {@code [fanIn][fanOut]}, rows of {@code X} are samples), an activation per layer given as a function and its
 * derivative (the exercise API's {@link workbook.exercises.Ex10Propagation.Activation}, so your own
 * {@code Ex01}-{@code Ex07} code plugs in), softmax cross-entropy, plain SGD, and per-layer statistics.
 *
 * <h2>Two precisions, one set of equations</h2>
 * <ul>
 *   <li>{@link workbook.theory.engine.Network}: {@code double}, written to be read next to the write-ups
 *       (forward: {@code Z = X W + b}, {@code A = act(Z)}; backward: {@code dZ = act'(Z) * dA},
 *       {@code dW = X^T dZ}, {@code dX = dZ W^T}). The theory write-ups, the figures and the gradient checks use
 *       it.</li>
 *   <li>{@link workbook.theory.engine.FastNetwork}: the same network in {@code float} for training at speed; its
 *       big products run on a Vector API kernel on two threads (module {@code jdk.incubator.vector}; without it
 *       plain Java loops, announced in one line on standard error).</li>
 * </ul>
 *
 * <h2>Training a classifier (the MNIST lab)</h2>
 * <pre>{@code
 * Network init = Network.classifier(new int[] {784, 200, 64, 10}, Activations.RELU, Scheme.HE,
 *         new SplittableRandom(1));                       // or Nonlinearity.trainableSwish(1.0) per layer
 * FastNetwork net = FastNetwork.of(init);
 * Dataset train = new Dataset(pixels, labels, 784, 10);   // float[rows * 784], int[rows]
 * Dataset val = new Dataset(valPixels, valLabels, 784, 10);
 * List<Trainer.Epoch> history = Trainer.fit(net, train, val,
 *         new Trainer.Settings(20, 128, 0.1, 7),          // epochs, batch size (0 = full batch), rate, shuffle seed
 *         epoch -> System.out.println(epoch));            // train/val loss and accuracy, ms, per epoch
 * net.layerStats();      // mean, std, zero and saturated fractions of each layer on the last batch
 * net.gradientNorms();   // ||dL/dW_l|| of the last step
 * net.activation(0).beta();                               // a trainable Swish's learned beta
 * }</pre>
 *
 * <h2>Speed</h2>
 * The kernel needs the C2 compiler: the workbook's grading JVM runs C1 only ({@code -XX:TieredStopAtLevel=1}),
 * where the Vector API code is correct but slow, so long runs belong in a forked JVM with
 * {@code --add-modules jdk.incubator.vector} (see {@link workbook.theory.engine.Benchmark} and its
 * {@code exec:exec@bench} command).
 *
 * <h2>Bad input</h2>
 * Shape mismatches, empty batches, labels outside {@code [0, classes)}, a learning rate that is not positive
 * and finite, and NaN or infinite inputs get an {@link java.lang.IllegalArgumentException} that names the
 * argument and the rule.
 */
package workbook.theory.engine;
