package org.edgesim.rng;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the six-word seeds derived from one master seed, so that the runs of a sweep, which
 * create the same hundreds of named streams again and again (one per device and purpose), hash
 * each key once. Thread-safe; the seeds do not depend on the replication.
 */
public final class SeedMemo {
    private final long masterSeed;
    private final Map<String, long[]> seeds = new ConcurrentHashMap<>();

    public SeedMemo(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** The seed of {@code key}; shared, so never to be modified (MRG32k3a's setSeed copies it). */
    long[] seed(String key) {
        long[] s = seeds.get(key);
        if (s == null) {
            s = RandomStreams.seedFor(masterSeed, key);
            long[] raced = seeds.putIfAbsent(key, s);
            s = raced != null ? raced : s;
        }
        return s;
    }
}
