/**
 * The anti-cycling rules ({@code antiCycling} role: {@code bland-after}, {@code random-after},
 * {@code none}) and the kink balancing of a stalled convex separable walk. A new degeneracy rule
 * goes here.
 */
package org.drlp.kernel.degeneracy;
