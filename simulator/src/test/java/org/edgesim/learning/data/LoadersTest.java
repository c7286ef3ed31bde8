package org.edgesim.learning.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadersTest {
    @TempDir
    Path dir;

    static byte[] idxImages(int n, int rows, int cols, int magic) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    static byte[] idxLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void idxRoundTripsPlainAndGzippedWithUnsignedPixels() throws IOException {
        byte[] images = idxImages(3, 2, 2, 0x803);
        Dataset plain = IdxFiles.read("t", write("x", images), write("y", idxLabels(0, 9, 3)), 10);
        Dataset zipped = IdxFiles.read("t", write("x.gz", gzip(images)), write("y.gz", gzip(idxLabels(0, 9, 3))), 10);
        assertEquals(3, plain.size());
        assertArrayEquals(new int[] {1, 2, 2}, plain.shape());
        assertArrayEquals(plain.features(), zipped.features());
        assertEquals(9, plain.label(1));
        // byte 7*37 = 259 -> 3; byte 4*37 = 148 is above 127: must stay positive.
        assertEquals(148 / 255f, plain.feature(1, 0), 1e-7);
        for (float v : plain.features()) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void shippedSubsetIsRealFashionMnist() throws IOException {
        TrainTest<Dataset> d = FashionMnist.shipped();
        assertEquals(8000, d.train().size());
        assertEquals(2000, d.test().size());
        assertArrayEquals(new int[] {1, 28, 28}, d.train().shape());
        int[] counts = new int[10];
        for (int i = 0; i < d.train().size(); i++) {
            counts[d.train().label(i)]++;
        }
        for (int c : counts) {
            assertTrue(c > 700 && c < 900, Arrays.toString(counts));
        }
    }

    @Test
    void cifarRecordsAreLabelThenThreePlanes() throws IOException {
        byte[] rec = new byte[2 * Cifar10Files.RECORD];
        rec[0] = 7;
        rec[1] = (byte) 255;
        rec[Cifar10Files.RECORD] = 2;
        Dataset d = Cifar10Files.read("c", List.of(write("data_batch_1.bin", rec)));
        assertEquals(2, d.size());
        assertEquals(7, d.label(0));
        assertEquals(2, d.label(1));
        assertEquals(1f, d.feature(0, 0));
        assertArrayEquals(new int[] {3, 32, 32}, d.shape());
    }

    @Test
    void libsvmMapsLabelsAndIndicesAndTestFilesShareTheLayout() throws IOException {
        Path train = write("train", "3 1:0.5 4:2\n7 2:1 # comment\n\n3 3:-1\n".getBytes(StandardCharsets.UTF_8));
        Path test = write("test", "7 1:1\n".getBytes(StandardCharsets.UTF_8));
        LibsvmFiles.Pair p = LibsvmFiles.readPair("n", train, test);
        assertEquals(3, p.train().size());
        assertEquals(4, p.train().dim());
        assertEquals(2, p.train().classes());
        assertArrayEquals(new int[] {0, 1, 0}, p.train().labels());
        assertArrayEquals(new int[] {0, 3, 1, 2}, p.train().columns());
        assertEquals(1, p.test().label(0));
        assertEquals(4, p.test().dim());
        float[] dense = new float[4];
        p.train().gatherDense(new int[] {0}, dense);
        assertArrayEquals(new float[] {0.5f, 0, 0, 2}, dense);
    }

    @Test
    void npmMnistDigitsAreReadInDigitOrder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("digits"));
        for (int d = 0; d < 10; d++) {
            double[] px = new double[784 * (d == 3 ? 2 : 1)];
            px[0] = d / 10.0;
            Files.writeString(folder.resolve(d + ".json"), "{\"data\": " + Arrays.toString(px) + "}");
        }
        Dataset m = NpmMnistFiles.read("npm", folder);
        assertEquals(11, m.size());
        assertEquals(3, m.label(4));
        assertEquals(0.3f, m.feature(3, 0), 1e-7);
        assertTrue(NpmMnistFiles.installed(folder));
        assertTrue(!NpmMnistFiles.installed(dir));
    }

    @Test
    void npmMnistSplitsEveryFifthSampleIntoTheTestSet() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("digits5"));
        for (int d = 0; d < 10; d++) {
            double[] px = new double[784 * 5];
            for (int i = 0; i < 5; i++) {
                px[784 * i] = (d * 5 + i) / 100.0; // a sample's first pixel names it
            }
            Files.writeString(folder.resolve(d + ".json"), "{\"data\": " + Arrays.toString(px) + "}");
        }
        TrainTest<Dataset> t = NpmMnistFiles.trainTest(folder);
        assertEquals(40, t.train().size());
        assertEquals(10, t.test().size());
        for (int k = 0; k < 10; k++) {
            assertEquals(k, t.test().label(k));
            assertEquals((k * 5 + 4) / 100.0, t.test().feature(k, 0), 1e-7, "the fifth sample of digit " + k);
        }
        assertEquals(1, t.train().label(4));
    }

    // ---- corrupt files: each a clear message naming the file and the rule ----

    private void rejects(String expected, Loader loader) {
        DataFormatException e = assertThrows(DataFormatException.class, loader::load);
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(e.file().toString()), "message names the file: " + e.getMessage());
    }

    interface Loader {
        void load() throws Exception;
    }

    @Test
    void rejectsAMissingFile() {
        rejects("no such file", () -> IdxFiles.read("t", dir.resolve("nope"), dir.resolve("nope2"), 10));
    }

    @Test
    void rejectsWrongIdxMagic() throws IOException {
        Path x = write("x", idxImages(1, 2, 2, 0x12340803));
        rejects("not an IDX file", () -> IdxFiles.read("t", x, write("y", idxLabels(1)), 10));
    }

    @Test
    void rejectsLabelsGivenAsImages() throws IOException {
        Path y = write("y", idxLabels(1));
        rejects("expected 3 dimensions".replace("expected 3 dimensions", "1 dimensions, expected 3"),
                () -> IdxFiles.read("t", y, y, 10));
    }

    @Test
    void rejectsAnUnsupportedElementType() throws IOException {
        Path x = write("x", idxImages(1, 2, 2, 0x0D03));
        rejects("element type 0x0d unsupported", () -> IdxFiles.read("t", x, write("y", idxLabels(1)), 10));
    }

    @Test
    void rejectsTruncatedImages() throws IOException {
        byte[] full = idxImages(3, 2, 2, 0x803);
        Path x = write("x", Arrays.copyOf(full, full.length - 5));
        rejects("truncated", () -> IdxFiles.read("t", x, write("y", idxLabels(1, 2, 3)), 10));
    }

    @Test
    void rejectsATruncatedHeader() throws IOException {
        Path x = write("x", new byte[] {0, 0, 8});
        rejects("truncated IDX header", () -> IdxFiles.read("t", x, write("y", idxLabels(1)), 10));
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] full = idxImages(1, 2, 2, 0x803);
        Path x = write("x", Arrays.copyOf(full, full.length + 3));
        rejects("3 bytes after", () -> IdxFiles.read("t", x, write("y", idxLabels(1)), 10));
    }

    @Test
    void rejectsALabelCountThatDoesNotMatchTheImages() throws IOException {
        Path x = write("x", idxImages(3, 2, 2, 0x803));
        rejects("2 labels for the 3 images", () -> IdxFiles.read("t", x, write("y", idxLabels(1, 2)), 10));
    }

    @Test
    void rejectsALabelOutsideTheClasses() throws IOException {
        Path x = write("x", idxImages(1, 2, 2, 0x803));
        rejects("label 12 of sample 0", () -> IdxFiles.read("t", x, write("y", idxLabels(12)), 10));
    }

    @Test
    void rejectsACorruptGzipStream() throws IOException {
        byte[] z = gzip(idxImages(5, 4, 4, 0x803));
        z[z.length / 2] ^= 0x5a;
        z[z.length / 2 + 1] ^= 0x33;
        Path x = write("x.gz", Arrays.copyOf(z, z.length - 4));
        rejects("gzip", () -> IdxFiles.read("t", x, write("y", idxLabels(1, 2, 3, 4, 5)), 10));
    }

    @Test
    void rejectsAPartialCifarRecord() throws IOException {
        Path f = write("b.bin", new byte[Cifar10Files.RECORD + 10]);
        rejects("not a whole number of 3073-byte CIFAR-10 records", () -> Cifar10Files.read("c", List.of(f)));
    }

    @Test
    void rejectsACifarLabelAboveNine() throws IOException {
        byte[] rec = new byte[Cifar10Files.RECORD];
        rec[0] = 11;
        Path f = write("b.bin", rec);
        rejects("label 11", () -> Cifar10Files.read("c", List.of(f)));
    }

    @Test
    void rejectsLibsvmIndicesThatAreNotAscending() throws IOException {
        Path f = write("s", "1 3:1 2:1\n2 1:1\n".getBytes(StandardCharsets.UTF_8));
        rejects("line 1: index 2 is not above the previous 3", () -> LibsvmFiles.read("s", f));
    }

    @Test
    void npmsMnistIsLookedForUnderBothGlobalPrefixes() {
        assertTrue(NpmMnistFiles.globalFolders().containsAll(List.of(NpmMnistFiles.DEBIAN_GLOBAL_FOLDER,
                NpmMnistFiles.DEBIAN_NPM_FOLDER)), NpmMnistFiles.globalFolders().toString());
    }

    @Test
    void rejectsLibsvmIndicesNoModelCouldHold() throws IOException {
        Path f = write("s", "1 1:1\n2 2147483647:1\n".getBytes(StandardCharsets.UTF_8));
        rejects("line 2: index 2147483647 is above 100000000, the most features a model here can have",
                () -> LibsvmFiles.read("s", f));
    }

    @Test
    void rejectsLibsvmTokensThatAreNotIndexValue() throws IOException {
        Path f = write("s", "1 1:1\n2 x:1\n".getBytes(StandardCharsets.UTF_8));
        rejects("line 2: 'x:1' is not index:value", () -> LibsvmFiles.read("s", f));
    }

    @Test
    void rejectsNpmDigitsOfTheWrongLength() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("digits"));
        for (int d = 0; d < 10; d++) {
            Files.writeString(folder.resolve(d + ".json"), "{\"data\": " + Arrays.toString(new double[d == 5 ? 700 : 784]) + "}");
        }
        rejects("700 values is not a whole number of 784-pixel digits", () -> NpmMnistFiles.read("npm", folder));
    }

    @Test
    void rejectsNpmFilesThatAreNotJson() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("digits"));
        Files.writeString(folder.resolve("0.json"), "{\"data\": [0.1, ");
        rejects("not valid JSON", () -> NpmMnistFiles.read("npm", folder));
    }
}
