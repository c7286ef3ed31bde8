package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.scenario.FigureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PDF the figures write carries its fonts (IEEE PDF eXpress refuses one that does not), as
 * subsets of the DejaVu Sans the PNG is drawn with, and is the same bytes when drawn again.
 */
class EmbeddedFontsTest {
    @TempDir
    Path dir;

    private static final String SUMMARY = """
            point,radio.bandwidth,scheduler,metric,n,mean,sd,ci95_low,ci95_high
            0,10000000,baseline,latency,3,2,0.1,1.9,2.1
            1,20000000,baseline,latency,3,1,0.1,0.9,1.1
            0,10000000,joint-paba,latency,3,1.5,0.1,1.4,1.6
            1,20000000,joint-paba,latency,3,0.7,0.1,0.6,0.8
            """;

    static final String EVENTS = """
            round,time_s,entity,event,since_s,duration_s,amount,amount_unit
            1,0,round 1,round-start,0,0,NaN,
            1,0.5,worker 1,compute-done,0,0.5,NaN,
            1,0.9,worker 1,upload-done,0.5,0.4,1000,bit
            1,0.7,worker 2,compute-done,0,0.7,NaN,
            1,1.6,worker 2,upload-done,0.7,0.9,1000,bit
            1,1.8,server,server-update-done,1.6,0.2,NaN,
            """;

    static final String ROUNDS = """
            round,start_s,end_s,critical_device
            1,0,1.8,2
            """;

    @Test
    void everyFigurePdfEmbedsSubsetsOfItsFonts() throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.csv"), SUMMARY);
        List<Path> pdfs = new ArrayList<>();
        for (String layout : FigureSpec.LAYOUTS) {
            FigureSpec f = new ObjectMapper().readValue("""
                    {"name": "f-%s", "title": "Latency (Fig. 5)", "x": "radio.bandwidth", "xScale": 1e-6,
                     "xLabel": "bandwidth (MHz)", "y": "latency", "yLabel": "latency (s)", "layout": "%s"}
                    """.formatted(layout, layout), FigureSpec.class);
            StudyFigure.draw(summary, f, dir).stream().filter(p -> p.toString().endsWith(".pdf")).forEach(pdfs::add);
        }
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("rounds.csv"), ROUNDS);
        Path events = Files.writeString(run.resolve("events.csv"), EVENTS);
        TimelineChart.draw(events, run.resolve("rounds.csv"), "a timeline", run).stream().filter(p -> p.toString().endsWith(".pdf"))
                .forEach(pdfs::add);
        assertTrue(pdfs.size() >= 4, "three layouts and the timeline: " + pdfs);
        for (Path pdf : pdfs) {
            List<PdfFonts.Used> fonts = PdfFonts.of(pdf);
            assertFalse(fonts.isEmpty(), pdf + " sets its text in fonts, not as outlines or not at all");
            for (PdfFonts.Used font : fonts) {
                assertTrue(font.embedded(), pdf.getFileName() + ": font " + font.name() + " is not embedded");
                assertTrue(font.name().matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"),
                        pdf.getFileName() + ": a subset of DejaVu Sans, got " + font.name());
            }
        }
    }

    @Test
    void aPdfIsTheSameBytesWhenDrawnAgain() throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.csv"), SUMMARY);
        FigureSpec f = new ObjectMapper().readValue("""
                {"name": "again", "x": "radio.bandwidth", "y": "latency", "layout": "column"}
                """, FigureSpec.class);
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        StudyFigure.draw(summary, f, one);
        Thread.sleep(1100);
        StudyFigure.draw(summary, f, two);
        assertArrayEquals(Files.readAllBytes(one.resolve("again.pdf")), Files.readAllBytes(two.resolve("again.pdf")));
    }
}
