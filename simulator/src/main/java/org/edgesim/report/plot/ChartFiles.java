package org.edgesim.report.plot;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * A chart written as PNG (for a look), SVG and PDF (for a paper), the same bytes for the same
 * chart: the SVG's definition keys and the PDF's document ID, which the libraries take from the
 * clock, are fixed. The PDF embeds its fonts ({@link FigureFonts}).
 */
final class ChartFiles {
    private ChartFiles() {
    }

    /** Writes {@code <base>.png}, {@code .svg} and {@code .pdf} in {@code folder}; returns them. */
    static List<Path> write(JFreeChart chart, Path folder, String base, int width, int height) throws IOException {
        return write(chart, folder, base, new Layout(width, height, 1, null, null, null, 2f, 1));
    }

    /** As {@link #write(JFreeChart, Path, String, int, int)} at {@code layout}'s size, its PNG scaled. */
    static List<Path> write(JFreeChart chart, Path folder, String base, Layout layout) throws IOException {
        Dimension canvas = canvas(chart, layout.width(), layout.height());
        int width = canvas.width;
        int height = canvas.height;
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
        Path pdfFile = folder.resolve(base + ".pdf");
        Files.write(pdfFile, pdf(chart, base, width, height));
        return List.of(png, svgFile, pdfFile);
    }

    /**
     * The canvas {@code chart} is drawn on at {@code width} x {@code height}: as wide, and taller
     * where its y-axis label is longer than the plot is high (the label is centred on the plot, so
     * it would run into the title and the legend, and off the canvas). The width is what a paper's
     * column fixes; the height is free.
     */
    static Dimension canvas(JFreeChart chart, int width, int height) {
        // Fractional glyph advances: text is as wide in the PNG (drawn at 4x), the SVG and the PDF, so a title
        // wraps at the same word in all three, and the layout measured here is the one printed.
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        if (!(chart.getPlot() instanceof XYPlot plot) || plot.getRangeAxis() == null
                || plot.getRangeAxis().getLabel() == null) {
            return new Dimension(width, height);
        }
        ValueAxis axis = plot.getRangeAxis();
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            // Hinting at the PNG's scale may widen the text a little: 3% and a point to spare.
            double need = 1.03 * axis.getLabelFont().getStringBounds(axis.getLabel(), g2.getFontRenderContext())
                    .getWidth() + 1;
            int h = height;
            for (int attempt = 0; attempt < 6; attempt++) {
                ChartRenderingInfo info = new ChartRenderingInfo();
                chart.draw(g2, new Rectangle(0, 0, width, h), info);
                double have = info.getPlotInfo().getDataArea().getHeight();
                if (need <= have) {
                    break;
                }
                h += (int) Math.ceil(need - have);
            }
            return new Dimension(width, h);
        } finally {
            g2.dispose();
        }
    }

    /**
     * The chart as a one-page vector PDF, its text set in the figures' TrueType faces, subset and
     * embedded (a journal's checker refuses PDFs with fonts it must substitute). No dates, and a
     * document ID from the file's name, so that the same chart gives the same bytes.
     */
    static byte[] pdf(JFreeChart chart, String base, int width, int height) throws IOException {
        try (PDDocument doc = new PDDocument();
             PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            for (Path f : FigureFonts.files()) {
                fonts.registerFont(f.toFile());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(chart.getTitle() == null ? base : chart.getTitle().getText());
            info.setAuthor("edgesim");
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(doc, width, height);
            g2.setFontTextDrawer(fonts);
            chart.draw(g2, new Rectangle(0, 0, width, height));
            g2.dispose();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(g2.getXFormObject());
            }
            // Without an ID PDFBox derives one from the clock.
            byte[] id = id(base);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] id(String base) {
        try {
            return MessageDigest.getInstance("MD5").digest(("edgesim/" + base).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
