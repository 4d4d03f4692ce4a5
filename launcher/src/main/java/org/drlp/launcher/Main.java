package org.drlp.launcher;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar drlp.jar COMMAND ...}: runs, validates, lists and opens a shell on an embedded Felix. */
@Command(name = "drlp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, ShellCommand.class,
                CommandLine.HelpCommand.class},
        description = "Deep ReLU Programming workbench: exact vertex-walk minimisation of piecewise-linear objectives.")
public final class Main implements Runnable {

    /** Every run ended without failure. */
    static final int OK = 0;
    /** The spec, the data or the workbench could not be set up; nothing ran. */
    static final int ERROR = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** The experiment ran, but at least one run failed (see results.json). */
    static final int RUNS_FAILED = 3;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("drlp: " + (e instanceof LaunchException ? e.getMessage() : e.toString()));
            return ERROR;
        });
        return commandLine.execute(args);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, validate, plugins or shell");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"drlp " + (version == null ? "(development build)" : version)};
        }
    }
}
