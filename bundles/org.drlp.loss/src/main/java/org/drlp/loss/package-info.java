/**
 * The standard piecewise-linear losses of the residual z = fit - y. Private to the bundle: the
 * losses are reached only as {@link org.drlp.spi.LossProvider} services.
 */
package org.drlp.loss;
