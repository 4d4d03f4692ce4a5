package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.drlp.api.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Fitted values of a finished run for a new data file, coded as its training data was (the same "
                + "dummy levels); with intervals x'b +- z sqrt(x'Vx) when the run's coefficients carry a covariance.")
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN",
            description = "A run's folder (OUT/runs/NNN), or the output folder of drlp run with --run.")
    Path run;

    @Parameters(index = "1", paramLabel = "DATA",
            description = "New data for the run's data source: the same columns; the target may be absent.")
    Path data;

    @Option(names = "--run", paramLabel = "N", description = "Index of the run, when RUN is the output folder.")
    Integer index;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The predictions CSV (row, fitted[, lower, upper][, target, residual]); default: "
                    + "predictions.csv in the run's folder.")
    Path outputFile;

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        Path folder = run;
        int runIndex;
        if (Files.isRegularFile(run.resolve("results.json"))) {
            if (index == null) {
                throw new ParameterException(spec.commandLine(), "--run N is required when RUN is an output folder ("
                        + run + " holds results.json)");
            }
            runIndex = index;
        } else {
            Path parent = run.toAbsolutePath().normalize().getParent();
            String name = run.toAbsolutePath().normalize().getFileName().toString();
            if (parent == null || !parent.getFileName().toString().equals("runs") || !name.matches("\\d+")
                    || !Files.isRegularFile(parent.getParent().resolve("results.json"))) {
                spec.commandLine().getErr().println("drlp: predict: " + run + " is neither an output folder of drlp run "
                        + "(with results.json) nor a run's folder in one (OUT/runs/NNN)");
                return Main.ERROR;
            }
            runIndex = Integer.parseInt(name);
            if (index != null && index != runIndex) {
                throw new ParameterException(spec.commandLine(), "--run " + index + " disagrees with the run's folder " + run);
            }
            folder = parent.getParent();
        }
        Path out = outputFile != null ? outputFile
                : folder.resolve("runs").resolve(String.format("%03d", runIndex)).resolve("predictions.csv");
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workbench running = workbench.start()) {
            int rows = running.experiments().predict(folder, runIndex, data, out);
            stdout.printf("run %03d: %d %s predicted; written to %s%n", runIndex, rows, rows == 1 ? "row" : "rows", out);
            return Main.OK;
        } catch (SpecException e) {
            err.println(e.getMessage());
            return Main.ERROR;
        } catch (IOException e) {
            err.println("drlp: predict: " + IoReason.of(e));
            PrintWriter debug = workbench.debugStream();
            if (debug != null) e.printStackTrace(debug);
            return Main.ERROR;
        }
    }
}
