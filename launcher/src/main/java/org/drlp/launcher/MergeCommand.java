package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drlp.api.MergeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine result folders of one spec (shards of a sweep, or whole folders) into one results.json "
                + "and summary.csv; a folder with a shards/ subfolder stands for the folders in it.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Result folders, or a sweep folder with shards/.")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the merged results go (default: the folder, when only one is given).")
    Path outputFolder;

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        if (outputFolder == null && folders.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--out is required when merging more than one folder");
        }
        Path out = outputFolder == null ? folders.get(0) : outputFolder;
        PrintWriter stdout = spec.commandLine().getOut();
        MergeReport report;
        try (Workbench running = workbench.start()) {
            report = running.experiments().merge(folders, out);
        } catch (IOException e) {
            spec.commandLine().getErr().println("drlp: merge: " + IoReason.of(e));
            return Main.ERROR;
        }
        long failures = report.summary().failures();
        stdout.printf(Locale.ROOT, "%s: %d of %d runs merged, %d failed; results in %s%n", report.summary().name(),
                report.sweepRuns() - report.missing().size(), report.sweepRuns(), failures,
                out.resolve("results.json"));
        if (!report.complete()) {
            stdout.printf(Locale.ROOT, "%s: %d %s missing (not run, or INTERRUPTED): %s%n", report.summary().name(),
                    report.missing().size(), report.missing().size() == 1 ? "run" : "runs", Indices.ranges(report.missing()));
            return Main.INCOMPLETE;
        }
        return failures == 0 ? Main.OK : Main.RUNS_FAILED;
    }
}
