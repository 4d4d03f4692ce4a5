package org.drlp.report;

import java.util.List;

/** One chart: axes labels and scales, and the series drawn in it. */
public record Panel(String title, String xLabel, String yLabel, List<Series> series, Scale xScale, Scale yScale) {

    public Panel {
        series = List.copyOf(series);
    }

    /** Both axes linear. */
    public Panel(String title, String xLabel, String yLabel, List<Series> series) {
        this(title, xLabel, yLabel, series, Scale.LINEAR, Scale.LINEAR);
    }
}
