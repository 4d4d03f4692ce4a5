package org.drlp.launcher;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Open the Gogo shell on the workbench, with drlp:plugins, drlp:run SPEC OUT and drlp:results OUT.",
                "The workbench feature is added to the chosen ones; exit [STATUS] or end of input (Ctrl-D) leaves."})
final class ShellCommand implements Callable<Integer> {

    static final String WORKBENCH_FEATURE = "workbench";
    /** Set by the shell bundle's exit command (org.drlp.shell.ShellExit) before it stops the framework. */
    static final String EXIT_STATUS_PROPERTY = "drlp.shell.exitStatus";

    @Mixin
    WorkbenchOptions workbench;

    /**
     * Gogo stops the whole framework when its console ends; that is the normal way out here, so it
     * ends the process with success (or the status given to exit), not with a framework stop code.
     */
    @Override
    public Integer call() throws LaunchException {
        System.clearProperty(EXIT_STATUS_PROPERTY);
        try (Workbench running = workbench.start(List.of(WORKBENCH_FEATURE), true)) {
            running.awaitStop();
        }
        return Integer.getInteger(EXIT_STATUS_PROPERTY, Main.OK);
    }
}
