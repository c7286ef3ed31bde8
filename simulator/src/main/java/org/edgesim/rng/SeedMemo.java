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
    /** Per family name, the seeds of its first members. */
    private final Map<String, long[][]> families = new ConcurrentHashMap<>();

    /** Families of more members than this are derived afresh for each run, not remembered. */
    static final int MAX_REMEMBERED = 100_000;

    public SeedMemo(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /**
     * The seeds of members {@code 0..count-1} of {@code family} (the table may be longer); shared,
     * so never to be modified.
     */
    long[][] seeds(StreamFamily family, int count) {
        long[][] table = families.get(family.name());
        if (table == null || table.length < count) {
            long[][] grown = new long[count][];
            for (int i = 0; i < count; i++) {
                // Straight from the key: a family's table is its own memo (not also one map entry per member).
                grown[i] = RandomStreams.seedFor(masterSeed, family.key().apply(i));
            }
            if (count > MAX_REMEMBERED) {
                return grown; // a million devices' seeds would fill the heap for no repeat worth it
            }
            // Racing threads compute the same seeds; keep the longest table.
            table = families.merge(family.name(), grown, (a, b) -> a.length >= b.length ? a : b);
        }
        return table;
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
