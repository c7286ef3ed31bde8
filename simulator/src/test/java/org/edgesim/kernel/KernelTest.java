package org.edgesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import umontreal.ssj.rng.RandomStream;

class KernelTest {
    private final Kernel kernel = new Kernel();
    private final List<String> log = new ArrayList<>();

    private EventAction record(String name) {
        return () -> log.add(name + "@" + kernel.now());
    }

    @Test
    void firesEventsInTimeOrderAndAdvancesTheClock() {
        kernel.schedule(3.0, "c", null, record("c"));
        kernel.schedule(1.0, "a", null, record("a"));
        kernel.schedule(2.0, "b", null, record("b"));
        kernel.run();
        assertEquals(List.of("a@1.0", "b@2.0", "c@3.0"), log);
        assertEquals(3.0, kernel.now());
        assertEquals(3, kernel.firedCount());
    }

    @Test
    void sameTimeEventsRunFirstInFirstOut() {
        for (int i = 0; i < 50; i++) {
            kernel.schedule(1.0, "e", i, record("e" + i));
        }
        kernel.run();
        for (int i = 0; i < 50; i++) {
            assertEquals("e" + i + "@1.0", log.get(i));
        }
    }

    @Test
    void lowerPriorityValueRunsFirstAtTheSameTime() {
        kernel.schedule(1.0, 5, "late", null, record("late"));
        kernel.schedule(1.0, 0, "early", null, record("early"));
        kernel.schedule(1.0, "default", null, record("default"));
        kernel.run();
        assertEquals(List.of("early@1.0", "default@1.0", "late@1.0"), log);
    }

    @Test
    void eventsScheduledFromAnActionAtTheSameTimeRunAfterThoseAlreadyDue() {
        kernel.schedule(1.0, "first", null, () -> {
            log.add("first");
            kernel.schedule(0.0, "child", null, record("child"));
        });
        kernel.schedule(1.0, "second", null, record("second"));
        kernel.run();
        assertEquals(List.of("first", "second@1.0", "child@1.0"), log);
    }

    @Test
    void cancelledEventsNeverFireAndDoNotMoveTheClock() {
        kernel.schedule(1.0, "a", null, record("a"));
        EventHandle late = kernel.schedule(100.0, "timeout", null, record("timeout"));
        assertTrue(late.isPending());
        assertEquals(2, kernel.pending());
        assertTrue(late.cancel());
        assertFalse(late.cancel(), "a second cancel is a no-op");
        assertFalse(late.isPending());
        assertEquals(1, kernel.pending());
        kernel.run();
        assertEquals(List.of("a@1.0"), log);
        assertEquals(1.0, kernel.now(), "the clock must not visit a cancelled event's time");
        assertEquals(100.0, late.scheduledTime());
    }

    @Test
    void anEventCanCancelAnotherDueAtTheSameTime() {
        EventHandle[] victim = new EventHandle[1];
        kernel.schedule(1.0, "killer", null, () -> victim[0].cancel());
        victim[0] = kernel.schedule(1.0, "victim", null, record("victim"));
        kernel.run();
        assertTrue(log.isEmpty());
    }

