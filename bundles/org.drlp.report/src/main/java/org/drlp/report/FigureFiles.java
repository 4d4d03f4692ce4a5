package org.drlp.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.drlp.report.internal.FigureDrawing;
import org.jfree.svg.SVGGraphics2D;

/** Writes a figure as an SVG or a PNG file. Safe to call from several threads at once. */
public final class FigureFiles {

    static {
        // charts are drawn into files, never onto a screen: no display must be needed (servers, CI)
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private FigureFiles() {
    }

    public static void writeSvg(Figure figure, Path file) throws IOException {
        SVGGraphics2D graphics = new SVGGraphics2D(FigureDrawing.width(figure), FigureDrawing.height(figure));
        FigureDrawing.draw(figure, graphics);
        // the element without the SVG 1.1 DOCTYPE, so that reading the file never fetches a DTD from the web
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + graphics.getSVGElement() + "\n",
                StandardCharsets.UTF_8);
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
