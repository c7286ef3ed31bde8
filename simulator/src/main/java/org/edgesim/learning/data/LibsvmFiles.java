package org.edgesim.learning.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * LIBSVM's sparse text format (News20 and friends): one sample per line, {@code label
 * index:value index:value ...} with 1-based, strictly ascending indices. Class labels are the
 * distinct integer labels in ascending order (News20's 1..20 become 0..19); {@link #readPair}
 * reads a test file with its training file's classes and feature count.
 */
public final class LibsvmFiles {
    /** The largest feature index read: a dense model's weights must fit in memory (100 M features). */
    static final int MAX_FEATURES = 100_000_000;

    private LibsvmFiles() {
    }

    /** Feature count and the label value of each class index. */
    private record Layout(int dim, int[] labelValues) {
        int classOf(int labelValue) {
            return Arrays.binarySearch(labelValues, labelValue);
        }
    }

    /** Reads {@code file}, inferring the layout from it. */
    public static SparseDataset read(String name, Path file) throws DataFormatException {
        return read(name, file, null, null);
    }

    private static SparseDataset read(String name, Path file, Layout layout, Layout[] inferred)
            throws DataFormatException {
        String text = new String(RawFiles.read(file), StandardCharsets.UTF_8);
        List<int[]> cols = new ArrayList<>();
        List<float[]> vals = new ArrayList<>();
        List<Integer> rawLabels = new ArrayList<>();
        int maxIndex = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            int label;
            try {
                label = Integer.parseInt(tokens[0].startsWith("+") ? tokens[0].substring(1) : tokens[0]);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, "line " + (ln + 1) + ": label '" + tokens[0] + "' is not an integer");
            }
            int[] c = new int[tokens.length - 1];
            float[] v = new float[tokens.length - 1];
            int previous = 0;
            for (int t = 1; t < tokens.length; t++) {
                int colon = tokens[t].indexOf(':');
                if (colon <= 0) {
                    throw new DataFormatException(file, "line " + (ln + 1) + ": '" + tokens[t]
                            + "' is not index:value");
                }
                int index;
                float value;
                try {
                    index = Integer.parseInt(tokens[t].substring(0, colon));
                    value = Float.parseFloat(tokens[t].substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file, "line " + (ln + 1) + ": '" + tokens[t]
                            + "' is not index:value with an integer index and a number");
                }
                if (index > MAX_FEATURES) {
                    throw new DataFormatException(file, "line " + (ln + 1) + ": index " + index + " is above "
                            + MAX_FEATURES + ", the most features a model here can have");
                }
                if (index <= previous) {
                    throw new DataFormatException(file, "line " + (ln + 1) + ": index " + index
                            + (index < 1 ? " is below 1 (indices are 1-based)" : " is not above the previous " + previous));
                }
                if (!Float.isFinite(value)) {
                    throw new DataFormatException(file, "line " + (ln + 1) + ": value of index " + index + " is not finite");
                }
                previous = index;
                c[t - 1] = index - 1;
                v[t - 1] = value;
            }
            maxIndex = Math.max(maxIndex, previous);
            cols.add(c);
            vals.add(v);
            rawLabels.add(label);
        }
        if (rawLabels.isEmpty()) {
            throw new DataFormatException(file, "no samples");
        }
        if (layout == null) {
            TreeSet<Integer> distinct = new TreeSet<>(rawLabels);
            layout = new Layout(maxIndex, distinct.stream().mapToInt(Integer::intValue).toArray());
        }
        if (inferred != null) {
            inferred[0] = layout;
        }
        if (maxIndex > layout.dim()) {
            throw new DataFormatException(file, "feature index " + maxIndex + " beyond the " + layout.dim()
                    + " features of the training file");
        }
        int n = rawLabels.size();
        int[] rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = rowStart[i] + cols.get(i).length;
        }
        int[] columns = new int[rowStart[n]];
        float[] values = new float[rowStart[n]];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(cols.get(i), 0, columns, rowStart[i], cols.get(i).length);
            System.arraycopy(vals.get(i), 0, values, rowStart[i], vals.get(i).length);
            labels[i] = layout.classOf(rawLabels.get(i));
            if (labels[i] < 0) {
                throw new DataFormatException(file, "label " + rawLabels.get(i) + " does not occur in the training file");
            }
        }
        if (layout.labelValues().length < 2) {
            throw new DataFormatException(file, "only one class label (" + layout.labelValues()[0] + ")");
        }
        return new SparseDataset(name, layout.dim(), rowStart, columns, values, labels, layout.labelValues().length);
    }

    /** A training file and its test file, read with the training file's layout. */
    public record Pair(SparseDataset train, SparseDataset test) {
    }

    /** Reads {@code train}, then {@code test} with the same classes and feature count. */
    public static Pair readPair(String name, Path train, Path test) throws DataFormatException {
        Layout[] layout = new Layout[1];
        SparseDataset tr = read(name + "/train", train, null, layout);
        return new Pair(tr, read(name + "/test", test, layout[0], null));
    }
}
