/**
 * The presolves ({@code presolve} role: {@code portnoy-koenker}, {@code none}), which walk
 * sub-programs through {@code SubproblemWalks} to find the final walk's start. A new presolve goes here.
 */
package org.drlp.kernel.presolve;
