package org.edgesim.learning.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.WeakHashMap;
import org.edgesim.learning.data.Dataset;

/**
 * Dense data sets resident in the engine's memory: each data set (per element type) is copied into
 * one native array the first time a learner reads it, and a batch is then a slice of it (a view, for
 * consecutive samples, as in an evaluation) or an index gather in native code, never rows gathered
 * in Java and copied again on every call. The values are the same floats (or the same conversion
 * to doubles), so losses, accuracies and gradients are bit-equal to copying the rows. Read-only and
 * shared by every thread; a data set's native copy is freed once the data set is unreachable.
 */
final class Resident {
    private static final Cleaner CLEANER = Cleaner.create();
    /**
     * Keyed weakly by a data set's feature array (arrays are equal only to themselves): an entry
     * lives as long as its data set, and the cleaner frees the native copies after it.
     */
    private static final Map<float[], Map<DataType, NDArray>> ARRAYS = new WeakHashMap<>();
    private static final NDManager MANAGER = DjlRuntime.engine().newBaseManager();

    /** Whether this thread copies rows instead ({@link RowCopies}, for benchmarks). */
    static final ThreadLocal<Boolean> COPYING = ThreadLocal.withInitial(() -> false);

    private Resident() {
    }

    /**
     * The rows {@code batch} of {@code data} as an array of {@code shape} in {@code scope} (closed
     * with it), of element type {@code type}.
     */
    static NDArray rows(NDManager scope, Dataset data, int[] batch, DataType type, Shape shape) {
        NDArray all = of(data, type);
        NDArray picked;
        if (consecutive(batch)) {
            picked = all.get(scope, new NDIndex().addSliceDim(batch[0], batch[0] + batch.length));
        } else {
            long[] idx = new long[batch.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = batch[i];
            }
            // torch.gather along the rows with the index broadcast over the columns (a view): with
            // one native thread the fastest of gather, advanced indexing and copying (measured).
            NDArray index = scope.create(idx).reshape(batch.length, 1).broadcast(new Shape(batch.length, data.dim()));
            picked = all.gather(index, 0);
            picked.attach(scope);
        }
        return picked.reshape(shape);
    }

    /** Frees {@code data}'s native copies now; a later read makes them again. */
    static void release(Dataset data) {
        Map<DataType, NDArray> copies;
        synchronized (ARRAYS) {
            copies = ARRAYS.remove(data.features());
        }
        if (copies != null) {
            synchronized (copies) {
                copies.values().forEach(NDArray::close);
                copies.clear();
            }
        }
    }

    private static boolean consecutive(int[] batch) {
        for (int i = 1; i < batch.length; i++) {
            if (batch[i] != batch[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    private static NDArray of(Dataset data, DataType type) {
        synchronized (ARRAYS) {
            Map<DataType, NDArray> copies = ARRAYS.get(data.features());
            if (copies == null) {
                copies = new java.util.EnumMap<>(DataType.class);
                ARRAYS.put(data.features(), copies);
                Map<DataType, NDArray> freed = copies;
                CLEANER.register(data.features(), () -> {
                    synchronized (freed) {
                        freed.values().forEach(NDArray::close);
                    }
                });
            }
            synchronized (copies) {
                NDArray known = copies.get(type);
                if (known != null) {
                    return known;
                }
                NDArray a = MANAGER.create(data.features(), new Shape(data.size(), data.dim()));
                if (type != DataType.FLOAT32) {
                    NDArray converted = a.toType(type, false);
                    a.close();
                    a = converted;
                }
                copies.put(type, a);
                return a;
            }
        }
    }
}
