package org.edgesim.protocol.feel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * FEEL's messages that the Python examples do not exercise (ExternalMessagesTest pins those), written
 * out by hand in the keys and order the README documents: uploads' bits only where compression makes
 * them differ, and the over-the-air section.
 */
class FeelJsonTest {
    private static final List<FeelDevice> DEVICES = List.of(new FeelDevice(0, BatchLatency.cpu(1e9, 1e6), 0.25, 10,
            2e6, 4e6));

    @Test
    void compressedUploadsAndTheOverTheAirSectionReadAsDocumented() {
        AirCompView air = new AirCompView(4, 1e6, 4e-21, 0.2, true, 12, 150.0, new double[] {80.0},
                new double[] {1e-9});
        FeelSnapshot s = new FeelSnapshot(3, 320.0, 640.0, 0.01, 0.02, 2, DEVICES, new RandomStreams(1).stream("x"), air,
                40.0, 80.0);
        assertEquals("{\"round\":3,\"bits\":320.0,\"up_bits\":40.0,\"model_up_bits\":80.0,\"model_bits\":640.0,"
                + "\"frame_up_s\":0.01,\"frame_down_s\":0.02,\"max_batch\":2,\"devices\":[{\"index\":0,"
                + "\"compute_s\":[0.001,0.002],\"update_s\":0.25,\"samples\":10,\"rate_up_bit_per_s\":2000000.0,"
                + "\"rate_down_bit_per_s\":4000000.0}],\"aircomp\":{\"subcarriers\":4,\"band_hz\":1000000.0,"
                + "\"noise_w_per_hz\":4.0E-21,\"power_w\":0.2,\"rayleigh\":true,\"coordinates\":12,\"airtime_s\":"
                + air.airtimeS() + ",\"cell_radius_m\":150.0,\"distance_m\":[80.0],\"large_scale_gain\":[1.0E-9]}}",
                FeelJson.snapshot(s).toString());
        FeelSnapshot plain = new FeelSnapshot(3, 320.0, 640.0, 0.01, 0.02, 2, DEVICES, new RandomStreams(1).stream("x"));
        assertEquals("{\"round\":3,\"bits\":320.0,\"model_bits\":640.0,\"frame_up_s\":0.01,\"frame_down_s\":0.02,"
                + "\"max_batch\":2,\"devices\":[{\"index\":0,\"compute_s\":[0.001,0.002],\"update_s\":0.25,"
                + "\"samples\":10,\"rate_up_bit_per_s\":2000000.0,\"rate_down_bit_per_s\":4000000.0}]}",
                FeelJson.snapshot(plain).toString());
    }
}
