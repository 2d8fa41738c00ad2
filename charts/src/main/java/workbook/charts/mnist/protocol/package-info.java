/**
 * What the lab runs and how: the command line ({@link workbook.charts.mnist.protocol.LabConfig}, from one table of
 * options), one run ({@link workbook.charts.mnist.protocol.RunSpec}, its activation and initialization, its
 * {@link workbook.charts.mnist.protocol.RunResult}), the door to a network engine
 * ({@link workbook.charts.mnist.protocol.RunTrainer}), the {@link workbook.charts.mnist.protocol.RunStore} that
 * keeps every finished run, and the parts of the {@link workbook.charts.mnist.protocol.Protocol} with their rate
 * search and seed statistics.
 */
package workbook.charts.mnist.protocol;
