package org.edgesim.protocol;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Work that the runs of one simulation share, computed once per key, whichever thread asks first;
 * the others wait for it. A protocol may only cache what it can show to be the same bits for every
 * run that asks with the same key (loaded data sets; PARTEL's training trace, which Lemma 1 makes
 * independent of the scheduler), so that results never depend on which run came first.
 */
public final class RunCache {
    private final Map<Object, CompletableFuture<Object>> values = new ConcurrentHashMap<>();

    /**
     * The value for {@code key}, computed by {@code compute} the first time. A failure is not
     * cached: it is thrown to this caller and to those waiting, and the next caller tries again.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> known = values.putIfAbsent(key, mine);
        if (known == null) {
            try {
                T value = compute.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                values.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) known.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for shared work " + key, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("shared work " + key + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
