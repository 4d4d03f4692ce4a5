package org.drlp.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.drlp.api.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a spec without running it: syntax, plugin names, every parameter of every sweep point, "
                + "and what each plugin can check before running (files, columns, layers, model and method).")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "Experiment spec (JSON).")
    Path specFile;

    @Mixin
    SetOptions set;

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        try (Workbench running = workbench.start()) {
            int runs = running.experiments().validate(specFile, set.assignments);
            spec.commandLine().getOut().println(specFile + ": valid, " + runs + (runs == 1 ? " run" : " runs"));
            return Main.OK;
        } catch (SpecException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.ERROR;
        }
    }
}
