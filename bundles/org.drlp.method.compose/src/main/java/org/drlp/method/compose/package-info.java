/**
 * Solver methods made of other methods: {@code sequence} (one method, then another from where it
 * ended, the budget split between them) and {@code basin-hopping} (seeded perturbation restarts
 * that keep the best certified point). The loss never rises across stages. Private to the bundle:
 * they are reached only as {@link org.drlp.spi.SolverMethod} services.
 */
package org.drlp.method.compose;
