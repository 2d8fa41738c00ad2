/**
 * Given code: earlier exercises' answers that later exercises call. Each class names the exercise whose
 * answers it holds; finish that exercise before you open it.
 */
package workbook.given;
