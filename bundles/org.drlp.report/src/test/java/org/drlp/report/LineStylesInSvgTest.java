package org.drlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Twelve identical lines, read back from the SVG: each must stay visible, so each has its own
 * colour, and colour, dash pattern and marker shape together make 12 distinct styles; markers of
 * different lines never sit on the same point; no colour is yellow or too pale for white paper.
 */
class LineStylesInSvgTest {

    private static final int LINES = 12;
    private static final int POINTS = 60;

    @TempDir
    Path directory;

    @Test
    void twelveIdenticalLinesHaveTwelveDistinctStylesAndMarkersThatDoNotOverlap() throws Exception {
        Path file = directory.resolve("twelve.svg");
        FigureFiles.writeSvg(twelveIdenticalLines(Scale.LINEAR), file);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());

        Map<String, String> dashByColour = new HashMap<>();
        Map<String, Set<String>> markerShapesByColour = new HashMap<>();
        Map<String, Set<String>> markerPointsByColour = new HashMap<>();
        NodeList paths = svg.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (inside(path, "defs")) continue;
            String d = path.getAttribute("d");
            if ("none".equals(path.getAttribute("fill")) && vertexCount(d) == POINTS) { // a data line
                String colour = inherited(path, "stroke");
                String previous = dashByColour.put(colour, inherited(path, "stroke-dasharray"));
                assertEquals(null, previous, "one line per colour: " + colour);
            } else if ("none".equals(path.getAttribute("stroke"))) { // a filled marker (legend keys included)
                String colour = inherited(path, "fill");
                markerShapesByColour.computeIfAbsent(colour, c -> new HashSet<>()).add(shape(d));
                markerPointsByColour.computeIfAbsent(colour, c -> new HashSet<>()).add(firstPoint(d));
            }
        }

        assertEquals(LINES, dashByColour.size(), "12 lines in 12 colours: " + dashByColour.keySet());
        Set<String> styles = new HashSet<>();
        for (Map.Entry<String, String> line : dashByColour.entrySet()) {
            Set<String> shapes = markerShapesByColour.get(line.getKey());
            assertTrue(shapes != null && shapes.size() == 1, "one marker shape per line: " + line.getKey() + " " + shapes);
            styles.add(line.getKey() + " | " + line.getValue() + " | " + shapes.iterator().next());
        }
        assertEquals(LINES, styles.size(), String.join("\n", styles));
        assertEquals(4, new HashSet<>(dashByColour.values()).size(), "solid, dashed, dotted, dash-dot");
        assertEquals(6, markerShapesByColour.values().stream().map(s -> s.iterator().next()).distinct().count());

        List<String> colours = new ArrayList<>(markerPointsByColour.keySet());
        for (int a = 0; a < colours.size(); a++) {
            for (int b = a + 1; b < colours.size(); b++) {
                Set<String> shared = new HashSet<>(markerPointsByColour.get(colours.get(a)));
                shared.retainAll(markerPointsByColour.get(colours.get(b)));
                assertTrue(shared.isEmpty(), colours.get(a) + " and " + colours.get(b) + " put markers at " + shared);
            }
        }
        for (String colour : dashByColour.keySet()) assertNotYellowAndReadableOnWhite(colour);
    }

    @Test
    void aLogAxisIsTickedAtWholePowersOfTen() throws Exception {
        Path file = directory.resolve("log.svg");
        FigureFiles.writeSvg(twelveIdenticalLines(Scale.LOG), file);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList texts = svg.getElementsByTagName("text");
        List<String> exponents = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            String text = texts.item(i).getTextContent();
            if (text.startsWith("10")) exponents.add(text);
        }
        assertFalse(exponents.isEmpty(), "powers of ten are labelled");
        for (String label : exponents) assertFalse(label.contains("."), "a fractional power: " + label);
    }

    /** y = 10^(-i/10) on x = 0..59, twelve times. */
    private static Figure twelveIdenticalLines(Scale yScale) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = i;
            y[i] = Math.pow(10, -i / 10.0);
        }
        List<Series> lines = new ArrayList<>();
        for (int s = 0; s < LINES; s++) lines.add(new Series("line " + s, x, y));
        return new Figure("twelve", List.of(new Panel("identical", "iteration", "gap", lines, Scale.INTEGER, yScale)));
    }

    /** Hue outside 45..75 degrees (yellow), and a WCAG contrast ratio of at least 2 against white. */
    private static void assertNotYellowAndReadableOnWhite(String colour) {
        String rgb = colour.equals("black") ? "rgb(0,0,0)" : colour; // Batik names black
        Matcher m = Pattern.compile("rgb\\((\\d+),(\\d+),(\\d+)\\)").matcher(rgb);
        assertTrue(m.matches(), rgb);
        int r = Integer.parseInt(m.group(1));
        int g = Integer.parseInt(m.group(2));
        int b = Integer.parseInt(m.group(3));
        float[] hsb = Color.RGBtoHSB(r, g, b, null);
        float hue = hsb[0] * 360;
        assertFalse(hsb[1] > 0.3 && hue > 45 && hue < 75, "yellow: " + rgb);
        double contrast = 1.05 / (luminance(r, g, b) + 0.05);
        assertTrue(contrast >= 2, rgb + " has contrast " + contrast + " on white");
    }

    private static double luminance(int r, int g, int b) {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int vertexCount(String d) {
        return d.matches("M[^A-Z]*(L[^A-Z]*)+") ? d.split("[ML]").length - 1 : 0;
    }

    /**
     * The path's commands, each point as the signs of its offset from the first point (0 within a
     * pixel): its shape, wherever it is and however its coordinates were rounded.
     */
    private static String shape(String d) {
        double[] first = numbers(d);
        StringBuilder shape = new StringBuilder();
        Matcher m = Pattern.compile("([A-Za-z])|(-?[0-9.]+(?:E-?\\d+)?)\\s*(-?[0-9.]+(?:E-?\\d+)?)").matcher(d);
        while (m.find()) {
            if (m.group(1) != null) {
                shape.append(m.group(1));
            } else {
                shape.append(sign(Double.parseDouble(m.group(2)) - first[0]))
                        .append(sign(Double.parseDouble(m.group(3)) - first[1])).append(' ');
            }
        }
        return shape.toString();
    }

    private static char sign(double offset) {
        return offset > 1 ? '+' : offset < -1 ? '-' : '0';
    }

    private static String firstPoint(String d) {
        double[] first = numbers(d);
        return String.format(Locale.ROOT, "%.1f,%.1f", first[0], first[1]);
    }

    private static double[] numbers(String d) {
        String[] parts = d.replaceAll("[A-Za-z]", " ").trim().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    private static boolean inside(Element element, String tag) {
        for (Node p = element.getParentNode(); p instanceof Element e; p = p.getParentNode()) {
            if (e.getTagName().equals(tag)) return true;
        }
        return false;
    }

    private static String inherited(Element element, String attribute) {
        for (Node p = element; p instanceof Element e; p = p.getParentNode()) {
            if (e.hasAttribute(attribute)) return e.getAttribute(attribute);
        }
        return null;
    }
}
