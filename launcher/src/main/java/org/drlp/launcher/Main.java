package org.drlp.launcher;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar drlp.jar COMMAND ...}: runs, validates, lists and opens a shell on an embedded Felix. */
@Command(name = "drlp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, PredictCommand.class, MergeCommand.class, SlurmCommand.class, ValidateCommand.class, ReportCommand.class,
                PluginsCommand.class, ShellCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        description = "Deep ReLU Programming workbench: exact vertex-walk minimisation of piecewise-linear objectives.")
public final class Main implements Runnable {

    /** Every run ended certified or at a limit the spec set (see {@link RunVerdict}). */
    static final int OK = 0;
    /** The spec, the data or the workbench could not be set up; nothing ran. */
    static final int ERROR = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** The experiment ran, but at least one run failed: FAILED, NUMERICAL_FAILURE, UNBOUNDED, INFEASIBLE or abandoned. */
    static final int RUNS_FAILED = 3;
    /**
     * Not every run ran: the experiment was stopped (SIGINT, SIGTERM) and its in-flight runs ended
     * INTERRUPTED, or a merge found runs missing. {@code run --resume} or the missing shards finish it.
     */
    static final int INCOMPLETE = 4;

    public static void main(String[] args) {
        int status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        StopOnSignal.exiting(status); // a signal's shutdown hook, if one runs, ends the JVM with this status
        System.exit(status);
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new UnknownOptionFirst(commandLine.getParameterExceptionHandler()));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("drlp: " + (e instanceof LaunchException ? e.getMessage() : e.toString()));
            if (debugging(cmd)) {
                (e instanceof LaunchException && e.getCause() != null ? e.getCause() : e).printStackTrace(err);
            } else if (!(e instanceof LaunchException) || e.getCause() != null) {
                err.println("drlp: --debug prints the stack trace");
            }
            err.flush();
            return ERROR;
        });
        return commandLine.execute(args);
    }

    /** True when the command that failed was given --debug. */
    private static boolean debugging(CommandLine command) {
        CommandLine.Model.OptionSpec debug = command.getCommandSpec().findOption("--debug");
        return debug != null && Boolean.TRUE.equals(debug.getValue());
    }

    /**
     * picocli checks required options before it reports unknown ones, so {@code --outt x} would
     * read "Missing required option: '--out=DIR'"; the unknown option is the real mistake.
     */
    private record UnknownOptionFirst(CommandLine.IParameterExceptionHandler standard)
            implements CommandLine.IParameterExceptionHandler {

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) throws Exception {
            CommandLine command = e.getCommandLine();
            if (e instanceof CommandLine.MissingParameterException && !command.getUnmatchedArguments().isEmpty()) {
                e = new CommandLine.UnmatchedArgumentException(command, command.getUnmatchedArguments());
            }
            return standard.handleParseException(e, args);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: run, predict, merge, slurm, validate, report, plugins, shell or serve");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"drlp " + (version == null ? "(development build)" : version) + ", commit " + commit()};
        }

        /**
         * The git commit the workbench was built from, as the experiment bundle (which records it in
         * every results.json) carries it in its manifest; "unknown" for a build outside a checkout.
         */
        static String commit() {
            for (var bundle : ClassPathFolder.list("bundles").entrySet()) {
                if (!bundle.getKey().startsWith("org.drlp.experiment-")) continue;
                try (java.util.jar.JarInputStream jar = new java.util.jar.JarInputStream(bundle.getValue().openStream())) {
                    java.util.jar.Manifest manifest = jar.getManifest();
                    String commit = manifest == null ? null : manifest.getMainAttributes().getValue("Drlp-Git-Commit");
                    if (commit != null && !commit.isBlank()) return commit.trim();
                } catch (java.io.IOException e) {
                    break;
                }
            }
            return "unknown";
        }
    }
}
