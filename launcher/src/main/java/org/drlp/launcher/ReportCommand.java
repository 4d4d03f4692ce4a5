package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare the configurations in one or more results folders: performance profiles (SVG, PNG, CSV), "
                + "a table of shifted geometric means and failure counts, and a one-page report.html.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Results folders written by run; their runs merge.")
    List<Path> resultsFolders = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Folder for the report (created if needed).")
    Path outputFolder;

    @Option(names = "--measure", split = ",", paramLabel = "NAME",
            description = "Measures to compare, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> measures = new ArrayList<>(List.of("seconds", "pivots"));

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workbench running = workbench.start()) {
            List<Path> written = running.reports().write(resultsFolders, outputFolder, measures);
            out.println("report of " + resultsFolders.size() + (resultsFolders.size() == 1 ? " folder" : " folders")
                    + " in " + outputFolder + ": " + String.join(", ",
                    written.stream().map(file -> outputFolder.relativize(file).toString()).toList()));
            return Main.OK;
        } catch (IOException e) {
            err.println("drlp: cannot write the report: " + IoReason.of(e));
            PrintWriter debug = workbench.debugStream();
            if (debug != null) e.printStackTrace(debug);
            return Main.ERROR;
        } catch (IllegalArgumentException e) {
            err.println("drlp: " + e.getMessage());
            return Main.ERROR;
        }
    }
}
