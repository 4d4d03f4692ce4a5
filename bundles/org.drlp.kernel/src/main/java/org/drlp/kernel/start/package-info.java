/**
 * The start strategies ({@code start} role: {@code phase-1} from the model's start point,
 * {@code point} from a given point or basis). A new warm start goes here.
 */
package org.drlp.kernel.start;
