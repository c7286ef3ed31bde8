package org.edgesim.learning.partition;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import umontreal.ssj.rng.RandomStream;

/**
 * Label shards (paper 001): sort the samples by label (ties by index), cut them into
 * {@code shardsPerDevice x devices} equal shards and give each device {@code shardsPerDevice}
 * shards drawn at random; with two per device most devices see two classes.
 */
public record LabelShards(int shardsPerDevice) implements Partition {
    public LabelShards {
        if (shardsPerDevice < 1) {
            throw new IllegalArgumentException("shards per device must be >= 1, got " + shardsPerDevice);
        }
    }

    @Override
    public int[][] assign(int[] labels, int classes, int devices, RandomStream stream) {
        int shards = shardsPerDevice * devices;
        Indices.requireDevices(shards, labels.length);
        int[] byLabel = IntStream.range(0, labels.length).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> labels[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        int[][] pieces = Indices.split(byLabel, shards);
        int[] order = Indices.shuffled(shards, stream);
        int[][] out = new int[devices][];
        for (int d = 0; d < devices; d++) {
            int[] mine = new int[0];
            for (int s = 0; s < shardsPerDevice; s++) {
                int[] piece = pieces[order[d * shardsPerDevice + s]];
                int[] joined = Arrays.copyOf(mine, mine.length + piece.length);
                System.arraycopy(piece, 0, joined, mine.length, piece.length);
                mine = joined;
            }
            out[d] = mine;
        }
        return out;
    }

    @Override
    public String describe() {
        return "label-shards(" + shardsPerDevice + " per device)";
    }
}
