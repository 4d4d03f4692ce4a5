package org.drlp.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Which runs of a sweep an experiment executes: those of a shard (index congruent to
 * {@code shard} mod {@code shards}) that are also in {@code only} (every index when empty). A run
 * keeps its global index, label, seeds and configuration whichever runs are selected, so the
 * shards of a sweep together give exactly the results of the whole sweep.
 *
 * @param shard   0-based shard, {@code 0 <= shard < shards}
 * @param shards  number of shards, at least 1 (1: no sharding)
 * @param only    inclusive index ranges; empty for every index
 * @since 2.0
 */
public record RunSelection(int shard, int shards, List<Range> only) {

    /** Every run. */
    public static final RunSelection ALL = new RunSelection(0, 1, List.of());

    /** The indices {@code first} to {@code last}, both included. */
    public record Range(int first, int last) {
        public Range {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("bad index range " + first + "-" + last);
            }
        }

        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + "-" + last;
        }
    }

    public RunSelection {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + "/" + shards + " is not I/N with 0 <= I < N");
        }
        only = List.copyOf(only);
    }

    /**
     * Parses {@code I/N}.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong
     */
    public static RunSelection parseShard(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) throw new IllegalArgumentException("shard \"" + text + "\" is not I/N, for example 0/4");
        int shard = integer(parts[0], "shard \"" + text + "\"");
        int shards = integer(parts[1], "shard \"" + text + "\"");
        if (shards < 1 || shard >= shards) {
            throw new IllegalArgumentException("shard \"" + text + "\" is not I/N with 0 <= I < N");
        }
        return new RunSelection(shard, shards, List.of());
    }

    /**
     * Parses a comma-separated list of indices and inclusive ranges, for example {@code 3,7-12}.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong
     */
    public static List<Range> parseOnly(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String item = part.trim();
            String where = "--only \"" + text + "\"";
            int dash = item.indexOf('-', 1);
            int first = integer(dash < 0 ? item : item.substring(0, dash), where);
            int last = dash < 0 ? first : integer(item.substring(dash + 1), where);
            if (last < first) throw new IllegalArgumentException(where + ": " + item + " is an empty range");
            ranges.add(new Range(first, last));
        }
        return List.copyOf(ranges);
    }

    /** This selection restricted to the indices in {@code ranges}. */
    public RunSelection only(List<Range> ranges) {
        return new RunSelection(shard, shards, ranges);
    }

    /** True when the run at {@code index} is selected. */
    public boolean includes(int index) {
        if (index % shards != shard) return false;
        if (only.isEmpty()) return true;
        for (Range range : only) {
            if (range.first() <= index && index <= range.last()) return true;
        }
        return false;
    }

    /** True when every run is selected. */
    public boolean isAll() {
        return shards == 1 && only.isEmpty();
    }

    /**
     * Checks the selection against a sweep of {@code runs} runs.
     *
     * @throws IllegalArgumentException naming the indices out of range
     */
    public void check(int runs) {
        for (Range range : only) {
            if (range.last() >= runs) {
                throw new IllegalArgumentException("--only " + range + " is out of range: the sweep has " + runs
                        + (runs == 1 ? " run (index 0)" : " runs (indices 0-" + (runs - 1) + ")"));
            }
        }
    }

    /** As on the command line: {@code --shard 1/4 --only 3,7-12}, or {@code all} for every run. */
    @Override
    public String toString() {
        if (isAll()) return "all";
        List<String> parts = new ArrayList<>();
        if (shards > 1) parts.add("--shard " + shard + "/" + shards);
        if (!only.isEmpty()) {
            parts.add("--only " + String.join(",", only.stream().map(Range::toString).toList()));
        }
        return String.join(" ", parts);
    }

    private static int integer(String text, String where) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) throw new IllegalArgumentException(where + ": " + value + " is negative");
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": \"" + text.trim() + "\" is not a whole number");
        }
    }
}
