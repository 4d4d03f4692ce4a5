package org.drlp.launcher;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.SolveStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Runs done, failed and interrupted in each shard of a sweep submitted with slurm submit, "
                + "and its jobs' states from squeue when there is one.")
final class SlurmStatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The sweep's folder (slurm submit --out).")
    Path folder;

    @Spec
    CommandSpec spec;

    /** What one shard's results.json holds. */
    private record Shard(String name, int done, int failed, int interrupted, int sweepRuns) { }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path shardsFolder = folder.resolve("shards");
        Map<String, String> jobs = jobs();
        int tasks = jobs.containsKey("tasks") ? Integer.parseInt(jobs.get("tasks")) : -1;
        List<Shard> shards = new ArrayList<>();
        if (Files.isDirectory(shardsFolder)) {
            try (Stream<Path> children = Files.list(shardsFolder)) {
                for (Path child : children.sorted().toList()) {
                    Shard shard = read(child);
                    if (shard != null) shards.add(shard);
                }
            } catch (IOException e) {
                err.println("drlp: slurm status: cannot read " + shardsFolder + ": " + IoReason.of(e));
                return Main.ERROR;
            }
        } else if (jobs.isEmpty()) {
            err.println("drlp: slurm status: " + folder + " holds no sweep submitted with drlp slurm submit "
                    + "(no shards/ and no slurm/jobs)");
            return Main.ERROR;
        }
        int sweepRuns = shards.isEmpty() ? -1 : shards.get(0).sweepRuns();
        int done = 0, failed = 0, interrupted = 0;
        for (Shard shard : shards) {
            done += shard.done();
            failed += shard.failed();
            interrupted += shard.interrupted();
            int size = tasks > 0 ? shardSize(sweepRuns, Integer.parseInt(shard.name()), tasks) : -1;
            out.printf(Locale.ROOT, "shard %s: %d%s done, %d failed, %d interrupted%n", shard.name(), shard.done(),
                    size < 0 ? "" : " of " + size, shard.failed(), shard.interrupted());
        }
        if (sweepRuns >= 0) {
            out.printf(Locale.ROOT, "%d runs: %d done, %d failed, %d interrupted, %d not finished, in %d of %s shards%n",
                    sweepRuns, done, failed, interrupted, sweepRuns - done - failed, shards.size(),
                    tasks > 0 ? Integer.toString(tasks) : "?");
        } else {
            out.println("no shard has finished a run yet");
        }
        for (String role : List.of("array", "merge")) {
            String id = jobs.get(role);
            if (id != null) out.println(role + " job " + id + ": " + squeue(id));
        }
        out.flush();
        return Main.OK;
    }

    /** The indices {@code i < runs} with {@code i mod tasks == shard}. */
    private static int shardSize(int runs, int shard, int tasks) {
        return runs <= shard ? 0 : (runs - 1 - shard) / tasks + 1;
    }

    private static Shard read(Path shardFolder) throws IOException {
        Path file = shardFolder.resolve("results.json");
        if (!Files.exists(file)) return null;
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a results file: " + e.getMessage(), e);
        }
        int done = 0, failed = 0, interrupted = 0;
        for (JsonElement element : root.getAsJsonArray("runs")) {
            JsonObject run = element.getAsJsonObject();
            SolveStatus status = SolveStatus.valueOf(run.get("status").getAsString());
            String message = run.get("message").isJsonNull() ? null : run.get("message").getAsString();
            if (status == SolveStatus.INTERRUPTED) interrupted++;
            else if (ExperimentSummary.Run.isFailure(status, message)) failed++;
            else done++;
        }
        JsonElement sweepRuns = root.get("sweepRuns");
        return new Shard(shardFolder.getFileName().toString(), done, failed, interrupted,
                sweepRuns == null ? -1 : sweepRuns.getAsInt());
    }

    /** slurm/jobs: "array ID TASKS" and "merge ID" lines, as submit wrote them. */
    private Map<String, String> jobs() {
        Map<String, String> jobs = new TreeMap<>();
        Path file = folder.resolve(SlurmScripts.LOG_FOLDER).resolve(SlurmScripts.JOBS_FILE);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2) jobs.put(words[0], words[1]);
                if (words.length >= 3 && words[0].equals("array")) jobs.put("tasks", words[2]);
            }
        } catch (IOException e) {
            // not submitted from here: the shards alone tell the status
        }
        return jobs;
    }

    /** The job's tasks' states from squeue, counted; "ended" when squeue no longer lists it. */
    private static String squeue(String jobId) {
        Process process;
        try {
            process = new ProcessBuilder("squeue", "-h", "-j", jobId, "-r", "-o", "%T")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return "squeue not found on the PATH";
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                return "squeue did not answer";
            }
            if (process.exitValue() != 0) {
                return output.contains("Invalid job id") ? "ended" : "squeue: " + output.replaceAll("\\s*\\R\\s*", "; ");
            }
            if (output.isEmpty()) return "ended (not in squeue)";
            Map<String, Integer> states = new TreeMap<>();
            for (String state : output.split("\\R")) states.merge(state.trim(), 1, Integer::sum);
            List<String> parts = new ArrayList<>();
            states.forEach((state, count) -> parts.add(count + " " + state));
            return String.join(", ", parts);
        } catch (IOException e) {
            return "squeue: " + IoReason.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
