/**
 * Pricing: the slopes of the 2n edges at a vertex with their round-off tolerances, and the
 * {@code EdgeView} the pivot and anti-cycling rules choose from ({@code EdgePricing}). Partial or
 * incremental pricing, or maintained edge norms (steepest-edge weights), go here.
 */
package org.drlp.kernel.pricing;
