package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunOptions;
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
            description = "Runs executed at the same time (default: ${DEFAULT-VALUE}); results stay in sweep order.")
    int jobs;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, no progress.")
    boolean quiet;

    @Option(names = "--overwrite",
            description = "Delete an earlier experiment's results in the output folder first (results.json, "
                    + "summary.csv, spec.json, drlp.log, runs/, plots/, report/); without it such a folder is refused.")
    boolean overwrite;

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentLog log = new ExperimentLog(outputFolder);
        ExperimentSummary summary;
        try (Workbench running = workbench.start(); SweepProgress progress = SweepProgress.on(out, quiet)) {
            summary = running.experiments().run(specFile, outputFolder, progress, new RunOptions(jobs, overwrite));
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
        long failures = summary.failures();
        int runs = summary.runs().size();
        out.printf(Locale.ROOT, "%s: %d %s, %d failed; results in %s%n", summary.name(), runs, runs == 1 ? "run" : "runs",
                failures, summary.outputDirectory().resolve("results.json"));
        out.flush();
        log.show(err, workbench.debugStream());
        return failures == 0 ? Main.OK : Main.RUNS_FAILED;
    }
}
