package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.channel.Fading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** radio.fading as a scenario writes it: a name, or a law with its parameter; and back. */
class FadingSpecTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario withFading(String fading) throws ScenarioException {
        return loader.parse("s.yaml", TestScenarios.partelYaml().replace("fading: rayleigh", "fading: " + fading),
                ScenarioLoader.Format.YAML);
    }

    @Test
    void namesAndLawsAreRead() throws ScenarioException {
        assertEquals(Fading.RAYLEIGH, withFading("rayleigh").radio().fading().law());
        assertEquals(Fading.NONE, withFading("NONE").radio().fading().law(), "any case, as before");
        assertEquals(new Fading.Rician(Math.pow(10, 0.6)), withFading("{law: rician, kFactor: 6 dB}").radio().fading().law());
        assertEquals(new Fading.Nakagami(2), withFading("{law: nakagami, m: 2}").radio().fading().law());
        assertEquals(Fading.RAYLEIGH, loader.parse("s.yaml", TestScenarios.partelYaml().replace("  fading: rayleigh\n", ""),
                ScenarioLoader.Format.YAML).radio().fading().law(), "the default");
    }

    @Test
    void aResolvedScenarioWritesThemAsItReadsThem() throws Exception {
        var mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        assertEquals("\"rayleigh\"", mapper.writeValueAsString(withFading("rayleigh").radio().fading()),
                "the manifests' bytes as before");
        FadingSpec rician = withFading("{law: rician, kFactor: 6 dB}").radio().fading();
        String json = mapper.writeValueAsString(rician);
        assertEquals(mapper.readTree("{\"law\":\"rician\",\"kFactor\":6.0}"), mapper.readTree(json));
        assertEquals(rician, mapper.readValue(json, FadingSpec.class));
        FadingSpec nakagami = withFading("{law: nakagami, m: 2}").radio().fading();
        assertEquals(nakagami, mapper.readValue(mapper.writeValueAsString(nakagami), FadingSpec.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rician                                | radio.fading.kFactor: missing: a rician law needs its K factor (e.g. 6 dB)",
        "{law: rician}                         | radio.fading.kFactor: missing: a rician law needs its K factor (e.g. 6 dB)",
        "{law: nakagami, m: 0.3}               | radio.fading.m: must be in [0.5, 1000] (0.5: one-sided Gaussian, 1: Rayleigh; beyond 1000 the gain is 1 to within 3%: write none), got 0.3",
        "{law: rician, kFactor: 55 dB}         | radio.fading.kFactor: must be at most 40 dB (beyond, the line of sight is all there is: write none), got 55.0",
        "{law: nakagami}                       | radio.fading.m: missing: a nakagami law needs its shape m (>= 0.5)",
        "{law: rayleigh, m: 2}                 | radio.fading.m: only a nakagami law takes m, not rayleigh",
        "{law: weibull}                        | radio.fading.law: 'weibull' is not one of rayleigh, none, rician, nakagami"})
    void badLawsSayWhereAndWhy(String fading, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> withFading(fading));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("s.yaml:10:"), "the fading line: " + e.getMessage());
    }

    @Test
    void lawsThatAProtocolOrAChannelModelCannotTakeAreRefused() {
        ScenarioException age = assertThrows(ScenarioException.class, () -> withFading("{law: nakagami, m: 2}\n"
                + "  mobility: {speed: 3 km/h, carrier: 2.4 GHz}\n  csiAge: 20 ms"));
        assertTrue(age.getMessage().contains("radio.csiAge: needs rayleigh fading (or none)"), age.getMessage());
    }
}
