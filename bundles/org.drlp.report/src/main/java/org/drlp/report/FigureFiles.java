package org.drlp.report;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.drlp.report.internal.FigureDrawing;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes a figure as an SVG or a PNG file. Safe to call from several threads at once. */
public final class FigureFiles {

    static {
        // charts are drawn into files, never onto a screen: no display must be needed (servers, CI)
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private FigureFiles() {
    }

    public static void writeSvg(Figure figure, Path file) throws IOException {
        SVGGraphics2D graphics = new SVGGraphics2D(svgContext(), false); // text as <text>, not as outlines
        try {
            graphics.setSVGCanvasSize(new Dimension(FigureDrawing.width(figure), FigureDrawing.height(figure)));
            FigureDrawing.draw(figure, graphics);
            write(graphics.getRoot(), file);
        } finally {
            graphics.dispose();
        }
    }

    private static SVGGeneratorContext svgContext() throws IOException {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
            context.setComment(null);
            return context;
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder in this Java runtime: " + e.getMessage(), e);
        }
    }

    /** The JDK's serializer rather than Batik's, which adds an SVG 1.0 DOCTYPE that readers would fetch. */
    private static void write(Element svg, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(svg), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("SVG not serialised: " + e.getMessage(), e);
        }
    }

    public static void writePng(Figure figure, Path file) throws IOException {
        BufferedImage image = new BufferedImage(FigureDrawing.width(figure), FigureDrawing.height(figure),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            FigureDrawing.draw(figure, graphics);
        } finally {
            graphics.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
