package org.edgesim.simulation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.sched.PluginException;
import org.edgesim.sched.SchedulerProvider;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;

/** A protocol is handed only schedulers of its own type: the engine checks once, by the protocol's type. */
class SchedulerTypeTest {
    @Test
    void aProviderOfAnotherProtocolsSchedulerIsRefusedSayingWhich() throws Exception {
        Catalog catalog = Catalog.standard();
        // A plug-in that registers a FEEL scheduler under PARTEL by mistake.
        catalog.schedulers().register(SchedulerProvider.of("mistaken", "partel", "a FEEL scheduler filed under PARTEL",
                () -> (FeelScheduler) s -> null));
        // Refused when the scenario is loaded, before anything runs, naming the plug-in's class.
        PluginException e = assertThrows(PluginException.class, () -> catalog.loader().parse("t.yaml",
                TestScenarios.partelYaml().replace("scheduler: baseline", "scheduler: mistaken"),
                ScenarioLoader.Format.YAML));
        assertTrue(e.getMessage().contains("scheduler 'mistaken'") && e.getMessage().contains("is not a PartelScheduler"
                + " of protocol partel"), e.getMessage());
    }
}
