package org.edgesim.protocol.partel;

import java.util.Arrays;
import org.edgesim.learning.Compression;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * PARTEL's uploaded gradient blocks as the server gets them ({@code protocol.compression}): each
 * worker quantises its block with its own stream ({@code compression/device-i}, {@code i} the
 * worker's index in the run, {@code c K N + k N + n} with several cells); a block's scale is its own,
 * so the trained model now depends on the allocation, which then enters the training's cache key.
 */
final class Compressed {
    private Compressed() {
    }

    /** Workers {@code from .. from + count - 1}'s streams; null without compression. */
    static RandomStream[] streams(Compression c, RandomStreams streams, int from, int count) {
        if (c == null || c instanceof Compression.None) {
            return null;
        }
        return Arrays.copyOfRange(streams.streams(Compression.STREAMS, from + count), from, from + count);
    }

    /** Workers {@code from .. from + count - 1} of {@code workers} (null: null). */
    static RandomStream[] slice(RandomStream[] workers, int from, int count) {
        return workers == null ? null : Arrays.copyOfRange(workers, from, from + count);
    }

    /** Worker {@code worker}'s {@code block} as the server gets it. */
    static double[] block(Compression c, RandomStream[] workers, double[] block, int worker) {
        return workers == null ? block : c.apply(block, workers[worker]);
    }
}
