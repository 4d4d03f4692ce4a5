package org.drlp.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The look of the i-th line of a chart. Colours: the Okabe-Ito palette without its yellow (blue,
 * vermillion, bluish green, reddish purple, orange, sky blue, black), then the darker half of Paul
 * Tol's muted palette (wine, indigo, green, purple) and a grey: 12 colours, none of them yellow on
 * the white background, each with a contrast ratio of at least 2.2 against it. No 12 colours are
 * all distinguishable to every colour-blind reader, so the dash pattern (4) and the marker (6)
 * change with the line too: the i-th line is colour i mod 12, dash (i + i / 12) mod 4 and marker
 * (i + i / 12) mod 6, so any 12 consecutive lines differ in colour and two lines of one colour (beyond
 * 12) differ in dash.
 */
public final class LineStyles {

    static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x882255),
            new Color(0x332288), new Color(0x117733), new Color(0xAA4499), new Color(0x777777)};

    private static final float WIDTH = 1.6f;
    /** Solid, dashed, dotted, dash-dot; in units of the line width, long enough to see at 560 px. */
    private static final float[][] DASHES = {null, {7, 4}, {1.5f, 3}, {8, 3, 1.5f, 3}};

    private LineStyles() {
    }

    public static int count() {
        return PALETTE.length;
    }

    public static Color colour(int line) {
        return PALETTE[line % PALETTE.length];
    }

    public static Stroke stroke(int line) {
        float[] dash = DASHES[(line + line / PALETTE.length) % DASHES.length];
        if (dash == null) return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        float[] scaled = new float[dash.length];
        for (int i = 0; i < dash.length; i++) scaled[i] = dash[i] * WIDTH;
        return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /** Circle, square, triangle up, diamond, triangle down, cross; about 7 px across, centred on the point. */
    public static Shape marker(int line) {
        double r = 3.5;
        return switch ((line + line / PALETTE.length) % 6) {
            case 0 -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(-r * 0.9, -r * 0.9, 1.8 * r, 1.8 * r);
            case 2 -> polygon(0, -r, r, r, -r, r);
            case 3 -> polygon(0, -r * 1.2, r, 0, 0, r * 1.2, -r, 0);
            case 4 -> polygon(-r, -r, r, -r, 0, r);
            default -> cross(r);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) path.lineTo(xy[i], xy[i + 1]);
        path.closePath();
        return path;
    }

    /** A filled plus sign (a shape, so that it is filled like the others). */
    private static Shape cross(double r) {
        double w = r * 0.35;
        return polygon(-w, -r, w, -r, w, -w, r, -w, r, w, w, w, w, r, -w, r, -w, w, -r, w, -r, -w, -w, -w);
    }
}
