package org.edgesim.report.plot;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * A chart written as PNG (for a look), SVG and PDF (for a paper), the same bytes for the same
 * chart: the SVG's definition keys and the PDF's dates, which the libraries take from the clock,
 * are fixed.
 */
final class ChartFiles {
    /** JFreePDF writes the wall clock's date; the same length of digits keeps the file's offsets valid. */
    private static final Pattern PDF_DATE = Pattern.compile("(/(?:CreationDate|ModDate) \\(D:)(\\d{14})");

    private ChartFiles() {
    }

    /** Writes {@code <base>.png}, {@code .svg} and {@code .pdf} in {@code folder}; returns them. */
    static List<Path> write(JFreeChart chart, Path folder, String base, int width, int height) throws IOException {
        return write(chart, folder, base, new Layout(width, height, 1, null, null, null, 2f, 1));
    }

    /** As {@link #write(JFreeChart, Path, String, int, int)} at {@code layout}'s size, its PNG scaled. */
    static List<Path> write(JFreeChart chart, Path folder, String base, Layout layout) throws IOException {
        int width = layout.width();
        int height = layout.height();
        Path png = folder.resolve(base + ".png");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(png))) {
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, (int) Math.round(layout.pngScale()),
                    (int) Math.round(layout.pngScale()));
        }
        // A print layout's SVG says its size in points (so 3.5 inches stay 3.5 inches); the screen one in pixels.
        SVGGraphics2D svg = layout.pngScale() == 1 ? new SVGGraphics2D(width, height)
                : new SVGGraphics2D(width, height, org.jfree.svg.SVGUnits.PT);
        svg.setDefsKeyPrefix("edgesim-" + base); // the default holds System.nanoTime(): files would differ
        chart.draw(svg, new Rectangle(0, 0, width, height));
        Path svgFile = folder.resolve(base + ".svg");
        SVGUtils.writeToSVG(svgFile.toFile(), svg.getSVGElement());
        PDFDocument doc = new PDFDocument();
        doc.setTitle(chart.getTitle() == null ? base : chart.getTitle().getText());
        doc.setAuthor("edgesim");
        PDFGraphics2D pdf = doc.createPage(new Rectangle(width, height)).getGraphics2D();
        chart.draw(pdf, new Rectangle(0, 0, width, height));
        Path pdfFile = folder.resolve(base + ".pdf");
        Files.write(pdfFile, fixedDates(doc.getPDFBytes()));
        return List.of(png, svgFile, pdfFile);
    }

    /** The PDF with its creation and modification dates set to 2000-01-01 00:00:00. */
    static byte[] fixedDates(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = PDF_DATE.matcher(text);
        return m.replaceAll("$120000101000000").getBytes(StandardCharsets.ISO_8859_1);
    }
}
