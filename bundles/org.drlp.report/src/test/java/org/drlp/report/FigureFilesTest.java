package org.drlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class FigureFilesTest {

    @TempDir
    Path directory;

    private static final Figure TWO_PANELS = new Figure("objective", List.of(
            new Panel("by iteration", "iteration", "objective", List.of(
                    new Series("dantzig", new double[] {1, 2, 3}, new double[] {9, 4, 1}),
                    new Series("dantzig", new double[] {1, 2}, new double[] {8, Double.NaN}))),
            new Panel("by time", "seconds", "objective", List.of(
                    new Series("dantzig", new double[] {0.1, 0.2, 0.3}, new double[] {9, 4, 1})))));

    @Test
    void svgIsWellFormedXmlWithOneChartPerPanel() throws Exception {
        Path file = directory.resolve("figure.svg");
        FigureFiles.writeSvg(TWO_PANELS, file);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(1120, Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
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
}
