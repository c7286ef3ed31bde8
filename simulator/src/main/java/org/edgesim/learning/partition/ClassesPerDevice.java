package org.edgesim.learning.partition;

import java.util.ArrayList;
import java.util.List;
import umontreal.ssj.rng.RandomPermutation;
import umontreal.ssj.rng.RandomStream;

/**
 * Classes per device (paper 004): each device holds {@code samplesPerDevice} samples of
 * {@code classesPerDevice} distinct classes drawn at random, split as evenly as possible over
 * its classes. Samples of a class are dealt from a shuffled pool without replacement; only when
 * a class's pool runs out (more demand than samples) is it reshuffled and dealt again, never
 * giving one device the same sample twice.
 */
public record ClassesPerDevice(int classesPerDevice, int samplesPerDevice) implements Partition {
    public ClassesPerDevice {
        if (classesPerDevice < 1) {
            throw new IllegalArgumentException("classes per device must be >= 1, got " + classesPerDevice);
        }
        if (samplesPerDevice < classesPerDevice) {
            throw new IllegalArgumentException("samples per device (" + samplesPerDevice
                    + ") must be at least the classes per device (" + classesPerDevice + ")");
        }
    }

    @Override
    public int[][] assign(int[] labels, int classes, int devices, RandomStream stream) {
        if (classesPerDevice > classes) {
            throw new IllegalArgumentException(classesPerDevice + " classes per device but the data has only "
                    + classes);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[][] pools = new int[classes][];
        int[] cursor = new int[classes];
        for (int c = 0; c < classes; c++) {
            pools[c] = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            RandomPermutation.shuffle(pools[c], stream);
        }
        int[][] out = new int[devices][];
        for (int d = 0; d < devices; d++) {
            int[] chosen = new int[classes];
            for (int c = 0; c < classes; c++) {
                chosen[c] = c;
            }
            // The classes: a random classesPerDevice-subset, among those that have samples.
            RandomPermutation.shuffle(chosen, stream);
            int[] mine = new int[samplesPerDevice];
            int at = 0;
            int taken = 0;
            for (int k = 0; k < classes && taken < classesPerDevice; k++) {
                int c = chosen[k];
                if (pools[c].length == 0) {
                    continue;
                }
                int share = samplesPerDevice / classesPerDevice + (taken < samplesPerDevice % classesPerDevice ? 1 : 0);
                if (share > pools[c].length) {
                    throw new IllegalArgumentException("a device needs " + share + " samples of class " + c
                            + ", which has only " + pools[c].length);
                }
                java.util.Set<Integer> have = new java.util.HashSet<>();
                for (int s = 0; s < share; s++) {
                    int sample;
                    do {
                        if (cursor[c] == pools[c].length) {
                            RandomPermutation.shuffle(pools[c], stream);
                            cursor[c] = 0;
                        }
                        sample = pools[c][cursor[c]++];
                    } while (!have.add(sample)); // a reshuffled pool may offer this device a sample twice
                    mine[at++] = sample;
                }
                taken++;
            }
            if (taken < classesPerDevice) {
                throw new IllegalArgumentException("only " + taken + " classes have samples, " + classesPerDevice
                        + " per device asked");
            }
            out[d] = mine;
        }
        return out;
    }

    @Override
    public String describe() {
        return classesPerDevice + " classes x " + samplesPerDevice + " samples per device";
    }
}
