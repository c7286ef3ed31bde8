package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.edgesim.simulation.Catalog;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.ParameterUnits;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.TestScenarios;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paired-difference figures, the column layout, and units in labels. */
class FigureLayoutTest {
    @TempDir
    Path dir;

    private static FigureSpec figure(String json) throws Exception {
        return new ObjectMapper().readValue(json, FigureSpec.class);
    }

    @Test
    void aPairedFigurePlotsTheMeanDifferenceWithItsInterval() throws Exception {
        Path paired = Files.writeString(dir.resolve("paired.csv"), """
                point,radio.bandwidth,scheduler,reference,metric,n,mean_difference,sd,ci95_low,ci95_high,relative_difference
                0,10000000,joint-paba,baseline,realised_latency_s_mean,3,-2.5,0.1,-2.7,-2.3,-0.4
                1,20000000,joint-paba,baseline,realised_latency_s_mean,3,-1.5,0.1,-1.6,-1.4,-0.3
                0,10000000,joint-paba,baseline,other_metric,3,9,0.1,8,10,0.1
                """);
        FigureSpec f = figure("""
                {"name": "gap", "from": "paired", "x": "radio.bandwidth", "y": "realised_latency_s_mean"}
                """);
        Map<String, Map<String, YIntervalSeries>> panels = StudyFigure.read(paired, f);
        YIntervalSeries s = panels.get("").get("joint-paba");
        assertEquals(2, s.getItemCount());
        assertEquals(-2.5, s.getYValue(0));
        assertEquals(-2.7, s.getYLowValue(0));
        assertEquals(-1.4, s.getYHighValue(1));
        List<Path> files = StudyFigure.draw(paired, f, dir);
        assertEquals(3, files.size());
    }

    @Test
    void aColumnFigureIsThreeAndAHalfInchesWide() throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.csv"), """
                point,radio.bandwidth,scheduler,metric,n,mean,sd,ci95_low,ci95_high
                0,10000000,baseline,latency,3,2,0.1,1.9,2.1
                1,20000000,baseline,latency,3,1,0.1,0.9,1.1
                """);
        FigureSpec f = figure("""
                {"name": "col", "x": "radio.bandwidth", "y": "latency", "layout": "column"}
                """);
        StudyFigure.draw(summary, f, dir);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("col.pdf").toFile())) {
            var box = pdf.getPage(0).getMediaBox();
            assertEquals(252, box.getWidth(), "3.5 inches in points");
            assertEquals(180, box.getHeight(), "2.5 inches in points");
        }
        BufferedImage png = ImageIO.read(dir.resolve("col.png").toFile());
        assertEquals(252 * 4, png.getWidth(), "the PNG at 288 dpi");
        assertTrue(Files.readString(dir.resolve("col.svg")).contains("width='252.0pt'"), "the SVG in points");
    }

    @Test
    void sweptValuesInLegendsReadAsTheParametersNameValueAndUnitNeverTheKeyPath() throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.csv"), """
                point,radio.bandwidth,protocol.clusterSize,protocol.cycle,scheduler,metric,n,mean,sd,ci95_low,ci95_high
                0,10000000,3,7.5,cpsl-gibbs,latency,3,2,0.1,1.9,2.1
                1,20000000,5,7.5,cpsl-gibbs,latency,3,1,0.1,0.9,1.1
                """);
        FigureSpec bySize = figure("""
                {"name": "s", "x": "radio.bandwidth", "y": "latency", "series": "protocol.clusterSize"}
                """);
        assertEquals(List.of("cluster size = 3", "cluster size = 5"),
                List.copyOf(StudyFigure.read(summary, bySize, Map.of()).get("").keySet()));
        FigureSpec byCycle = figure("""
                {"name": "c", "x": "radio.bandwidth", "y": "latency", "series": "protocol.cycle",
                 "seriesNames": {"9": "nine"}}
                """);
        assertEquals(List.of("cycle = 7.5 s"),
                List.copyOf(StudyFigure.read(summary, byCycle, Map.of("protocol.cycle", "s")).get("").keySet()));
        assertEquals("devices", org.edgesim.scenario.ParameterNames.of("devices.count"));
        assertEquals("max batch", org.edgesim.scenario.ParameterNames.of("protocol.maxBatch"));
        assertEquals("CSI error", org.edgesim.scenario.ParameterNames.of("radio.csiError"));
    }

    @Test
    void unitsComeFromTheScenariosRecords() throws Exception {
        Scenario s = Catalog.standard().loader().parse("t.yaml", TestScenarios.partelYaml(), ScenarioLoader.Format.YAML);
        assertEquals("Hz", ParameterUnits.of(s, "radio.bandwidth"));
        assertEquals("", ParameterUnits.of(s, "protocol.groups"));
        assertEquals("", ParameterUnits.of(s, "no.such.path"));
        assertEquals("cycle = 7.5 s", StudyFigure.panelLabel("protocol.cycle = 7.5", "s"));
        assertEquals("partition = iid", StudyFigure.panelLabel("protocol.partition = iid", "s"), "a word has no unit");
    }
}
