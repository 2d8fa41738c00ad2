/**
 * The small tools the theory write-ups share: a claim and the lab report that prints it, Monte Carlo estimates,
 * normal quadrature, finite differences, and the one-line account of a failure in the exercises' code.
 *
 * <p>Nothing here is about activations or initialization itself.
 *
 * <ul>
 *   <li>{@link workbook.theory.tools.Claim}: one numerical claim of a write-up (statement, expected, observed,
 *       tolerance) and whether it holds; a write-up's {@code checks()} returns a list of them, and its test asserts
 *       that every one holds.</li>
 *   <li>{@link workbook.theory.tools.WriteUpReport}: the lab report a write-up's {@code main} prints (a heading,
 *       tables of numbers, every claim with PASS or FAIL), and the compact number format the claims use.</li>
 *   <li>{@link workbook.theory.tools.MonteCarlo}: a sample mean with its standard error, for claims within
 *       {@code k} standard errors.</li>
 *   <li>{@link workbook.theory.tools.NormalIntegrals}: exact expectations {@code E[f(Z)]} under a normal
 *       distribution, by a fixed Gauss-Legendre rule.</li>
 *   <li>{@link workbook.theory.tools.FiniteDifferences}: derivatives and Jacobians from function values alone, the
 *       independent oracle for every derivative a write-up derives.</li>
 *   <li>{@link workbook.theory.tools.LearnerCode}: the one line that says what the exercises' code did wrong, so
 *       that the write-ups, figures, explorer and lab print it under {@code -Plearner} instead of a stack trace.</li>
 * </ul>
 *
 * <p>The tools know nothing of the write-ups: the lesson index ({@code workbook.theory.WriteUps}) gives a report its
 * heading. Where an argument can be wrong (a tolerance, a sample, a shape), a tool throws
 * {@link java.lang.IllegalArgumentException} with a message that states the rule.
 */
package workbook.theory.tools;
