package org.edgesim.learning.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Fashion-MNIST comes from: the small real subset shipped in the jar (8,000 training and
 * 2,000 test samples; see its NOTICE.txt), or the full set (60,000 + 10,000) that Debian's package
 * {@code dataset-fashion-mnist} installs. Nothing is ever downloaded.
 */
public final class FashionMnist {
    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    private static final String SHIPPED = "/org/edgesim/learning/data/fashion-mnist-small/";
    private static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    private FashionMnist() {
    }

    /** The shipped subset. */
    public static TrainTest<Dataset> shipped() throws DataFormatException {
        byte[][] b = new byte[4][];
        Path[] p = new Path[4];
        for (int i = 0; i < 4; i++) {
            b[i] = RawFiles.resource(SHIPPED + FILES[i]);
            p[i] = Path.of("classpath:" + SHIPPED + FILES[i]);
        }
        return new TrainTest<>(IdxFiles.decode("fashion-mnist-small/train", p[0], b[0], p[1], b[1], 10),
                IdxFiles.decode("fashion-mnist-small/test", p[2], b[2], p[3], b[3], 10));
    }

    /** Whether the full set is installed in {@code folder}. */
    public static boolean installed(Path folder) {
        for (String f : FILES) {
            if (!Files.isRegularFile(folder.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** The full set from {@code folder} (e.g. {@link #DEBIAN_FOLDER}), with an install hint if absent. */
    public static TrainTest<Dataset> full(Path folder) throws DataFormatException {
        if (!installed(folder)) {
            throw new DataFormatException(folder.resolve(FILES[0]), "Fashion-MNIST is not installed there"
                    + (folder.equals(DEBIAN_FOLDER) ? " (apt-get install dataset-fashion-mnist)" : ""));
        }
        return new TrainTest<>(
                IdxFiles.read("fashion-mnist/train", folder.resolve(FILES[0]), folder.resolve(FILES[1]), 10),
                IdxFiles.read("fashion-mnist/test", folder.resolve(FILES[2]), folder.resolve(FILES[3]), 10));
    }
}
