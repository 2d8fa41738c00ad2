/**
 * The lab's images: {@link workbook.charts.mnist.data.Mnist} reads the bundled subset (SHA-256 checked) or the four
 * original IDX files into {@link workbook.charts.mnist.data.ImageSet}s, and {@link workbook.charts.mnist.data.Split}
 * keeps the last 20 % of the training images for validation.
 */
package workbook.charts.mnist.data;
