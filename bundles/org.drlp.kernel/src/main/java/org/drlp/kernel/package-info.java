/**
 * The vertex walk: the {@link org.drlp.spi.Solver} service and method {@code vertex-walk}
 * ({@code VertexWalkSolver}), one solve's stages ({@code SolveRun}: start, column scaling, presolve,
 * final walk) and the walk's state and loop ({@code VertexWalk}). Each job of a pivot lives in a
 * subpackage (basis, pricing, line search, degeneracy, certificate, start, presolve, refactor);
 * a new strategy goes there, not here. Private to the bundle, which imports only the API and SPI.
 */
package org.drlp.kernel;
