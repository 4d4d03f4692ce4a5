package org.drlp.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Run indices as people read them: {@code 3, 7-9}. */
final class Indices {

    private Indices() {
    }

    static String ranges(Collection<Integer> indices) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (Integer index : new TreeSet<>(indices)) {
            if (previous != null && index == previous + 1) {
                previous = index;
                continue;
            }
            if (start != null) parts.add(start.equals(previous) ? start.toString() : start + "-" + previous);
            start = index;
            previous = index;
        }
        if (start != null) parts.add(start.equals(previous) ? start.toString() : start + "-" + previous);
        return String.join(", ", parts);
    }
}
