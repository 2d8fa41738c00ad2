/**
 * The theory write-ups: each class's Javadoc is a derivation (Assumptions, Derivation, Result, What the checks
 * verify), its {@code checks()} compare the derivation with the reference solutions and with independent
 * evidence, and its {@code main} prints a lab report. {@link workbook.theory.WriteUps}, the lesson index, lists and
 * runs them; the small tools they are built with (claims, lab reports, Monte Carlo, quadrature, finite differences)
 * are in {@link workbook.theory.tools}. Read the write-ups in this order:
 * {@lessons}
 */
package workbook.theory;
