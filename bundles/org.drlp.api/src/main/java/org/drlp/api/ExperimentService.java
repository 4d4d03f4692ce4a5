package org.drlp.api;

import java.io.IOException;
import java.nio.file.Path;

/** Validates and runs experiment specs (see the README for the format). */
public interface ExperimentService {

    /**
     * Parses and validates a spec without running anything.
     *
     * @return the number of runs the sweep expands to
     * @throws SpecException naming the file and the offending line, column or path
     */
    int validate(Path spec) throws SpecException;

    /**
     * Validates the spec, then runs every point of its sweep, writing results into
     * {@code outputDirectory} as runs finish. A failing run is recorded and the rest go on.
     */
    ExperimentSummary run(Path spec, Path outputDirectory, RunListener listener) throws SpecException, IOException;
}
