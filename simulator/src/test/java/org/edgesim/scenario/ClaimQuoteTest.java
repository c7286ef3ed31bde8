package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.simulation.Catalog;
import org.junit.jupiter.api.Test;

/** A paper claim quotes the paper's number; a model check needs no quote; a number the paper does not state is refused. */
class ClaimQuoteTest {
    @Test
    void aQuoteHoldsTheNumberAsWrittenOrAsAPercentageButNotAsAFiguresNumber() {
        assertTrue(ClaimSpec.quotes("Fig. 4: 'reduces the latency by 48.43%'", 0.4843));
        assertTrue(ClaimSpec.quotes("Table II: a 2.06x speedup", 2.06));
        assertTrue(ClaimSpec.quotes("Sec. VII: about -47% at 70 MHz", 0.47));
        assertTrue(ClaimSpec.quotes("Fig. 2: about 1,241,220 parameters", 1_241_220));
        assertFalse(ClaimSpec.quotes("Fig. 5 shows the gain", 0.05), "a figure's number is no value");
        assertFalse(ClaimSpec.quotes("eq. (13) gives it", 0.13));
        assertFalse(ClaimSpec.quotes("Fig. 4: the slots save time", 0.13), "our own 13% is in no quote");
    }

    private static String study(String claimTail) {
        return TestScenarios.partelStudyYaml().replaceFirst("    quote: .*\\n", "") + claimTail;
    }

    @Test
    void validateRefusesAPaperClaimWithoutAQuoteOrWithOneThatLacksItsNumber() throws Exception {
        ScenarioLoader loader = Catalog.standard().loader();
        ScenarioException none = assertThrows(ScenarioException.class,
                () -> loader.parse("s.yaml", study(""), ScenarioLoader.Format.YAML));
        assertTrue(none.getMessage().contains("claims[0].quote: missing: a paper claim quotes the paper's words"),
                none.getMessage());
        ScenarioException wrong = assertThrows(ScenarioException.class, () -> loader.parse("s.yaml",
                study("    quote: \"Fig. 4: our own run gives 13%\"\n"), ScenarioLoader.Format.YAML));
        assertTrue(wrong.getMessage().contains("does not hold the paper's number 0.4"), wrong.getMessage());
        loader.parse("s.yaml", study("    source: model\n"), ScenarioLoader.Format.YAML); // a model check: no quote
    }
}
