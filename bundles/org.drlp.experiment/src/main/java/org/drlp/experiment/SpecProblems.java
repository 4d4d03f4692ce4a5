package org.drlp.experiment;

import java.util.LinkedHashSet;
import java.util.Set;

import org.drlp.api.SpecException;

/**
 * Collects every problem of a spec, so that one validation reports them all. Each reads
 * {@code file:line:column (path): message}; a problem shared by many sweep points is listed once.
 */
final class SpecProblems {

    private final SpecDocument document;
    private final Set<String> lines = new LinkedHashSet<>();

    SpecProblems(SpecDocument document) {
        this.document = document;
    }

    /** @param path where the problem is in the file (a sweep entry when the value came from the sweep) */
    void add(String path, String message) {
        lines.add(document.where(path) + ": " + message);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    void throwIfAny() throws SpecException {
        if (lines.isEmpty()) return;
        String heading = lines.size() == 1 ? "" : document.file() + ": " + lines.size() + " problems\n";
        throw new SpecException(heading + String.join("\n", lines));
    }
}
