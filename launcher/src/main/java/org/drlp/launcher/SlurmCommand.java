package org.drlp.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code drlp slurm submit|status}: a sweep as a Slurm array job, one shard per task, merged at the end. */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        subcommands = {SlurmSubmitCommand.class, SlurmStatusCommand.class, CommandLine.HelpCommand.class},
        description = "Run a sweep on a Slurm cluster as an array job, one shard per task, merged by a dependent job.")
final class SlurmCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: submit or status");
    }
}
