package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.edgesim.protocol.partel.PartelSpec;
import org.edgesim.radio.UplinkNoise;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgesim.channel.Fading;
import org.edgesim.radio.Decibel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario yaml(String text) throws ScenarioException {
        return loader.parse("s.yaml", text, ScenarioLoader.Format.YAML);
    }

    @Test
    void unitsAreConvertedToBaseUnitsOnce() throws ScenarioException {
        Scenario s = yaml(TestScenarios.partelYaml());
        assertEquals(150.0, s.cell().radius(), 1e-12);
        assertEquals(1.0, s.cell().minDistance());
        assertEquals(1e7, s.radio().bandwidth());
        assertEquals(Decibel.dbmToWatts(-174), s.radio().noiseDensity(), 1e-30);
        assertEquals(Decibel.dbmToWatts(24), s.radio().devicePower(), 1e-15);
        assertEquals(Fading.RAYLEIGH, s.radio().fading().law());
        assertEquals(6, s.deviceCount());
        assertEquals(UplinkNoise.EQUAL_SHARE, ((PartelSpec) s.protocol()).uplinkNoise());
        assertEquals(new ValueDistribution.Choice(new double[] {1e8, 2e8, 3e8, 4e8, 5e8, 6e8, 7e8, 8e8, 9e8, 1e9}).values().length,
                ((ValueDistribution.Choice) s.devices().cpu().speed()).values().length);
    }

    @Test
    void yamlAndJsonGiveTheSameScenario() throws ScenarioException {
        Scenario fromJson = loader.parse("s.json", TestScenarios.partelJson(), ScenarioLoader.Format.JSON);
        assertEquals(yaml(TestScenarios.partelYaml()), fromJson);
    }

    @Test
    void plainNumbersAreSiUnits() throws ScenarioException {
        Scenario s = yaml(TestScenarios.partelYaml().replace("bandwidth: 10 MHz", "bandwidth: 1.0e7"));
        assertEquals(1e7, s.radio().bandwidth());
    }

    /** A resolved scenario (a manifest's, a study file's) holds SI numbers, powers in W, and reads back as itself. */
    @Test
    void aResolvedScenarioReadsBackAsTheSameScenario() throws Exception {
        Scenario s = yaml(TestScenarios.partelYaml());
        ObjectMapper json = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        String written = json.writeValueAsString(s);
        assertEquals(s, ScenarioLoader.resolved(json, json.readTree(written)));
    }

    /**
     * A bare number for a power or a power density is refused, saying what to write: researchers
     * write these in dB (devicePower: 23 meant 23 dBm, and was read as 23 W).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "devicePower: 24 dBm      | devicePower: 23       | 12 | radio.devicePower: 23 has no unit; write 23 dBm or 0.2 W",
        "apPower: 46 dBm          | apPower: 46.0         | 11 | radio.apPower: 46.0 has no unit; write 46.0 dBm or 39.8 W",
        "devicePower: 24 dBm      | devicePower: 0.2      | 12 | radio.devicePower: 0.2 has no unit; write 0.2 dBm or 0.00105 W",
        "noiseDensity: -174 dBm/Hz | noiseDensity: -174   | 8  | radio.noiseDensity: -174 has no unit; write -174 dBm/Hz or 3.98e-21 W/Hz",
    })
    void aBarePowerIsRefusedSayingWhatToWrite(String written, String bare, int line, String rule) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> yaml(TestScenarios.partelYaml()
                .replace(written, bare)));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().endsWith(": " + rule), e.getMessage());
    }

    @Test
    void aBarePowerIsRefusedInJsonToo() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.parse("s.json", TestScenarios.partelJson()
                .replace("\"devicePower\": \"24 dBm\"", "\"devicePower\": 23"), ScenarioLoader.Format.JSON));
        assertTrue(e.getMessage().endsWith("radio.devicePower: 23 has no unit; write 23 dBm or 0.2 W"), e.getMessage());
    }

    @Test
    void aPowerWithAUnitOfWattsIsRead() throws ScenarioException {
        assertEquals(0.2, yaml(TestScenarios.partelYaml().replace("devicePower: 24 dBm", "devicePower: 0.2 W")).radio()
                .devicePower());
    }

    /** Decibels are their own base unit: a bare number of them is unambiguous, and stays read as dB. */
    @Test
    void aBareDecibelValueIsStillDecibels() throws ScenarioException {
        assertEquals(8.0, yaml(TestScenarios.partelYaml().replace("devicePower: 24 dBm", "devicePower: 24 dBm\n"
                + "  shadowing: 8")).radio().shadowing());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100 MHz   | FREQUENCY     | 1e8",
        "2.4GHz    | FREQUENCY     | 2.4e9",
        "24 dBm    | POWER         | 0.251188643150958",
        "250 mW    | POWER         | 0.25",
        "0 dBW     | POWER         | 1",
        "0.15 km   | LENGTH        | 150",
        "10 ms     | TIME          | 0.01",
        "18 KB     | DATA          | 147456",
        "0.67 MB   | DATA          | 5620367.36",
        "-3 dB     | DECIBEL       | -3",
    })
    void quantitiesParse(String text, Dimension d, double expected) {
        assertEquals(expected, Quantities.parse(text, d), 1e-9 * Math.abs(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100 Mhz | FREQUENCY | is not a frequency unit",
        "100     | FREQUENCY | has no unit",
        "fast    | FREQUENCY | is not a frequency",
        "3 km    | TIME      | is not a time unit",
    })
    void badQuantitiesSayWhy(String text, Dimension d, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantities.parse(text, d));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
