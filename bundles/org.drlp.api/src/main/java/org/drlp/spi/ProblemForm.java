package org.drlp.spi;

/**
 * The shape of the problem a model builds, declared so that {@code validate} can tell before
 * anything runs whether a solver method or a strategy of the walk can work on it.
 */
public enum ProblemForm {
    /** A ReLU program ({@link Problem#program()}) that is not known to be separable: a network. */
    PROGRAM,
    /** A {@link SeparableProgram}: a sum of piecewise-linear functions of affine forms (regressions, LPs). */
    SEPARABLE,
    /**
     * Several layers of a network trained in turn; the loss is not piecewise linear in all of them
     * together, so there is no single program and {@link Problem#program()} is not available.
     */
    LAYERWISE
}
