/**
 * The linear model {@code linear}: piecewise-linear regression (LAD, quantile and the other shipped
 * losses) as a separable program, with what regression users expect of it: categorical coding,
 * weights, coefficient inference (rank inversion, iid, nid, ker, bootstrap), the quantile process
 * and warm-started tau sweeps. Private to the bundle: it is reached only as a
 * {@link org.drlp.spi.ModelProvider} service.
 */
package org.drlp.model.linear;
