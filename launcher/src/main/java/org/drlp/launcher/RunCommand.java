package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.drlp.api.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary.")
    boolean quiet;

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        PrintWriter out = spec.commandLine().getOut();
        ExperimentSummary summary;
        try (Workbench running = workbench.start()) {
            summary = running.experiments().run(specFile, outputFolder, quiet ? RunListener.NONE : new Progress(out));
        } catch (SpecException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.ERROR;
        } catch (IOException e) {
            spec.commandLine().getErr().println("drlp: cannot write results to " + outputFolder + ": " + e.getMessage());
            return Main.ERROR;
        }
        out.printf(Locale.ROOT, "%s: %d runs, %d failed; results in %s%n", summary.name(), summary.runs().size(),
                summary.failures(), summary.outputDirectory().resolve("results.json"));
        return summary.failures() == 0 ? Main.OK : Main.RUNS_FAILED;
    }

    /** One line per finished run. */
    private static final class Progress implements RunListener {
        private final PrintWriter out;
        private int total;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void experimentStarted(String name, int runs) {
            total = runs;
            out.printf(Locale.ROOT, "%s: %d %s%n", name, runs, runs == 1 ? "run" : "runs");
        }

        @Override
        public void runFinished(int index, String label, SolveStatus status, double objective, double seconds) {
            out.printf(Locale.ROOT, "[%d/%d] %-40s %-16s objective %-22.15g %8.3f s%n", index + 1, total, label, status,
                    objective, seconds);
        }
    }
}
