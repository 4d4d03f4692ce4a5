package org.drlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class FigureFilesTest {

    @TempDir
    Path directory;

    private static final Figure TWO_PANELS = new Figure("objective <&> \"quoted\"", List.of(
            new Panel("by iteration", "iteration", "objective", List.of(
                    new Series("dantzig", new double[] {1, 2, 3}, new double[] {9, 4, 1}),
                    new Series("dantzig", new double[] {1, 2}, new double[] {8, Double.NaN}))),
            new Panel("by time", "seconds", "loss", List.of(
                    new Series("dantzig", new double[] {0.1, 0.2, 0.3}, new double[] {9, 4, 1})))));

    /** Three series of 3, 4 and 6 points, one with a NaN that must be left out: 3, 4 and 5 vertices. */
    private static final Series[] THREE = {
            new Series("bland", new double[] {0, 1, 2}, new double[] {10, 6, 5}),
            new Series("dantzig", new double[] {0, 1, 2, 3}, new double[] {10, 4, 3, 2.5}),
            new Series("steepest", new double[] {0, 1, 2, 3, 4, 5}, new double[] {10, 3, Double.NaN, 1, 0, 0})};

    @Test
    void svgIsWellFormedXmlOfTheFiguresSizeWithoutADoctype() throws Exception {
        Path file = directory.resolve("figure.svg");
        FigureFiles.writeSvg(TWO_PANELS, file);
        Document svg = parse(file);
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getAttribute("xmlns"));
        assertEquals(1120, Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
        assertTrue(Double.parseDouble(svg.getDocumentElement().getAttribute("height")) > 400);
        assertEquals(null, svg.getDoctype(), "a DOCTYPE would make readers fetch the SVG DTD");
    }

    @Test
    void titlesAxisLabelsAndLegendAreTextNotOutlines() throws Exception {
        Path file = directory.resolve("figure.svg");
        FigureFiles.writeSvg(TWO_PANELS, file);
        List<String> texts = texts(parse(file));
        for (String expected : List.of("objective <&> \"quoted\"", "by iteration", "by time", "iteration",
                "seconds", "objective", "loss", "dantzig", "dantzig (2)")) {
            assertTrue(texts.contains(expected), expected + " among " + texts);
        }
    }

    @Test
    void eachSeriesIsOnePathThroughItsFinitePointsInItsOwnColour() throws Exception {
        Path file = directory.resolve("three.svg");
        FigureFiles.writeSvg(new Figure("three", List.of(new Panel("p", "x", "y", List.of(THREE)))), file);
        List<Element> lines = new ArrayList<>();
        NodeList paths = parse(file).getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            // series lines are open polylines of 3 or more vertices; clip regions are closed, legend keys 2 points
            if (!inside(path, "defs") && path.getAttribute("d").matches("M[^A-Z]*(L[^A-Z]*){2,}")) lines.add(path);
        }
        assertEquals(3, lines.size(), "one path per series");
        Set<String> strokes = new HashSet<>();
        double[] xScale = new double[2];
        double[] yScale = new double[2];
        for (int s = 0; s < 3; s++) { // JFreeChart draws the last series first: find each by its vertex count
            double[][] finite = finitePoints(THREE[s]);
            List<Element> ofSeries = lines.stream()
                    .filter(p -> vertices(p.getAttribute("d")).length == finite.length).toList();
            assertEquals(1, ofSeries.size(), THREE[s].name());
            double[][] vertices = vertices(ofSeries.get(0).getAttribute("d"));
            if (s == 0) { // the pixel mapping of the first series, from its first and last points
                xScale = affine(finite[0][0], vertices[0][0], finite[finite.length - 1][0], vertices[vertices.length - 1][0]);
                yScale = affine(finite[0][1], vertices[0][1], finite[finite.length - 1][1], vertices[vertices.length - 1][1]);
                assertTrue(xScale[0] > 0 && yScale[0] < 0, "x grows to the right, y upwards");
            }
            for (int i = 0; i < finite.length; i++) { // every series on the same axes
                assertEquals(xScale[0] * finite[i][0] + xScale[1], vertices[i][0], 0.01, THREE[s].name() + " x" + i);
                assertEquals(yScale[0] * finite[i][1] + yScale[1], vertices[i][1], 0.01, THREE[s].name() + " y" + i);
            }
            strokes.add(inherited(ofSeries.get(0), "stroke"));
        }
        assertEquals(3, strokes.size(), "three colours: " + strokes);
        assertFalse(strokes.contains(null));
    }

    @Test
    void svgOfManyPointsIsOnePathNotOneElementPerSegment() throws Exception {
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 50.0);
        }
        Path file = directory.resolve("long.svg");
        FigureFiles.writeSvg(new Figure("long", List.of(new Panel("p", "x", "y", List.of(new Series("s", x, y))))), file);
        Document svg = parse(file);
        assertTrue(svg.getElementsByTagName("line").getLength() < 100, "grid and ticks only");
        assertTrue(Files.size(file) < 60 * n, Files.size(file) + " bytes");
    }

    @Test
    void pngDecodesToAnImageOfTheFiguresSize() throws Exception {
        Path file = directory.resolve("figure.png");
        FigureFiles.writePng(TWO_PANELS, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1120, image.getWidth());
        assertTrue(image.getHeight() > 400);
    }

    @Test
    void seriesNeedsAsManyYAsXValues() {
        assertThrows(IllegalArgumentException.class, () -> new Series("s", new double[2], new double[3]));
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        return texts;
    }

    private static boolean inside(Element element, String tag) {
        for (Node p = element.getParentNode(); p instanceof Element e; p = p.getParentNode()) {
            if (e.getTagName().equals(tag)) return true;
        }
        return false;
    }

    /** An SVG presentation attribute as it applies to the element: its own, else the nearest ancestor's. */
    private static String inherited(Element element, String attribute) {
        for (Node p = element; p instanceof Element e; p = p.getParentNode()) {
            if (e.hasAttribute(attribute)) return e.getAttribute(attribute);
        }
        return null;
    }

    /** The vertices of a path made of M and L commands. */
    private static double[][] vertices(String d) {
        String[] numbers = d.replaceAll("[ML]", " ").trim().split("[\\s,]+");
        double[][] vertices = new double[numbers.length / 2][];
        for (int i = 0; i < vertices.length; i++) {
            vertices[i] = new double[] {Double.parseDouble(numbers[2 * i]), Double.parseDouble(numbers[2 * i + 1])};
        }
        return vertices;
    }

    private static double[][] finitePoints(Series series) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < series.x().length; i++) {
            if (Double.isFinite(series.y()[i])) points.add(new double[] {series.x()[i], series.y()[i]});
        }
        return points.toArray(double[][]::new);
    }

    /** Slope and offset of the line through (u0, v0) and (u1, v1). */
    private static double[] affine(double u0, double v0, double u1, double v1) {
        double slope = (v1 - v0) / (u1 - u0);
        return new double[] {slope, v0 - slope * u0};
    }
}
