package org.edgesim.rng;

import java.util.function.IntFunction;

/**
 * Streams named by an index, e.g. one per device: member {@code i} is the stream of key
 * {@code key.apply(i)}, exactly as if asked for by that key. A family lets a run create hundreds
 * of streams with one memo lookup instead of building and hashing hundreds of keys.
 *
 * @param name unique among families: the memo keeps one seed table per name
 * @param key  the key of member {@code i}
 */
public record StreamFamily(String name, IntFunction<String> key) {
}
