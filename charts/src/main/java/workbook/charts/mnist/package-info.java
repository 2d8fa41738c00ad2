/**
 * The MNIST lab (seed part 3 and part 4 (d)/(j)): {@link workbook.charts.mnist.Lab}, its command, wires the three
 * packages below together and hands the protocol the network engine's trainer ({@code EngineTrainer}).
 * <ul>
 *   <li>{@link workbook.charts.mnist.data}: the IDX files, the bundled subset or the originals, image sets and the
 *       seed's train / validation split.</li>
 *   <li>{@link workbook.charts.mnist.protocol}: the command line, what a run is and how it is trained, stored and
 *       resumed, and the protocol's parts (d) to (g) and part 4.</li>
 *   <li>{@link workbook.charts.mnist.report}: the report's text and the figures, from the stored runs.</li>
 * </ul>
 * Dependencies run one way: data, then protocol, then report, then the lab.
 */
package workbook.charts.mnist;
