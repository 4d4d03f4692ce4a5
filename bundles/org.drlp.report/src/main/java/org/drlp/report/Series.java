package org.drlp.report;

/**
 * One line of a panel: points (x[i], y[i]), and optionally a band from low[i] to high[i] drawn
 * under it in its colour (the spread of repeats around their median). Points with a non-finite
 * coordinate are left out.
 *
 * @param name   the legend entry
 * @param low    null for a line without a band
 * @param high   null exactly when low is
 * @param style  which of the line styles it gets (colour, dash, marker), so that one thing drawn in
 *               several panels of a figure looks the same in each; -1 for its position in its panel
 */
public record Series(String name, double[] x, double[] y, double[] low, double[] high, int style) {

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series \"" + name + "\": " + x.length + " x values but "
                    + y.length + " y values");
        }
        if ((low == null) != (high == null) || low != null && (low.length != x.length || high.length != x.length)) {
            throw new IllegalArgumentException("series \"" + name + "\": a band needs a low and a high value per point");
        }
    }

    /** A line without a band, styled by its position. */
    public Series(String name, double[] x, double[] y) {
        this(name, x, y, null, null, -1);
    }

    public boolean hasBand() {
        return low != null;
    }
}
