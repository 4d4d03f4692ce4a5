/**
 * The basis of the walk: the critical set and its edge directions D, the inverse of the oriented
 * critical normals ({@code EdgeDirections}: the Sherman-Morrison exchange of a pivot, the region
 * change F1, the refactorisation by {@code DenseLu}). A new basis representation (a factorisation
 * with product-form or Forrest-Tomlin updates, a sparse one) goes here, beside them.
 */
package org.drlp.kernel.basis;
