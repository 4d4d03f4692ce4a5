package org.drlp.report.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.Set;

import org.drlp.report.Figure;
import org.drlp.report.Panel;
import org.drlp.report.Series;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws a figure with JFreeChart: a title band, then one line chart per panel, left to right. */
public final class FigureDrawing {

    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 420;
    private static final int TITLE_HEIGHT = 32;

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
        Set<String> names = new HashSet<>();
        for (Series series : panel.series()) {
            lines.addSeries(line(series, uniqueName(series.name(), names)));
        }
        boolean legend = panel.series().size() > 1;
        JFreeChart chart = ChartFactory.createXYLineChart(panel.title(), panel.xLabel(), panel.yLabel(), lines,
                PlotOrientation.VERTICAL, legend, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        // one path per series rather than one segment per step: smaller SVG, unbroken dash patterns
        ((XYLineAndShapeRenderer) plot.getRenderer()).setDrawSeriesLineAsPath(true);
        return chart;
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
}
