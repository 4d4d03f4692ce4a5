package org.drlp.report.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.drlp.report.Figure;
import org.drlp.report.Panel;
import org.drlp.report.Scale;
import org.drlp.report.Series;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a figure with JFreeChart: a title band, then one line chart per panel, left to right, each
 * with its legend under the plotting area. Line i of a panel has {@link LineStyles}' style i (or
 * the style it asks for); its
 * markers sit on every k-th point only, at an offset that differs from line to line, so that lines
 * which coincide still show each marker.
 */
public final class FigureDrawing {

    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 420;
    private static final int TITLE_HEIGHT = 32;
    /** About this many markers per line. */
    private static final int MARKERS = 8;

    static {
        // rotated labels (the y axis) through drawString, not a TextLayout, so that SVG keeps them as <text>
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private FigureDrawing() {
    }

    public static int width(Figure figure) {
        return PANEL_WIDTH * figure.panels().size();
    }

    public static int height(Figure figure) {
        return TITLE_HEIGHT + PANEL_HEIGHT;
    }

    public static void draw(Figure figure, Graphics2D graphics) {
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setPaint(Color.WHITE);
        graphics.fillRect(0, 0, width(figure), height(figure));
        TextTitle title = new TextTitle(figure.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15));
        title.setHorizontalAlignment(HorizontalAlignment.CENTER);
        title.arrange(graphics); // lays out the text, which draw needs
        title.draw(graphics, new Rectangle2D.Double(0, 0, width(figure), TITLE_HEIGHT));
        int left = 0;
        for (Panel panel : figure.panels()) {
            chart(panel).draw(graphics, new Rectangle2D.Double(left, TITLE_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT));
            left += PANEL_WIDTH;
        }
    }

    private static JFreeChart chart(Panel panel) {
        XYSeriesCollection lines = new XYSeriesCollection();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        Set<String> names = new HashSet<>();
        List<Series> series = panel.series();
        for (Series one : series) {
            String name = uniqueName(one.name(), names);
            lines.addSeries(line(one, name));
            bands.addSeries(band(one, name)); // empty without a band, so that indices match the lines'
        }
        XYPlot plot = new XYPlot(lines, axis(panel.xLabel(), panel.xScale()), axis(panel.yLabel(), panel.yScale()),
                new SparseMarkers(series.size()));
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        // one path per series rather than one segment per step: smaller SVG, unbroken dash patterns
        renderer.setDrawSeriesLineAsPath(true);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(0.18f);
        for (int i = 0; i < series.size(); i++) {
            int style = series.get(i).style() >= 0 ? series.get(i).style() : i;
            renderer.setSeriesPaint(i, LineStyles.colour(style));
            renderer.setSeriesStroke(i, LineStyles.stroke(style));
            renderer.setSeriesShape(i, LineStyles.marker(style));
            bandRenderer.setSeriesFillPaint(i, LineStyles.colour(style));
            bandRenderer.setSeriesPaint(i, LineStyles.colour(style));
            bandRenderer.setSeriesVisibleInLegend(i, false);
        }
        if (series.stream().anyMatch(Series::hasBand)) {
            plot.setDataset(1, bands);
            plot.setRenderer(1, bandRenderer);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE); // bands (dataset 1) under the lines
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(panel.title(), new Font(Font.SANS_SERIF, Font.PLAIN, 13), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        if (series.size() > 1) {
            LegendTitle legend = new LegendTitle(plot.getRenderer(0));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            chart.addLegend(legend);
        }
        return chart;
    }

    private static ValueAxis axis(String label, Scale scale) {
        return switch (scale) {
            case LOG -> {
                LogAxis axis = new LogAxis(label);
                axis.setBase(10);
                axis.setSmallestValue(1e-300);
                // whole powers of ten only: ticks at 10^-3, 10^-2, ..., never 10^0.5
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
                yield axis;
            }
            case INTEGER -> {
                NumberAxis axis = new NumberAxis(label);
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
                axis.setAutoRangeIncludesZero(false);
                yield axis;
            }
            case LINEAR -> {
                NumberAxis axis = new NumberAxis(label);
                axis.setAutoRangeIncludesZero(false);
                yield axis;
            }
        };
    }

    /** JFreeChart identifies series by name, so equal names would collide. */
    private static String uniqueName(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique); n++) unique = name + " (" + n + ")";
        return unique;
    }

    private static XYSeries line(Series series, String name) {
        XYSeries line = new XYSeries(name, false, true); // keep the given order; repeated x values are fine
        for (int i = 0; i < series.x().length; i++) {
            double x = series.x()[i];
            double y = series.y()[i];
            if (Double.isFinite(x) && Double.isFinite(y)) line.add(x, y, false);
        }
        return line;
    }

    private static YIntervalSeries band(Series series, String name) {
        YIntervalSeries band = new YIntervalSeries(name, false, true);
        if (!series.hasBand()) return band;
        for (int i = 0; i < series.x().length; i++) {
            double x = series.x()[i];
            double y = series.y()[i];
            double low = series.low()[i];
            double high = series.high()[i];
            if (Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(low) && Double.isFinite(high)) {
                band.add(x, y, low, high);
            }
        }
        return band;
    }

    /**
     * Lines with a marker on about {@link #MARKERS} of their points (fewer when there are more
     * lines than points between markers), line i's markers shifted by i / lines of the spacing, so
     * that markers of coinciding lines do not hide each other; the legend shows every line's marker.
     */
    private static final class SparseMarkers extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final int lines;
        private boolean inLegend;

        SparseMarkers(int lines) {
            super(true, true);
            this.lines = Math.max(1, lines);
            setDefaultShapesFilled(true);
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            if (inLegend) return true;
            int count = getPlot().getDataset(0).getItemCount(series);
            // at least one point per line between markers, so that each line has its own offset
            int spacing = Math.max(1, Math.max(count / MARKERS, Math.min(lines, count)));
            return item % spacing == (series * spacing / lines) % spacing;
        }

        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            inLegend = true;
            try {
                return super.getLegendItem(datasetIndex, series);
            } finally {
                inLegend = false;
            }
        }
    }

}
