package org.edgesim.rng;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * The streams of one run: a master seed, and one MRG32k3a stream per stable key.
 *
 * <p>A stream's six-word seed is a SHA-256 digest of (master seed, key), reduced into MRG32k3a's
 * seed space and set on the instance. So a stream depends on its key alone: adding a device or a
 * scheme never shifts anybody else's draws, and the order in which streams are created (or the
 * thread creating them) does not matter. SSJ's static seed counter, which the no-argument
 * constructor advances without synchronisation, is overwritten at once and never relied on.
 *
 * <p>Replication {@code r} uses substream {@code r} of each stream, so replications are
 * independent while a key keeps its meaning across them.
 */
public final class RandomStreams {
    private static final long M1 = 4294967087L;
    private static final long M2 = 4294944443L;

    private static final MRG32k3a PROTOTYPE = new MRG32k3a("edgesim");
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    private final long masterSeed;
    private final int replication;
    private final SubstreamJump.Jump jump;
    private final SeedMemo memo;
    /** Per family name, the seeds of its members moved to this replication's substream. */
    private final java.util.Map<String, long[][]> jumped = new java.util.concurrent.ConcurrentHashMap<>();

    /** Streams of replication 0 for {@code masterSeed}. */
    public RandomStreams(long masterSeed) {
        this(masterSeed, 0);
    }

    /** Streams of replication {@code replication} (its substream) for {@code masterSeed}. */
    public RandomStreams(long masterSeed, int replication) {
        this(masterSeed, replication, null);
    }

    /**
     * Streams of replication {@code replication}, with seeds remembered in {@code memo} (which
     * must be for {@code masterSeed}; null: none). The draws are the same with or without it.
     */
    public RandomStreams(long masterSeed, int replication, SeedMemo memo) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
        this.masterSeed = masterSeed;
        this.replication = replication;
        this.jump = SubstreamJump.by(replication);
        if (memo != null && memo.masterSeed() != masterSeed) {
            throw new IllegalArgumentException("a seed memo of master seed " + memo.masterSeed() + " for master seed "
                    + masterSeed);
        }
        this.memo = memo;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int replication() {
        return replication;
    }

    /** The same master seed, another replication. */
    public RandomStreams forReplication(int r) {
        return new RandomStreams(masterSeed, r, memo);
    }

    /** A new stream for {@code key}, positioned at the start of this replication's substream. */
    public RandomStream stream(String key) {
        // A clone of a fixed prototype: SSJ's constructor would advance (and lock) its static seed
        // chain for a seed we overwrite at once.
        MRG32k3a stream = PROTOTYPE.clone();
        long[] seed = memo != null ? memo.seed(key) : seedFor(masterSeed, key);
        // Substream r directly (O(log r) once per replication), not by r calls to
        // resetNextSubstream() (O(r) per stream).
        stream.setSeed(replication == 0 ? seed : jump.apply(seed));
        return stream;
    }

    /**
     * Members {@code 0..count-1} of {@code family}: the same streams as {@code stream(family.key().apply(i))},
     * created without building their keys again when a memo knows them.
     */
    public RandomStream[] streams(StreamFamily family, int count) {
        RandomStream[] out = new RandomStream[count];
        if (memo == null) {
            for (int i = 0; i < count; i++) {
                out[i] = stream(family.key().apply(i));
            }
            return out;
        }
        long[][] seeds = replication == 0 ? memo.seeds(family, count) : jumpedSeeds(family, count);
        for (int i = 0; i < count; i++) {
            MRG32k3a stream = PROTOTYPE.clone();
            stream.setSeed(seeds[i]);
            out[i] = stream;
        }
        return out;
    }

    /**
     * The family's seeds at this replication's substream, jumped once per instance: runs that
     * share this instance (the compared schedulers of one replication) share the jumps.
     */
    private long[][] jumpedSeeds(StreamFamily family, int count) {
        long[][] table = jumped.get(family.name());
        if (table == null || table.length < count) {
            long[][] seeds = memo.seeds(family, count);
            table = new long[count][];
            for (int i = 0; i < count; i++) {
                table[i] = jump.apply(seeds[i]);
            }
            jumped.put(family.name(), table);
        }
        return table;
    }

    /** The six-word MRG32k3a seed of {@code key} under {@code masterSeed}. */
    static long[] seedFor(long masterSeed, String key) {
        byte[] digest = sha256(ByteBuffer.allocate(8).putLong(masterSeed).array(),
                key.getBytes(StandardCharsets.UTF_8));
        ByteBuffer words = ByteBuffer.wrap(digest);
        long[] seed = new long[6];
        for (int i = 0; i < 6; i++) {
            long word = Integer.toUnsignedLong(words.getInt());
            long modulus = i < 3 ? M1 : M2;
            // 1..modulus-1: never zero, so no component triple can be all zeros.
            seed[i] = 1 + word % (modulus - 1);
        }
        return seed;
    }

    private static byte[] sha256(byte[] a, byte[] b) {
        MessageDigest md = SHA256.get(); // digest() resets it for the next use
        md.update(a);
        md.update(b);
        return md.digest();
    }
}
