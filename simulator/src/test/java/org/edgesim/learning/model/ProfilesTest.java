package org.edgesim.learning.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    /**
     * The paper's CNN by its own conventions, counted by hand at POOL1 (layer 3): CONV1 26 x 26 x 32
     * outputs of 3 x 3 x 1 MACs, CONV2 24 x 24 x 32 of 3 x 3 x 32, pooling free; smashed data
     * 12 x 12 x 32 values (the paper's 18 KB); device model (3*3*1*32 + 32) + (3*3*32*32 + 32)
     * weights; backward = forward; the rest of the network on the server.
     */
    @Test
    void thePapersCnnByItsConventionsAtPool1() {
        ModelProfile p = Profiles.paperConventions(ModelSpec.cpslCnnPaper(10), new int[] {1, 28, 28});
        ModelProfile.CutProfile c = p.cut(3);
        double conv1 = 26.0 * 26 * 32 * 9;
        double conv2 = 24.0 * 24 * 32 * 9 * 32;
        assertEquals(5_503_104, conv1 + conv2);
        assertEquals(conv1 + conv2, c.deviceForward());
        assertEquals(c.deviceForward(), c.deviceBackward());
        assertEquals(12 * 12 * 32 * 32.0, c.smashedBits());
        assertEquals(18 * 1024 * 8.0, c.smashedBits(), "the paper's 18 KB per sample");
        assertEquals(((3 * 3 * 32 + 32) + (3 * 3 * 32 * 32 + 32)) * 32.0, c.deviceModelBits());
        // Server: CONV3-6 on 12 x 12 and 6 x 6 (padded), FC1 1,152 -> 382, FC2 382 -> 192, FC3 192 -> 10.
        double server = 12.0 * 12 * 64 * 9 * 32 + 12.0 * 12 * 64 * 9 * 64 + 6.0 * 6 * 128 * 9 * 64 + 6.0 * 6 * 128 * 9 * 128
                + 3 * 3 * 128 * 382 + 382 * 192 + 192 * 10;
        assertEquals(server, c.serverForward());
        assertEquals(server, c.serverBackward());
    }
    @Test
    void mlpOfThePaperHasItsParameterCount() {
        ModelProfile p = Profiles.of(ModelSpec.mlp(10, 300, 124, 60), new int[] {1, 28, 28});
        assertEquals(784 * 300 + 300 + 300 * 124 + 124 + 124 * 60 + 60 + 60 * 10 + 10, p.parameters());
        assertEquals(p.parameters() * 32.0, p.bits());
        // Forward: 2 FLOPs per multiply-add, plus bias and ReLU per output.
        double macs = 784 * 300 + 300 * 124 + 124 * 60 + 60 * 10;
        assertEquals(2 * macs + 2 * (300 + 124 + 60) + 10, p.flopsForwardPerSample());
        assertEquals(4 * macs + 300 + 124 + 60, p.flopsBackwardPerSample());
    }

    @Test
    void cpslCnnIsValidOn28x28AndCutsAtPoolOne() {
        ModelProfile p = Profiles.of(ModelSpec.cpslCnn(10), new int[] {1, 28, 28});
        long conv = (32 * 9 + 32) + (32 * 32 * 9 + 32) + (64 * 32 * 9 + 64) + (64 * 64 * 9 + 64)
                + (128 * 64 * 9 + 128) + (128 * 128 * 9 + 128);
        long fc = (128 * 3 * 3 * 382 + 382) + (382 * 192 + 192) + (192 * 10 + 10);
        assertEquals(conv + fc, p.parameters());
        ModelProfile.CutProfile pool1 = p.cut(3);
        assertEquals("pool 2x2", pool1.layerName());
        assertEquals(32 * 14 * 14 * 32.0, pool1.smashedBits());
        assertEquals(((32 * 9 + 32) + (32 * 32 * 9 + 32)) * 32.0, pool1.deviceModelBits());
        // Conv1 forward: 28*28*32 outputs x 9 MACs x 2 + bias + ReLU.
        double conv1 = 28 * 28 * 32 * (2 * 9 + 2);
        double conv2 = 28 * 28 * 32 * (2 * 9 * 32 + 2);
        double pool = 32 * 14 * 14 * 4;
        assertEquals(conv1 + conv2 + pool, pool1.deviceForward(), 1e-6);
        assertEquals(p.flopsForwardPerSample(), pool1.deviceForward() + pool1.serverForward(), 1e-3);
        assertEquals(p.layers().size(), 12);
        assertEquals(0.0, p.cut(12).serverForward(), 1e-6);
    }

    @Test
    void invalidChainsAreRejectedWithTheLayer() {
        ModelSpec tooBig = new ModelSpec("big", List.of(new Layer.Conv(2, 9, 0, true), new Layer.Dense(2, false)),
                Regularization.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Profiles.of(tooBig, new int[] {1, 6, 6}));
        assertEquals("big: layer 1 (conv 2@9x9 relu) does not fit its 6x6 input", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", List.of(new Layer.Dense(3, true)),
                Regularization.NONE));
        assertThrows(IllegalArgumentException.class, () -> Profiles.of(ModelSpec.cpslCnn(10), new int[] {784}));
    }
}
