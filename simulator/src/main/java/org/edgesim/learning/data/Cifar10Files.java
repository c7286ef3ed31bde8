package org.edgesim.learning.data;

import java.nio.file.Path;
import java.util.List;

/**
 * CIFAR-10's binary version ({@code data_batch_1.bin} ... {@code test_batch.bin}): records of one
 * label byte (0-9) and 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, rows of 32), no
 * header. Pixels are scaled to [0, 1]; samples have shape {@code [3, 32, 32]}.
 */
public final class Cifar10Files {
    static final int RECORD = 1 + 3 * 32 * 32;

    private Cifar10Files() {
    }

    /** Reads and concatenates {@code files} in order. */
    public static Dataset read(String name, List<Path> files) throws DataFormatException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + ": no CIFAR-10 files given");
        }
        byte[][] raw = new byte[files.size()][];
        int n = 0;
        for (int f = 0; f < files.size(); f++) {
            raw[f] = RawFiles.read(files.get(f));
            if (raw[f].length == 0 || raw[f].length % RECORD != 0) {
                throw new DataFormatException(files.get(f), raw[f].length + " bytes is not a whole number of "
                        + RECORD + "-byte CIFAR-10 records (truncated or not CIFAR-10 binary)");
            }
            n += raw[f].length / RECORD;
        }
        int dim = RECORD - 1;
        float[] x = new float[n * dim];
        int[] y = new int[n];
        int i = 0;
        for (int f = 0; f < raw.length; f++) {
            for (int r = 0; r < raw[f].length / RECORD; r++, i++) {
                int base = r * RECORD;
                y[i] = raw[f][base] & 0xff;
                if (y[i] > 9) {
                    throw new DataFormatException(files.get(f), "record " + r + " has label " + y[i]
                            + ", CIFAR-10 labels are 0-9");
                }
                for (int j = 0; j < dim; j++) {
                    x[i * dim + j] = (raw[f][base + 1 + j] & 0xff) / 255f;
                }
            }
        }
        return new Dataset(name, new int[] {3, 32, 32}, x, y, 10);
    }
}
