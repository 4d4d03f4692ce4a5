package org.drlp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shards partition the sweep; --only picks exactly the listed indices; bad text is one line naming the mistake. */
class RunSelectionTest {

    private static List<Integer> selected(RunSelection selection, int runs) {
        return IntStream.range(0, runs).filter(selection::includes).boxed().toList();
    }

    @Test
    void theShardsOfASweepPartitionIt() {
        int runs = 23;
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<Integer> shard = selected(RunSelection.parseShard(i + "/4"), runs);
            for (int index : shard) assertEquals(i, index % 4);
            all.addAll(shard);
        }
        all.sort(null);
        assertEquals(IntStream.range(0, runs).boxed().toList(), all, "every run in exactly one shard");
    }

    @Test
    void onlyTakesIndicesAndRangesAndCombinesWithAShard() {
        assertEquals(List.of(3, 7, 8, 9, 10, 11, 12), selected(RunSelection.ALL.only(RunSelection.parseOnly("3,7-12")), 20));
        assertEquals(List.of(7, 9, 11), selected(RunSelection.parseShard("1/2").only(RunSelection.parseOnly("3,7-12")), 20)
                .stream().filter(i -> i > 3).toList());
        assertEquals("--shard 1/2 --only 3,7-12", RunSelection.parseShard("1/2").only(RunSelection.parseOnly("3, 7-12")).toString());
    }

    @Test
    void badTextIsRefusedInOneLine() {
        assertEquals("shard \"4/4\" is not I/N with 0 <= I < N",
                assertThrows(IllegalArgumentException.class, () -> RunSelection.parseShard("4/4")).getMessage());
        assertEquals("shard \"2\" is not I/N, for example 0/4",
                assertThrows(IllegalArgumentException.class, () -> RunSelection.parseShard("2")).getMessage());
        assertEquals("--only \"3,x\": \"x\" is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> RunSelection.parseOnly("3,x")).getMessage());
        assertEquals("--only \"9-2\": 9-2 is an empty range",
                assertThrows(IllegalArgumentException.class, () -> RunSelection.parseOnly("9-2")).getMessage());
        assertEquals("--only 7-12 is out of range: the sweep has 10 runs (indices 0-9)",
                assertThrows(IllegalArgumentException.class,
                        () -> RunSelection.ALL.only(RunSelection.parseOnly("3,7-12")).check(10)).getMessage());
    }
}
