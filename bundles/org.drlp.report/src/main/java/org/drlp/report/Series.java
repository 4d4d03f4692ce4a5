package org.drlp.report;

/**
 * One line of a panel: points (x[i], y[i]). Points with a non-finite coordinate are left out.
 *
 * @param name  the legend entry
 */
public record Series(String name, double[] x, double[] y) {

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series \"" + name + "\": " + x.length + " x values but "
                    + y.length + " y values");
        }
    }
}
