package org.edgesim.learning.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The IDX format of MNIST and Fashion-MNIST (gzipped or not): a big-endian header of two zero
 * bytes, the element type ({@code 0x08}: unsigned byte), the number of dimensions and one 32-bit
 * size per dimension, then the elements. Images are {@code N x rows x cols}, labels {@code N}.
 * Pixels are unsigned bytes scaled to [0, 1].
 */
public final class IdxFiles {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFiles() {
    }

    /** Reads an image file and its label file into one data set of {@code classes} classes. */
    public static Dataset read(String name, Path images, Path labels, int classes) throws DataFormatException {
        return decode(name, images, RawFiles.read(images), labels, RawFiles.read(labels), classes);
    }

    /** The same from bytes already read (gunzipped), {@code images} and {@code labels} naming them. */
    static Dataset decode(String name, Path images, byte[] imageBytes, Path labels, byte[] labelBytes, int classes)
            throws DataFormatException {
        Idx x = parse(images, imageBytes, 3);
        Idx y = parse(labels, labelBytes, 1);
        if (x.dims[0] != y.dims[0]) {
            throw new DataFormatException(labels, y.dims[0] + " labels for the " + x.dims[0] + " images of " + images);
        }
        int n = x.dims[0];
        int dim = x.dims[1] * x.dims[2];
        float[] features = new float[n * dim];
        for (int i = 0; i < features.length; i++) {
            features[i] = (x.data[x.offset + i] & 0xff) / 255f;
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = y.data[y.offset + i] & 0xff;
            if (label[i] >= classes) {
                throw new DataFormatException(labels, "label " + label[i] + " of sample " + i + " is not below the "
                        + classes + " classes");
            }
        }
        return new Dataset(name, new int[] {1, x.dims[1], x.dims[2]}, features, label, classes);
    }

    private record Idx(int[] dims, byte[] data, int offset) {
    }

    private static Idx parse(Path file, byte[] b, int expectedDims) throws DataFormatException {
        if (b.length < 4) {
            throw new DataFormatException(file, "truncated IDX header: " + b.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        int magic = in.getInt();
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
        if ((magic >>> 16) != 0) {
            throw new DataFormatException(file, String.format("not an IDX file: magic 0x%08x, expected 0x%08x", magic,
                    expectedMagic));
        }
        if (((magic >>> 8) & 0xff) != UNSIGNED_BYTE) {
            throw new DataFormatException(file, String.format("IDX element type 0x%02x unsupported, expected 0x08"
                    + " (unsigned byte)", (magic >>> 8) & 0xff));
        }
        if ((magic & 0xff) != expectedDims) {
            throw new DataFormatException(file, "IDX file has " + (magic & 0xff) + " dimensions, expected "
                    + expectedDims + (expectedDims == 3 ? " (images)" : " (labels)"));
        }
        if (b.length < 4 + 4 * expectedDims) {
            throw new DataFormatException(file, "truncated IDX header: " + b.length + " bytes");
        }
        int[] dims = new int[expectedDims];
        long elements = 1;
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = in.getInt();
            if (dims[d] < 0 || (d > 0 && dims[d] == 0)) {
                throw new DataFormatException(file, "IDX dimension " + d + " is " + dims[d]);
            }
            elements *= dims[d];
        }
        long available = b.length - in.position();
        if (available < elements) {
            throw new DataFormatException(file, "truncated: header promises " + elements + " bytes of data, found "
                    + available);
        }
        if (available > elements) {
            throw new DataFormatException(file, (available - elements) + " bytes after the " + elements
                    + " the header promises");
        }
        return new Idx(dims, b, in.position());
    }
}
