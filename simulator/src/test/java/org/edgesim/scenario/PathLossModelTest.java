package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.channel.tr38901.Environment;
import org.edgesim.channel.tr38901.Tr38901Gains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** radio.pathLoss as a TR 38.901 model: read with its defaults, written back as read, refused where it does not hold. */
class PathLossModelTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario with(String pathLoss, String cell) throws ScenarioException {
        return loader.parse("s.yaml", TestScenarios.partelYaml().replace("pathLoss: urban-macro", "pathLoss: " + pathLoss)
                .replace("  radius: 0.15 km", cell), ScenarioLoader.Format.YAML);
    }

    @Test
    void aModelTakesTheEnvironmentsDefaults() throws Exception {
        Scenario s = with("{model: 3gpp-uma, carrier: 3.5 GHz}", "  radius: 0.15 km\n  minDistance: 10 m");
        Tr38901Gains.Settings t = s.radio().pathLoss().tr38901Settings();
        assertEquals(new Tr38901Gains.Settings(Environment.UMA, 3.5e9, 25, 1.5, Tr38901Gains.Condition.RANDOM, true, 0,
                false), t);
        var mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        assertEquals(s.radio().pathLoss(), mapper.readValue(mapper.writeValueAsString(s.radio().pathLoss()),
                PathLossSpec.class), "a manifest's pathLoss reads back the same");
        Scenario umi = with("{model: 3gpp-umi, carrier: 28 GHz, utHeight: 10 m, condition: nlos, shadowing: false,"
                + " indoorShare: 0.8, o2i: high}", "  radius: 0.15 km\n  minDistance: 10 m");
        assertEquals(new Tr38901Gains.Settings(Environment.UMI, 28e9, 10, 10, Tr38901Gains.Condition.NLOS, false, 0.8,
                true), umi.radio().pathLoss().tr38901Settings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{model: 3gpp-uma}                                  | radio.pathLoss.carrier: missing: a 3GPP model needs its carrier (e.g. 3.5 GHz)",
        "{model: 3gpp-xyz, carrier: 3.5 GHz}                | radio.pathLoss.model: unknown model '3gpp-xyz'; use one of 3gpp-uma, 3gpp-umi, 3gpp-rma, 3gpp-inh-mixed, 3gpp-inh-open",
        "{model: 3gpp-uma, carrier: 3.5 GHz, bsHeight: 30 m} | radio.pathLoss.bsHeight: base-station height 30.0 m is not 3gpp-uma's 25.0 m",
        "{model: 3gpp-rma, carrier: 40 GHz}                 | radio.pathLoss.carrier: carrier 40.0 GHz is outside 3gpp-rma's 0.5-30 GHz",
        "{model: 3gpp-uma, carrier: 3.5 GHz, condition: los-ish} | radio.pathLoss.condition: 'los-ish' is not one of random, los, nlos",
        "{model: 3gpp-uma, carrier: 3.5 GHz, indoorShare: 2} | radio.pathLoss.indoorShare: indoorShare must be in [0, 1], got 2.0",
        "{preset: urban-macro, carrier: 3.5 GHz}            | radio.pathLoss.model: missing: carrier, heights",
        "{model: 3gpp-uma, carrier: 3.5 GHz, slope: 37.6 dB} | radio.pathLoss.model: give either a 3GPP model or a preset",
        "{model: 3gpp-uma, carrier: 3.5 GHz, o2i: high}     | radio.pathLoss.o2i: the outdoor-to-indoor loss needs devices indoors: give indoorShare"})
    void badModelsSayWhereAndWhy(String pathLoss, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> with(pathLoss, "  radius: 0.15 km\n  minDistance: 10 m"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("s.yaml:10:"), "the pathLoss line: " + e.getMessage());
    }

    @Test
    void oneShadowingAndOneCarrier() {
        ScenarioException twice = assertThrows(ScenarioException.class, () -> with(
                "{model: 3gpp-uma, carrier: 3.5 GHz}\n  shadowing: 4 dB", "  radius: 0.15 km\n  minDistance: 10 m"));
        assertTrue(twice.getMessage().contains("radio.shadowing: is 4.0 dB, but 3gpp-uma draws its own shadowing"),
                twice.getMessage());
        ScenarioException carriers = assertThrows(ScenarioException.class, () -> with(
                "{model: 3gpp-uma, carrier: 3.5 GHz}\n  mobility: {speed: 3 km/h, carrier: 2.4 GHz}",
                "  radius: 0.15 km\n  minDistance: 10 m"));
        assertTrue(carriers.getMessage().contains("radio.mobility.carrier: is 2.4 GHz, but radio.pathLoss.carrier is 3.5"
                + " GHz: one carrier"), carriers.getMessage());
    }

    @Test
    void theCellMustLieWhereTheTablesHold() {
        ScenarioException near = assertThrows(ScenarioException.class,
                () -> with("{model: 3gpp-uma, carrier: 3.5 GHz}", "  radius: 0.15 km"));
        assertTrue(near.getMessage().contains("cell.minDistance: is 1.0 m, but 3gpp-uma's path loss holds from a 2D"
                + " distance of 10 m (Table 7.4.1-1): write minDistance: 10 m"), near.getMessage());
        ScenarioException far = assertThrows(ScenarioException.class,
                () -> with("{model: 3gpp-inh-open, carrier: 3.5 GHz}", "  radius: 0.2 km"));
        assertTrue(far.getMessage().contains("cell.radius: is 200.0 m, but 3gpp-inh-open's path loss holds to a 3D"
                + " distance of 150 m"), far.getMessage());
    }
}
