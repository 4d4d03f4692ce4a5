package org.drlp.report;

/** How an axis maps values. */
public enum Scale {
    LINEAR,
    /** Linear with ticks on whole numbers only: iterations, pivots, epochs. */
    INTEGER,
    /** Base-10 logarithmic; every value drawn on it must be positive. */
    LOG
}
