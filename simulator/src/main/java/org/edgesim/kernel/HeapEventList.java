package org.edgesim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * An SSJ event list as an array-backed 4-ary min-heap on (time, priority, sequence).
 *
 * <p>Why not SSJ's own lists: measured on 2 cores, SSJ's SplayTree ran a self-rescheduling event
 * at 0.6x of a plain {@code java.util.PriorityQueue} loop with ~10 pending events and at 0.3x with
 * ~100,000 pending; a heap keeps the kernel within reach of the plain loop (see
 * {@code edgesim bench kernel}).
 *
 * <p>Cancellation is lazy: a cancelled event stays in the heap and is discarded when it reaches
 * the top, so {@link EventHandle#cancel()} is O(1) and the clock never visits a cancelled time.
 * Only {@link KernelEvent}s are accepted; the positional insertions of SSJ's interface
 * ({@code addFirst}, {@code addBefore}, {@code addAfter}) are not used by edgesim and refuse.
 */
final class HeapEventList implements EventList {
    // A 4-ary heap: half the depth of a binary heap. Times sit in their own primitive array so
    // that most comparisons touch no event object, which matters with 10^5 pending events.
    private KernelEvent[] heap = new KernelEvent[64];
    private double[] times = new double[64];
    private int size;
    private int live;
    private long removed;

    @Override
    public boolean isEmpty() {
        return live == 0;
    }

    /** Events that will still fire. */
    int pending() {
        return live;
    }

    /** Events handed to the executive so far. */
    long removed() {
        return removed;
    }

    @Override
    public void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
        live = 0;
    }

    @Override
    public void add(Event ev) {
        KernelEvent e = (KernelEvent) ev;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        siftUp(size++, e);
        live++;
    }

    void onCancelled() {
        live--;
    }

    @Override
    public Event removeFirst() {
        while (size > 0) {
            KernelEvent top = popTop();
            if (!top.isCancelled()) {
                live--;
                removed++;
                return top;
            }
        }
        return null;
    }

    @Override
    public Event getFirst() {
        while (size > 0 && heap[0].isCancelled()) {
            popTop();
        }
        return size == 0 ? null : heap[0];
    }

    private KernelEvent popTop() {
        KernelEvent top = heap[0];
        KernelEvent last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last);
        }
        return top;
    }

    /** (time, priority, sequence) order, with the time of {@code b} already at hand. */
    private static boolean before(KernelEvent a, double ta, KernelEvent b, double tb) {
        return ta != tb ? ta < tb : a.before(b);
    }

    private void siftUp(int index, KernelEvent e) {
        KernelEvent[] h = heap;
        double[] t = times;
        double te = e.at;
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            double tp = t[parent];
            if (!before(e, te, h[parent], tp)) {
                break;
            }
            h[i] = h[parent];
            t[i] = tp;
            i = parent;
        }
        h[i] = e;
        t[i] = te;
    }

    private void siftDown(KernelEvent e) {
        KernelEvent[] h = heap;
        double[] t = times;
        int n = size;
        double te = e.at;
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            double tb = t[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                double tc = t[c];
                if (tc < tb || (tc == tb && h[c].before(h[best]))) {
                    best = c;
                    tb = tc;
                }
            }
            if (!before(h[best], tb, e, te)) {
                break;
            }
            h[i] = h[best];
            t[i] = tb;
            i = best;
        }
        h[i] = e;
        t[i] = te;
    }

    @Override
    public boolean remove(Event ev) {
        return ((KernelEvent) ev).cancel();
    }

    @Override
    public void addFirst(Event ev) {
        throw new UnsupportedOperationException("edgesim orders events by (time, priority, sequence) only");
    }

    @Override
    public void addBefore(Event ev, Event other) {
        throw new UnsupportedOperationException("edgesim orders events by (time, priority, sequence) only");
    }

    @Override
    public void addAfter(Event ev, Event other) {
        throw new UnsupportedOperationException("edgesim orders events by (time, priority, sequence) only");
    }

    @Override
    public Event getFirstOfClass(String cl) {
        return inOrder().stream().filter(e -> e.getClass().getName().equals(cl)).findFirst().orElse(null);
    }

    @Override
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        return inOrder().stream().filter(cl::isInstance).map(cl::cast).findFirst().orElse(null);
    }

    @Override
    public ListIterator<Event> listIterator() {
        return inOrder().listIterator();
    }

    @Override
    public java.util.Iterator<Event> iterator() {
        return listIterator();
    }

    /** A sorted snapshot of the pending events (for inspection, not for the hot path). */
    List<Event> inOrder() {
        List<KernelEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!heap[i].isCancelled()) {
                events.add(heap[i]);
            }
        }
        events.sort(Comparator.comparingDouble((KernelEvent e) -> e.at)
                .thenComparingInt(e -> e.rank).thenComparingLong(e -> e.sequence));
        return new ArrayList<>(events);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Contents of the event list HeapEventList:");
        for (Event e : inOrder()) {
            sb.append(System.lineSeparator()).append("   ").append(e);
        }
        return sb.toString();
    }
}
