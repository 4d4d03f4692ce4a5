package org.drlp.experiment;

import java.util.List;

import com.google.gson.JsonArray;

/**
 * One axis of a sweep: a swept path and its values, or several zipped paths whose lists are equally
 * long and advance together (one run per position, not per combination).
 *
 * @param paths    the swept paths, in spec order
 * @param values   each path's values, all of {@link #size()}
 * @param sources  where each path's list is in the file, such as {@code sweep.loss.tau} or
 *                 {@code sweep.zip.loss.tau}; value k is at source + [k]
 */
record SweepAxis(List<String> paths, List<JsonArray> values, List<String> sources) {

    SweepAxis {
        paths = List.copyOf(paths);
        values = List.copyOf(values);
        sources = List.copyOf(sources);
    }

    static SweepAxis single(String path, JsonArray values, String source) {
        return new SweepAxis(List.of(path), List.of(values), List.of(source));
    }

    int size() {
        return values.get(0).size();
    }
}
