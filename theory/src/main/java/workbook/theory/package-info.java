/**
 * The theory write-ups: each class's Javadoc is a derivation (Assumptions, Derivation, Result, What the checks
 * verify), its {@code checks()} compare the derivation with the reference solutions and with independent
 * evidence, and its {@code main} prints a lab report. {@link workbook.theory.Demos} lists and runs them;
 * {@link workbook.theory.Check}, {@link workbook.theory.LabReport} and {@link workbook.theory.MonteCarlo} are
 * the small shared tools they are built with. Read the write-ups in this order:
 * {@lessons}
 */
package workbook.theory;
