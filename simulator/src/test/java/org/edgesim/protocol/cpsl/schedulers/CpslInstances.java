package org.edgesim.protocol.cpsl.schedulers;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.cpsl.CpslDevice;
import org.edgesim.protocol.cpsl.CpslSnapshot;
import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/** Seeded CPSL instances: the paper's heterogeneous devices (0.1-1 GHz, 5-30 dB on 1 MHz subcarriers). */
final class CpslInstances {
    private CpslInstances() {
    }

    static final ModelProfile CNN = Profiles.of(ModelSpec.cpslCnn(10), new int[] {1, 28, 28});

    static CpslSnapshot random(RandomStream r, int devices, int clusterSize, int subcarriers, int cut, int epochs,
                               int iterations, double delta, RandomStream clustering) {
        return random(r, devices, devices, clusterSize, subcarriers, cut, epochs, iterations, delta, clustering);
    }

    /** As above with {@code kinds} distinct devices, device {@code k} a copy of device {@code k mod kinds}. */
    static CpslSnapshot random(RandomStream r, int devices, int kinds, int clusterSize, int subcarriers, int cut,
                               int epochs, int iterations, double delta, RandomStream clustering) {
        List<CpslDevice> list = new ArrayList<>();
        for (int k = 0; k < devices; k++) {
            if (k >= kinds) {
                CpslDevice like = list.get(k % kinds);
                list.add(new CpslDevice(k, like.speedHz(), like.snrDb(), like.rate()));
                continue;
            }
            double snr = Draws.uniform(r, 5, 30);
            list.add(new CpslDevice(k, Draws.uniform(r, 0.1e9, 1e9), snr, 1e6 * Math.log1p(Math.pow(10, snr / 10))
                    / Math.log(2)));
        }
        return new CpslSnapshot(1, CNN.cut(cut), 16, epochs, subcarriers, 1.0, 100e9, clusterSize, list, iterations,
                delta, clustering);
    }
}