    @Test
    void aFiredEventIsNoLongerPendingAndCannotBeCancelled() {
        EventHandle h = kernel.schedule(1.0, "a", null, record("a"));
        kernel.run();
        assertFalse(h.isPending());
        assertFalse(h.cancel());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void invalidDelaysFailFast(double delay) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernel.schedule(delay, "bad", "device 3", record("bad")));
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("device 3"), e.getMessage());
        assertEquals(0, kernel.pending());
    }

    @Test
    void schedulingInThePastFailsFast() {
        kernel.schedule(5.0, "move", null, () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kernel.scheduleAt(4.0, "past", null, record("past")));
            log.add(e.getMessage());
        });
        kernel.run();
        assertTrue(log.get(0).contains("t=4.0") && log.get(0).contains("t=5.0"), log.get(0));
    }

    @Test
    void scheduleAtKeepsTheExactAbsoluteTime() {
        double t = 0.1 + 0.2; // not representable as now + delay rounding could make it
        kernel.schedule(0.1, "step", null, () -> kernel.scheduleAt(t, "exact", null, () -> log.add("" + kernel.now())));
        kernel.run();
        assertEquals(List.of(Double.toString(t)), log);
    }

    @Test
    void anExceptionInsideAnEventIsRethrownWithEventEntityAndTime() {
        kernel.schedule(2.5, "upload-done", "worker 7", () -> {
            throw new IllegalStateException("rate is zero");
        });
        SimulationException e = assertThrows(SimulationException.class, kernel::run);
        assertEquals("upload-done", e.label());
        assertEquals("worker 7", e.entity());
        assertEquals(2.5, e.time());
        assertTrue(e.getMessage().contains("upload-done") && e.getMessage().contains("worker 7")
                && e.getMessage().contains("2.5") && e.getMessage().contains("rate is zero"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void nestedFailuresKeepTheInnermostContext() {
        Kernel other = new Kernel();
        other.schedule(1.0, "inner", "x", () -> {
            throw new ArithmeticException("boom");
        });
        kernel.schedule(1.0, "outer", "y", other::run);
        SimulationException e = assertThrows(SimulationException.class, kernel::run);
        assertEquals("inner", e.label());
    }

    @Test
    void stopEndsTheRunAndLeavesLaterEventsPending() {
        kernel.schedule(1.0, "stop", null, kernel::stop);
        kernel.schedule(2.0, "later", null, record("later"));
        kernel.run();
        assertTrue(log.isEmpty());
        assertEquals(1, kernel.pending());
        kernel.run();
        assertEquals(List.of("later@2.0"), log);
    }

    @Test
    void runUntilStopsAtTheHorizonAfterEveryEventDueThen() {
        kernel.schedule(1.0, "a", null, record("a"));
        kernel.schedule(2.0, "b", null, record("b"));
        kernel.schedule(3.0, "c", null, record("c"));
        kernel.runUntil(2.0);
        assertEquals(List.of("a@1.0", "b@2.0"), log);
        assertEquals(2.0, kernel.now());
        assertEquals(1, kernel.pending());
    }

    @Test
    void runningAnEmptyKernelDoesNothing() {
        kernel.run();
        assertEquals(0.0, kernel.now());
    }

    @Test
    void twoKernelsAreIndependent() {
        Kernel other = new Kernel();
        kernel.schedule(5.0, "a", null, record("a"));
        other.schedule(1.0, "b", null, () -> log.add("other@" + other.now()));
        other.run();
        assertEquals(1.0, other.now());
        assertEquals(0.0, kernel.now());
        assertEquals(1, kernel.pending());
    }

    /** Random schedules and cancellations against a sorted reference list. */
    @Test
    void randomWorkloadMatchesASortedReference() {
        RandomStream r = new RandomStreams(7).stream("test/kernel");
        List<double[]> expected = new ArrayList<>(); // {time, priority, sequence}
        List<double[]> fired = new ArrayList<>();
        List<EventHandle> handles = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double t = Math.floor(r.nextDouble() * 200) / 4; // many ties
            int priority = r.nextInt(0, 2);
            double[] key = {t, priority, i};
            handles.add(kernel.scheduleAt(t, priority, "e", i, () -> fired.add(key)));
            expected.add(key);
        }
        for (int i = 0; i < 1000; i++) {
            int victim = r.nextInt(0, handles.size() - 1);
            if (handles.get(victim).cancel()) {
                double[] key = expected.stream().filter(k -> k[2] == victim).findFirst().orElseThrow();
                expected.remove(key);
            }
        }
        expected.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
        kernel.run();
        assertEquals(expected.size(), fired.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[2], fired.get(i)[2], "event at position " + i);
        }
    }

    /** atEventEnd: after the event's own action, before the next event of the same instant; outside events, at run. */
    @Test
    void actionsAtAnEventsEndRunBeforeTheNextEventAndUnlogged() {
        Kernel k = new Kernel();
        java.util.List<String> order = new java.util.ArrayList<>();
        java.util.List<String> fired = new java.util.ArrayList<>();
        k.observe((at, label, entity) -> fired.add(label));
        k.atEventEnd(() -> order.add("before run"));
        k.scheduleAt(1, "a", null, () -> {
            order.add("a");
            k.atEventEnd(() -> {
                order.add("a's end at " + k.now());
                k.atEventEnd(() -> order.add("asked at the end"));
            });
            order.add("a again");
        });
        k.scheduleAt(1, "b", null, () -> order.add("b"));
        k.run();
        assertEquals(java.util.List.of("before run", "a", "a again", "a's end at 1.0", "asked at the end", "b"), order);
        assertEquals(java.util.List.of("a", "b"), fired, "no event of their own");
    }
}
