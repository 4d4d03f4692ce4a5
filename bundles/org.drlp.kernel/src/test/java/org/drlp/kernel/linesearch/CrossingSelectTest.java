package org.drlp.kernel.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The sampled bound's selection gives what sorting and indexing would. */
class CrossingSelectTest {

    @Test
    void selectionIsTheSortedValueAtEveryRank() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 400; trial++) {
            int count = 1 + random.nextInt(300);
            int distinct = 1 + random.nextInt(count); // many ties in some arrays
            double[] values = new double[count];
            for (int i = 0; i < count; i++) values[i] = random.nextInt(distinct) == 0 ? 0 : random.nextInt(distinct) * 0.37;
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {0, count / 3, count / 2, count - 1, random.nextInt(count)}) {
                double[] work = values.clone();
                assertEquals(sorted[k], Crossing.Search.select(work, count, k), "rank " + k + " of " + Arrays.toString(values));
            }
        }
    }
}
