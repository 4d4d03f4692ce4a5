package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.drlp.api.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Validate a spec, write an sbatch array script (one shard per task) and a merge script into DIR, "
                + "and submit both, the merge after the array (afterany); prints the job ids.")
final class SlurmSubmitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "Experiment spec (JSON).")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The sweep's folder: scripts, slurm/ (logs, job ids), shards/NNN, and the merged results.")
    Path folder;

    @Option(names = "--tasks", required = true, paramLabel = "N", description = "Array tasks, one shard each.")
    int tasks;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit per task, as sbatch takes it (00:30:00).")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
            description = "CPUs per task, also its runs at a time (--jobs); default ${DEFAULT-VALUE}.")
    int cpusPerTask;

    @Option(names = "--dry-run", description = "Print the scripts; write and submit nothing.")
    boolean dryRun;

    @Mixin
    SetOptions set;

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        if (tasks < 1) throw new ParameterException(spec.commandLine(), "--tasks must be at least 1, not " + tasks);
        if (cpusPerTask < 1) {
            throw new ParameterException(spec.commandLine(), "--cpus-per-task must be at least 1, not " + cpusPerTask);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int runs;
        try (Workbench running = workbench.start()) {
            runs = running.experiments().validate(specFile, set.assignments);
        } catch (SpecException e) {
            err.println(e.getMessage());
            return Main.ERROR;
        }
        if (tasks > runs) {
            throw new ParameterException(spec.commandLine(), "--tasks " + tasks + " is more than the sweep's " + runs
                    + (runs == 1 ? " run" : " runs") + ": some tasks would have nothing to do");
        }
        Path absolute = folder.toAbsolutePath().normalize();
        SlurmScripts scripts = new SlurmScripts(Path.of(System.getProperty("java.home"), "bin", "java"), jar(),
                specFile.toAbsolutePath().normalize(), absolute, tasks, partition, time, cpusPerTask,
                set.assignments);
        String name = specFile.getFileName().toString().replaceFirst("\\.json$", "");
        if (dryRun) {
            out.println("# " + absolute.resolve(SlurmScripts.ARRAY_SCRIPT));
            out.print(scripts.array(name));
            out.println("# " + absolute.resolve(SlurmScripts.MERGE_SCRIPT) + " (sbatch --dependency=afterany:ARRAY_JOB_ID)");
            out.print(scripts.merge(name));
            out.flush();
            return Main.OK;
        }
        Path arrayScript = absolute.resolve(SlurmScripts.ARRAY_SCRIPT);
        Path mergeScript = absolute.resolve(SlurmScripts.MERGE_SCRIPT);
        try {
            Files.createDirectories(absolute.resolve(SlurmScripts.LOG_FOLDER));
            Files.writeString(arrayScript, scripts.array(name), StandardCharsets.UTF_8);
            Files.writeString(mergeScript, scripts.merge(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("drlp: slurm submit: cannot write the scripts into " + folder + ": " + IoReason.of(e));
            return Main.ERROR;
        }
        String arrayJob;
        String mergeJob;
        try {
            arrayJob = Sbatch.submit(List.of(arrayScript.toString()));
        } catch (Sbatch.Refused e) {
            err.println("drlp: slurm submit: " + e.getMessage());
            return Main.ERROR;
        }
        try {
            mergeJob = Sbatch.submit(List.of("--dependency=afterany:" + arrayJob, mergeScript.toString()));
        } catch (Sbatch.Refused e) {
            err.println("drlp: slurm submit: array job " + arrayJob + " submitted, but not its merge: " + e.getMessage()
                    + "; merge by hand once it ends: drlp merge " + folder);
            return Main.ERROR;
        }
        try {
            Files.writeString(absolute.resolve(SlurmScripts.LOG_FOLDER).resolve(SlurmScripts.JOBS_FILE),
                    "array " + arrayJob + " " + tasks + "\nmerge " + mergeJob + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("drlp: slurm submit: jobs submitted, but their ids not recorded (slurm status will not ask "
                    + "squeue): " + IoReason.of(e));
        }
        out.println("array job " + arrayJob + " (" + tasks + " tasks, " + runs + " runs) and merge job " + mergeJob
                + " submitted; follow with: drlp slurm status " + folder);
        out.println(arrayJob + " " + mergeJob);
        return Main.OK;
    }

    /** The jar this launcher runs from, which the tasks run too. */
    private static Path jar() throws LaunchException {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException e) {
            throw new LaunchException("cannot tell where drlp.jar is", e);
        }
    }

    /** Runs sbatch --parsable; one line of its refusal otherwise. */
    static final class Sbatch {
        private Sbatch() {
        }

        static final class Refused extends Exception {
            private static final long serialVersionUID = 1L;

            Refused(String message) {
                super(message);
            }
        }

        static String submit(List<String> arguments) throws Refused {
            return submit("sbatch", arguments);
        }

        /** @param sbatch  the sbatch to run, found on the PATH when it has no folder */
        static String submit(String sbatch, List<String> arguments) throws Refused {
            List<String> command = new ArrayList<>(List.of(sbatch, "--parsable"));
            command.addAll(arguments);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new Refused("sbatch not found on the PATH (is Slurm installed here? --dry-run prints the scripts)");
            }
            String output;
            int status;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                status = process.waitFor();
            } catch (IOException e) {
                throw new Refused("cannot read sbatch's answer: " + IoReason.of(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused("interrupted while waiting for sbatch");
            }
            String oneLine = output.replaceAll("\\s*\\R\\s*", "; ");
            if (status != 0) throw new Refused("sbatch refused " + arguments.get(arguments.size() - 1) + ": " + oneLine);
            String[] lines = output.split("\\R");
            String id = lines[lines.length - 1].split(";")[0].trim();
            if (!id.matches("\\d+")) throw new Refused("sbatch answered \"" + oneLine + "\", not a job id");
            return id;
        }
    }
}
