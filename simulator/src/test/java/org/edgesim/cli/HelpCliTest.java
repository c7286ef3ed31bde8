package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The command line describes itself: whole summaries, a help subcommand, machine-readable lists, completion. */
class HelpCliTest {
    @Test
    void theTopLevelHelpGivesEveryCommandAWholeSentence() {
        CliTestSupport.Outcome o = CliTestSupport.run("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().replaceAll("\\s+", " ").contains("reproduce Run every figure scenario, draw the figures and"
                + " check the papers' claims."), o.out());
        CliTestSupport.Outcome help = CliTestSupport.run("help", "run");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Usage: edgesim run"), help.out());
    }

    @Test
    void listAsJsonNamesEveryProtocolAndItsSchedulers() throws Exception {
        CliTestSupport.Outcome o = CliTestSupport.run("list", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        java.util.List<String> names = new java.util.ArrayList<>();
        root.get("protocols").forEach(p -> names.add(p.get("name").asText()));
        // The four shipped protocols, and the tests' own (org.edgesim.protocol.fdma) on this class path.
        assertEquals(java.util.List.of("async-mel", "cpsl", "fedavg-fdma", "feel", "partel"), names);
        JsonNode partel = null;
        for (JsonNode p : root.get("protocols")) {
            partel = p.get("name").asText().equals("partel") ? p : partel;
        }
        boolean baselineWithOption = false;
        for (JsonNode s : partel.get("schedulers")) {
            baselineWithOption |= s.get("name").asText().equals("baseline") && s.get("options").has("proportionalTo")
                    && s.get("origin").asText().equals("built-in");
        }
        assertTrue(baselineWithOption, o.out());
    }

    @Test
    void aShellCompletionScriptIsGenerated() {
        CliTestSupport.Outcome o = CliTestSupport.run("generate-completion");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("edgesim Bash Completion"), o.out().substring(0, 200));
    }
}
