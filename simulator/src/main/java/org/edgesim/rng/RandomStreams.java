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

    private final long masterSeed;
    private final int replication;

    /** Streams of replication 0 for {@code masterSeed}. */
    public RandomStreams(long masterSeed) {
        this(masterSeed, 0);
    }

    /** Streams of replication {@code replication} (its substream) for {@code masterSeed}. */
    public RandomStreams(long masterSeed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
        this.masterSeed = masterSeed;
        this.replication = replication;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int replication() {
        return replication;
    }

    /** The same master seed, another replication. */
    public RandomStreams forReplication(int r) {
        return new RandomStreams(masterSeed, r);
    }

    /** A new stream for {@code key}, positioned at the start of this replication's substream. */
    public RandomStream stream(String key) {
        MRG32k3a stream = new MRG32k3a(key);
        stream.setSeed(seedFor(masterSeed, key));
        for (int i = 0; i < replication; i++) {
            stream.resetNextSubstream();
        }
        return stream;
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
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(a);
            md.update(b);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
