/**
 * What the lab shows: the report's text ({@link workbook.charts.mnist.report.ProtocolReport}), the sample images
 * ({@link workbook.charts.mnist.report.LabSamples}) and every figure of the stored runs
 * ({@link workbook.charts.mnist.report.LabFigures}).
 */
package workbook.charts.mnist.report;
