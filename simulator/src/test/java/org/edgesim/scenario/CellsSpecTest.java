package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of a {@code cells} section, each broken with a located one-line message. */
class CellsSpecTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario withCells(String cells) throws ScenarioException {
        String yaml = TestScenarios.partelYaml().replace("cell:\n  radius: 0.15 km\n", "cell:\n  radius: 0.15 km\ncells: "
                + cells + "\n");
        return loader.parse("s.yaml", yaml, ScenarioLoader.Format.YAML);
    }

    @Test
    void aGridOfCellsMultipliesPartelsTopologyAndDefaultsItsRules() throws ScenarioException {
        Scenario s = withCells("{count: 3, interSiteDistance: 260 m, backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}");
        assertEquals(18, s.deviceCount(), "3 cells of 3 groups x 2 workers");
        assertEquals(1, s.cells().reuse());
        assertEquals("strongest", s.cells().association());
        assertEquals(1, s.cells().cloudPeriod());
        assertEquals(1e9, s.cells().backhaul().capacity());
        assertTrue(s.severalCells());
        assertTrue(!withCells("{count: 1, interSiteDistance: 260 m}").severalCells(), "one site that stays: one cell");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{interSiteDistance: 260 m}|cells.count|give either 'count'",
        "{count: 3, sites: [{x: 0 m, y: 0 m}], backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.count|not both",
        "{count: 3, backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.interSiteDistance|missing",
        "{count: 3, interSiteDistance: 260 m, reuse: 4, backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.reuse|1, 3 or 7",
        "{count: 3, interSiteDistance: 260 m}|cells.backhaul|missing",
        "{count: 3, interSiteDistance: 260 m, association: loudest, backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.association|strongest",
        "{sites: [{x: 0 m, y: 0 m}, {x: 1 km, y: 0 m}], reuse: 2, backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.sites[0].band|needs its band",
        "{sites: [{x: 0 m, y: 0 m, band: 0}, {x: 1 km, y: 0 m, band: 2}], reuse: 2, backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.sites[1].band|must be 0 to 1",
        "{count: 3, interSiteDistance: 260 m, backhaul: {capacity: 0 bit/s, latency: 1 ms}}|cells.backhaul.capacity|must",
        "{count: 3, interSiteDistance: 260 m, mobility: {model: walk, speed: 1 m/s}, backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.mobility.model|heading",
        "{count: 3, interSiteDistance: 260 m, mobility: {model: heading, speed: 1 m/s}, backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}|cells.mobility|PARTEL's topology",
    })
    void aBrokenRuleNamesItsField(String cells, String field, String rule) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> withCells(cells));
        assertTrue(e.getMessage().startsWith("s.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains(field + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void protocolsWithoutACellRuleAreRefusedSayingWhy() {
        String mel = TestScenarios.partelYaml();
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.parse("s.yaml", mel.replace(
                "cell:\n  radius: 0.15 km\n", "cell:\n  radius: 0.15 km\ncells: {count: 2, interSiteDistance: 260 m,"
                        + " backhaul: {capacity: 1 Gbit/s, latency: 1 ms}}\n").replace("radio:\n", "radio:\n  coherenceTime: 10 ms\n"),
                ScenarioLoader.Format.YAML));
        assertTrue(e.getMessage().contains("radio.coherenceTime") && e.getMessage().contains("interference"),
                e.getMessage());
    }
}
