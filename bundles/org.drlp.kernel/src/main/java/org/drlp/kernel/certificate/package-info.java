/**
 * The end of a walk: the local-optimality certificate, the dual of a separable program, and the
 * checks of the walk's claims against the program's own data (a drifted gradient or value, an
 * unbounded edge the data do not confirm), in compensated arithmetic where it matters.
 */
package org.drlp.kernel.certificate;
