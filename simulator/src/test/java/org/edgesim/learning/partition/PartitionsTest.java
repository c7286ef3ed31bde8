package org.edgesim.learning.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class PartitionsTest {
    /** 1,000 samples, labels 0..9 in blocks of 100 shuffled by a fixed rule. */
    static int[] labels() {
        int[] y = new int[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i * 7) % 10;
        }
        return y;
    }

    static RandomStream stream() {
        return new RandomStreams(41).stream("data/partition");
    }

    static void assertDisjointCover(int[][] parts, int n) {
        boolean[] seen = new boolean[n];
        int total = 0;
        for (int[] p : parts) {
            for (int i : p) {
                assertTrue(!seen[i], "sample " + i + " given twice");
                seen[i] = true;
                total++;
            }
        }
        assertEquals(n, total);
    }

    @Test
    void iidSplitsEverySampleOnceIntoNearlyEqualParts() {
        int[][] parts = new Iid().assign(labels(), 10, 7, stream());
        assertDisjointCover(parts, 1000);
        for (int[] p : parts) {
            assertTrue(p.length == 142 || p.length == 143, "size " + p.length);
        }
        assertArrayEquals(parts[3], new Iid().assign(labels(), 10, 7, stream())[3], "same stream, same split");
        assertTrue(!Arrays.equals(parts[3], new Iid().assign(labels(), 10, 7,
                new RandomStreams(42).stream("data/partition"))[3]), "another seed, another split");
    }

    @Test
    void labelShardsGiveEachDeviceTwoSortedShards() {
        int[] y = labels();
        int[][] parts = new LabelShards(2).assign(y, 10, 10, stream());
        assertDisjointCover(parts, 1000);
        for (int[] p : parts) {
            assertEquals(100, p.length);
            Set<Integer> classes = new HashSet<>();
            for (int i : p) {
                classes.add(y[i]);
            }
            // 20 shards of 50 over 10 classes of 100: each shard holds one class.
            assertTrue(classes.size() <= 2, "classes " + classes);
        }
    }

    @Test
    void classesPerDeviceGivesCClassesAndDnSamples() {
        int[] y = labels();
        int[][] parts = new ClassesPerDevice(3, 180).assign(y, 10, 30, stream());
        for (int[] p : parts) {
            assertEquals(180, p.length);
            Set<Integer> classes = new HashSet<>();
            Set<Integer> distinct = new HashSet<>();
            for (int i : p) {
                classes.add(y[i]);
                distinct.add(i);
            }
            assertEquals(3, classes.size());
            assertEquals(180, distinct.size(), "no sample twice on one device");
        }
        assertThrows(IllegalArgumentException.class, () -> new ClassesPerDevice(11, 180).assign(y, 10, 3, stream()));
    }

    @Test
    void groupsEachHoldTheWholeSetSplitOverTheirWorkers() {
        int[][] parts = new Groups(3).assign(labels(), 10, 12, stream());
        for (int g = 0; g < 3; g++) {
            assertDisjointCover(Arrays.copyOfRange(parts, g * 4, g * 4 + 4), 1000);
            for (int n = 0; n < 4; n++) {
                assertArrayEquals(parts[n], parts[g * 4 + n], "worker " + n + " holds the same part in every group");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Groups(5).assign(labels(), 10, 12, stream()));
    }

    @Test
    void offloadedSamplesAreDisjointOfTheAskedSizes() {
        int[][] parts = new Offloaded(new int[] {10, 0, 300}).assign(labels(), 10, 3, stream());
        assertEquals(10, parts[0].length);
        assertEquals(0, parts[1].length);
        assertEquals(300, parts[2].length);
        Set<Integer> all = new HashSet<>();
        for (int[] p : parts) {
            for (int i : p) {
                assertTrue(all.add(i));
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> new Offloaded(new int[] {600, 600}).assign(labels(), 10, 2, stream()));
    }
}
