package org.drlp.report;

import java.util.List;

/** One chart: axes labels and the series drawn in it. */
public record Panel(String title, String xLabel, String yLabel, List<Series> series) {

    public Panel {
        series = List.copyOf(series);
    }
}
