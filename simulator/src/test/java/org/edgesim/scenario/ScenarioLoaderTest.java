package org.edgesim.scenario;

import org.edgesim.radio.UplinkNoise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgesim.radio.Decibel;
import org.edgesim.radio.Fading;
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
        assertEquals(Fading.RAYLEIGH, s.radio().fading());
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

    @Test
    void aResolvedScenarioReadsBackAsTheSameScenario() throws Exception {
        Scenario s = yaml(TestScenarios.partelYaml());
        ObjectMapper json = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        String written = json.writeValueAsString(s);
        assertEquals(s, loader.parse("m.json", written, ScenarioLoader.Format.JSON));
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
