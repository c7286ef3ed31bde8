package org.edgesim.learning.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.TinyData;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

/** A process that trains prints nothing of PyTorch's one-time deprecation warning on its standard error. */
class EngineWarningTest {
    /** The child process: one MLP learner through every call a round makes. */
    public static void main(String[] args) {
        RandomStreams s = new RandomStreams(3);
        Dataset d = TinyData.dense(s.stream("data"), 40, new int[] {5}, 3);
        try (Learner l = Learners.create(ModelSpec.mlp(3, 4), d, Precision.FLOAT32, s.stream("init"))) {
            l.parameters();
            l.step(d, TinyData.range(0, 8), 0.1);
            l.accumulate(d, TinyData.range(0, 8), 8);
            l.applyAccumulated(0.1);
            l.evaluate(d);
        }
        System.err.println("trained");
    }

    @Test
    void theNativeWarningGoesNowhere() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dedgesim.cache=" + System.getProperty("edgesim.cache", ".cache"), EngineWarningTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("trained"), out);
        assertFalse(out.contains("AutoNonVariableTypeMode"), out);
    }
}
