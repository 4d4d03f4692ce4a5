/**
 * The refactorisation policies ({@code refactor} role: {@code every}, {@code adaptive}): when the
 * walk recomputes D from the critical normals and checks its tracked objective.
 */
package org.drlp.kernel.refactor;
