package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationSplitTest {
    @ParameterizedTest(name = "{0} samples, fraction {1}: {2} held out")
    @CsvSource({"300, 0.1, 30", "1000, 0.1, 100", "999, 0.1, 100", "994, 0.1, 99", "5, 0.1, 1", "2, 0.9, 1",
            "10, 0.25, 3", "128, 0.5, 64"})
    void theSizeIsTheRoundedFractionWithASampleOnEachSide(int held, double fraction, int expected) {
        assertEquals(expected, ValidationSplit.size(held, fraction));
    }

    @Test
    void theSplitPartitionsTheSamplesKeepsTheTrainingOrderAndDependsOnItsStreamAlone() {
        int[] held = IntStream.range(0, 200).map(i -> 1000 - 3 * i).toArray();
        ValidationSplit a = ValidationSplit.of(held, 0.1, new RandomStreams(7).stream("feel/validation/device-0"));
        ValidationSplit b = ValidationSplit.of(held, 0.1, new RandomStreams(7).stream("feel/validation/device-0"));
        ValidationSplit c = ValidationSplit.of(held, 0.1, new RandomStreams(7).stream("feel/validation/device-1"));
        assertEquals(20, a.validation().length);
        assertArrayEquals(a.validation(), b.validation(), "the same stream, the same split");
        assertFalse(Arrays.equals(a.validation(), c.validation()), "another stream, another split");
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.validation())).sorted().toArray();
        assertArrayEquals(Arrays.stream(held).sorted().toArray(), all, "every sample on exactly one side");
        int at = 0;
        for (int s : held) {
            if (at < a.train().length && a.train()[at] == s) {
                at++;
            }
        }
        assertEquals(a.train().length, at, "the training part keeps the order the samples were held in");
    }

    @Test
    void tooFewSamplesOrAFractionOutsideZeroOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.size(1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.size(10, 0));
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.size(10, 1));
    }
}
