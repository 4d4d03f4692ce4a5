package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunOptions;
import org.drlp.api.RunSelection;
import org.drlp.api.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Validate a spec, then run every point of its sweep and write results.json and traces.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "Experiment spec (JSON).")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path outputFolder;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
            description = "Runs executed at the same time, or auto for one per core (default: ${DEFAULT-VALUE}); "
                    + "results stay in sweep order.")
    String jobs;

    @Mixin
    SetOptions set;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, no progress.")
    boolean quiet;

    @Option(names = {"--overwrite", "--force"},
            description = "Delete an earlier experiment's results in the output folder first (results.json, "
                    + "summary.csv, coefficients.csv, spec.json, drlp.log, runs/, plots/, report/); without it (or --resume) such a folder is refused.")
    boolean overwrite;

    @Option(names = "--resume",
            description = "Keep the runs this spec already finished in the output folder (same spec hash and index, "
                    + "not INTERRUPTED) and run only the others; a folder with another spec's results is refused.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only the runs whose index is congruent to I mod N (0 <= I < N); each keeps its index, "
                    + "label, seeds and configuration.")
    String shard;

    @Option(names = "--only", paramLabel = "LIST",
            description = "Run only these indices, for example 3,7-12 (with --shard: those of the shard).")
    String only;

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        int jobs;
        try {
            jobs = jobs(this.jobs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (resume && overwrite) {
            throw new ParameterException(spec.commandLine(), "--resume keeps earlier results and --overwrite deletes "
                    + "them: give one of them");
        }
        RunSelection selection;
        try {
            selection = shard == null ? RunSelection.ALL : RunSelection.parseShard(shard);
            if (only != null) selection = selection.only(RunSelection.parseOnly(only));
        } catch (IllegalArgumentException e) { // one line, without the usage: the option's value is the mistake
            spec.commandLine().getErr().println("drlp: " + (e.getMessage().startsWith("shard") ? "--" : "")
                    + e.getMessage());
            return Main.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentLog log = new ExperimentLog(outputFolder);
        ExperimentSummary summary;
        boolean signalled;
        try (Workbench running = workbench.start(); SweepProgress progress = SweepProgress.on(out, quiet);
             StopOnSignal stop = StopOnSignal.install(running.experiments())) {
            summary = running.experiments().run(specFile, outputFolder, progress,
                    new RunOptions(jobs, overwrite, resume, selection, set.assignments));
            signalled = stop.signalled();
        } catch (SpecException e) {
            err.println(e.getMessage());
            return Main.ERROR;
        } catch (IOException e) {
            err.println("drlp: cannot write results to " + outputFolder + ": " + IoReason.of(e));
            PrintWriter debug = workbench.debugStream();
            if (debug != null) {
                e.printStackTrace(debug);
            }
            log.show(err, debug);
            return Main.ERROR;
        }
        SweepTable.print(summary, out);
        DroppedRows.print(summary.outputDirectory(), out);
        CoefficientTables.print(summary, out);
        long failures = summary.failures();
        int runs = summary.runs().size();
        out.printf(Locale.ROOT, "%s: %d %s, %d failed; results in %s%n", summary.name(), runs, runs == 1 ? "run" : "runs",
                failures, summary.outputDirectory().resolve("results.json"));
        long interrupted = summary.runs().stream()
                .filter(run -> RunVerdict.of(run.status(), run.message()) == RunVerdict.INTERRUPTED).count();
        if (signalled || interrupted > 0) {
            StringBuilder again = new StringBuilder();
            set.assignments.forEach(assignment -> again.append(" --set ").append(SlurmScripts.quote(assignment)));
            out.printf(Locale.ROOT, "%s: stopped on request, %d %s INTERRUPTED; finish with: drlp run %s --out %s%s --resume%s%n",
                    summary.name(), interrupted, interrupted == 1 ? "run" : "runs", specFile, outputFolder, again,
                    selection.isAll() ? "" : " " + selection);
        }
        out.flush();
        log.show(err, workbench.debugStream());
        if (signalled || interrupted > 0) return Main.INCOMPLETE;
        return failures == 0 ? Main.OK : Main.RUNS_FAILED;
    }

    /** --jobs: a positive number, or auto for every core this JVM may use (a Slurm task's CPUs, say). */
    static int jobs(String text) {
        if (text.equals("auto")) return Runtime.getRuntime().availableProcessors();
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--jobs takes a number of runs at a time or auto (one per core), not \""
                    + text + "\"");
        }
        if (value < 1) throw new IllegalArgumentException("--jobs must be at least 1, not " + text);
        return value;
    }
}
