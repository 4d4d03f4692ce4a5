package org.drlp.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Validates and runs experiment specs (see the README for the format). */
@ProviderType // implemented by the workbench only; callers may rely on methods being added in minor versions
public interface ExperimentService {

    /**
     * Parses and validates a spec without running anything.
     *
     * @return the number of runs the sweep expands to
     * @throws SpecException naming the file and the offending line, column or path
     */
    int validate(Path spec) throws SpecException;

    /**
     * {@link #validate(Path)} with values of the spec replaced first, as {@link RunOptions#overrides()}
     * replaces them for a run. Each override is {@code PATH=VALUE}: PATH a dotted path into a section
     * ({@code loss.tau}, {@code solver.pivot}, {@code solver.lineSearch.type}) or a top-level key
     * ({@code repeats}); VALUE JSON ({@code 0.3}, {@code true}, {@code [1, 2]}, {@code "text"}), or else
     * taken as a string ({@code bland}). Setting a swept path fixes it: its axis is dropped. Problems
     * caused by an override name it ({@code spec.json: --set loss.tau=abc (loss.tau): ...}).
     *
     * @since 2.1
     */
    default int validate(Path spec, List<String> overrides) throws SpecException {
        if (overrides.isEmpty()) return validate(spec);
        throw new SpecException(spec + ": this experiment service takes no overrides (--set)");
    }

    /** {@link #run(Path, Path, RunListener, RunOptions)} one run at a time. */
    default ExperimentSummary run(Path spec, Path outputDirectory, RunListener listener)
            throws SpecException, IOException {
        return run(spec, outputDirectory, listener, RunOptions.DEFAULT);
    }

    /**
     * Validates the spec, then runs every point of its sweep, up to {@code options.jobs()} at a
     * time, writing results into {@code outputDirectory} as runs finish: results.json and
     * summary.csv (complete after every run, in sweep order at the end), spec.json (a copy of the
     * spec that can be run again from there), drlp.log (stack traces of plugin failures),
     * runs/NNN/ (trace, dual, objective plots) and plots/ (one overlay per sweep group). A failing
     * run is recorded and the rest go on. The folder is held by this experiment alone while it
     * runs; one that another experiment holds, one whose spec.json is {@code spec} itself, and
     * one holding an earlier experiment's results (unless {@link RunOptions#overwrite()}) are
     * refused with an IOException saying so, before anything is written.
     *
     * @param listener  may be null; see {@link RunListener} for the threads it is called on
     * @since 1.1
     */
    ExperimentSummary run(Path spec, Path outputDirectory, RunListener listener, RunOptions options)
            throws SpecException, IOException;

    /**
     * Asks every experiment running in this service to stop: no further run starts, and each run in
     * progress ends INTERRUPTED, with the best point its method found so far when the method asks
     * {@link StepListener#stopRequested()} (the vertex walk does, once per pivot), or without a
     * point after a grace of a few seconds when it does not. Each run's record is written and
     * results.json and summary.csv are left complete and well formed; {@code run} then returns
     * normally. Returns at once; does nothing when nothing runs.
     *
     * @since 2.0
     */
    void stop();

    /**
     * Asks the experiment running into {@code outputDirectory} (any spelling of that folder) to stop,
     * as {@link #stop()} asks them all; the others go on.
     *
     * @return false when no experiment of this service runs into that folder
     * @since 2.2
     */
    default boolean stop(Path outputDirectory) {
        return false;
    }

    /**
     * Asks one run of the experiment running into {@code outputDirectory} to stop: the run of sweep
     * index {@code index} ends INTERRUPTED, with its best point as for {@link #stop()} when it is in
     * progress, without being solved when it has not started yet; its record is written and the rest
     * of the sweep goes on. Returns at once.
     *
     * @return false when no experiment runs into that folder, or that run is not one it still has to
     *         finish (finished already, or not in its selection)
     * @since 2.2
     */
    default boolean stopRun(Path outputDirectory, int index) {
        return false;
    }

    /**
     * Combines result folders of one spec (the shards of a sweep, or whole result folders) into
     * {@code outputDirectory}: results.json and summary.csv in sweep order, spec.json, and the runs'
     * folders (runs/NNN) copied. Every folder's results.json must carry the same spec hash.
     * A run INTERRUPTED in one folder and finished in another is taken from the latter. The output
     * may be one of the folders; it is held as {@code run} holds it.
     *
     * @return the merged runs and the indices of the sweep that none of the folders holds
     * @throws IOException with a one-line message when a folder has no results.json, folders hold
     *                     different specs (both hashes named), an index is finished in two folders
     *                     (indices named), or the output cannot be written; nothing is written then
     * @since 2.0
     */
    MergeReport merge(List<Path> folders, Path outputDirectory) throws IOException;

    /**
     * Predicts from a finished run: the run of sweep index {@code index} in {@code outputDirectory}
     * (its spec.json and results.json) is rebuilt, its training data coded again, and {@code data}
     * (a file for the run's data source, with the same columns; the target column may be absent)
     * is coded exactly as the training data was (the same dummy levels and reference levels; a
     * level not seen in training is an error naming file, row and column). Writes the CSV
     * {@code predictions}: row, fitted, and, when the run's results carry a coefficient covariance
     * V, lower and upper ends of x'b +- z sqrt(x'V x) at the coefficient table's level; target and
     * residual when the data has the target.
     *
     * @return the number of rows predicted
     * @throws IOException with a one-line message when the folder has no such finished run, the
     *                     run's model cannot predict, the data cannot be read, or the output not written
     * @since 2.3
     */
    default int predict(Path outputDirectory, int index, Path data, Path predictions) throws SpecException, IOException {
        throw new IOException("this experiment service cannot predict");
    }
}
