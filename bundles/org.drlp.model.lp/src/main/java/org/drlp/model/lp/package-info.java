/**
 * The model {@code lp}: linear programs read from MPS files, walked as an exact penalty program,
 * with their duals, the optimality gap and the solution written as CSV. Private to the bundle: it
 * is reached only as a {@link org.drlp.spi.ModelProvider} service.
 */
package org.drlp.model.lp;
