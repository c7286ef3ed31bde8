package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calibration files: read with units, every rule broken said at its line; not taken for scenarios. */
class CalibrationSpecTest {
    private static final Path SHIPPED = Path.of("..", "scenarios", "channel", "tr38901-calibration.yaml");

    @Test
    void theShippedFileReadsWithItsUnits() throws Exception {
        CalibrationSpec c = CalibrationSpec.load(SHIPPED);
        assertEquals(6e9, c.carrier());
        assertEquals(500, c.model("3gpp-uma").isd());
        assertEquals(102, c.antenna().tilt());
        assertEquals(-120.3, c.claims().get(0).reference(c.model("3gpp-uma").reference()));
        assertTrue(CalibrationSpec.isCalibration(Files.readString(SHIPPED)));
        assertFalse(CalibrationSpec.isCalibration("name: x\nprotocol: {type: feel}\n"));
        assertTrue(CalibrationSpec.isCalibration("{\"calibration\": \"tr38901-large-scale\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "percentile: 50, tolerance | percentile: 7, tolerance | claims[0].percentile: must be one of the reference's 5, 10, ..., 95, got 7",
        "tilt: 102 deg | tilt: 200 deg | antenna.tilt: is a zenith angle: 0 to 180 deg",
        "minDistance: 35 m | minDistance: 300 m | models[0].minDistance: must be at least 0 m and below half the inter-site distance",
        "highLossShare: 0.5 | highLossShare: 2 | highLossShare: must be in [0, 1], got 2.0",
        "metric: coupling_loss_dB, percentile: 50 | metric: snr_dB, percentile: 50 | claims[0].metric: must be one of",
        "drops: 100 | drops: 1 | drops:",
        "geometry: [-1, 0.1, | geometry: [0.1, | models[0].reference.geometry: needs 19 values"})
    void brokenRulesAreSaidAtTheirLine(String from, String to, String expected, @TempDir Path dir) throws Exception {
        String text = Files.readString(SHIPPED);
        assertTrue(text.contains(from), from);
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationSpec.load(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        int line = Integer.parseInt(e.getMessage().split(":")[1]);
        String at = Files.readAllLines(f).get(line - 1);
        String key = expected.split(":")[0];
        String last = key.substring(key.lastIndexOf('.') + 1);
        assertTrue(at.contains(last), "line " + line + " is '" + at + "' for " + key);
    }

    @Test
    void aCalibrationIsNotRunAsAScenario() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader().loadForRun(SHIPPED));
        assertTrue(e.getMessage().contains("a channel calibration, not a scenario to run"), e.getMessage());
    }
}
