/**
 * The line searches ({@code lineSearch} role: {@code auto}, {@code harris}, {@code weighted-median},
 * {@code crossing}), each a DS component of {@code LineSearchProvider}, and {@code EdgeLine}, the
 * {@code LineView} over the walk's arrays that every search reads. A new line search goes here.
 */
package org.drlp.kernel.linesearch;
