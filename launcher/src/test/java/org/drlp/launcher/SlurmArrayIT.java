package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Slurm (.ci/slurm-up.sh starts one on this host): a 24-run sweep as an array of
 * 4 tasks gives, once its merge job has run, exactly the objectives of a local run of the same
 * spec; and a cancelled task's runs, and only they, are run by {@code --resume}. Skipped, saying
 * why, where sbatch is not on the PATH or the controller does not answer.
 */
class SlurmArrayIT {

    private static final int TASKS = 4;
    private static final int RUNS = 24;
    private static final long JOB_WAIT_SECONDS = 600;

    @TempDir
    Path temp;

    // per test, not @BeforeAll: an assumption there reports no test at all, a silent skip
    @BeforeEach
    void slurmAnswers() {
        assumeTrue(run(List.of("sbatch", "--version"), 30).status == 0,
                "Slurm is not available: sbatch is not on the PATH (start one with .ci/slurm-up.sh)");
        Result ping = run(List.of("scontrol", "ping"), 30);
        assumeTrue(ping.status == 0 && ping.output.contains("UP"),
                "Slurm is not available: the controller does not answer (scontrol ping: " + ping.output.trim()
                        + "; start one with .ci/slurm-up.sh)");
    }

    @Test
    void anArrayOfFourTasksGivesTheObjectivesOfALocalRun() throws IOException {
        Path spec = spec();
        Path sweep = temp.resolve("sweep");
        String[] jobs = submit(spec, sweep);
        awaitJob(jobs[1]);

        Map<Integer, Double> merged = objectives(sweep);
        assertEquals(RUNS, merged.size(), "every run merged");
        assertEquals(local(spec), merged, "the same objectives, run by run, as a local run");
        assertEquals(List.of(), missing(sweep));
        for (int task = 0; task < TASKS; task++) {
            Path shard = sweep.resolve("shards").resolve(String.format("%03d", task));
            for (int index : objectives(shard).keySet()) assertEquals(task, index % TASKS, "run " + index + " in its shard");
        }
    }

    @Test
    void resumeRerunsExactlyTheRunsOfACancelledTask() throws IOException {
        Path spec = spec();
        Path sweep = temp.resolve("sweep");
        String[] jobs = submit(spec, sweep);
        int cancelled = TASKS - 1; // pending on a small node: cancelled before it starts, or during its runs
        assertEquals(0, run(List.of("scancel", jobs[0] + "_" + cancelled), 30).status, "scancel");
        awaitJob(jobs[1]);

        Path shard = sweep.resolve("shards").resolve(String.format("%03d", cancelled));
        Map<Integer, JsonObject> before = records(shard);
        Set<Integer> expected = new TreeSet<>();
        for (int index = cancelled; index < RUNS; index += TASKS) {
            JsonObject record = before.get(index);
            if (record == null || record.get("status").getAsString().equals("INTERRUPTED")) expected.add(index);
        }
        assertFalse(expected.isEmpty(), "the cancelled task left runs to do (cancelled too late to show anything)");
        assertEquals(new ArrayList<>(expected), missing(sweep), "the merge job reports the cancelled task's runs missing");

        Result resume = drlp("run", spec.toString(), "--out", shard.toString(), "--shard", cancelled + "/" + TASKS,
                "--resume", "--quiet");
        assertEquals(0, resume.status, resume.output);
        Map<Integer, JsonObject> after = records(shard);
        Set<Integer> rerun = new TreeSet<>();
        after.forEach((index, record) -> {
            if (!record.equals(before.get(index))) rerun.add(index);
        });
        assertEquals(expected, rerun, "--resume ran exactly the runs the cancelled task had not finished");

        Result merge = drlp("merge", sweep.toString());
        assertEquals(0, merge.status, merge.output);
        assertEquals(local(spec), objectives(sweep), "complete now, with a local run's objectives");
    }

    /** 12 quantiles x 2 pivot rules of the stack-loss data. */
    private Path spec() throws IOException {
        Path data = Path.of(System.getProperty("drlp.examples"), "data", "stackloss.csv").toAbsolutePath().normalize();
        String text = """
                {"name": "slurm-quantiles",
                 "data": {"source": "csv", "path": "%s", "target": "stack.loss"},
                 "model": {"type": "linear", "intercept": true},
                 "loss": {"type": "quantile", "tau": 0.5},
                 "solver": {"pivot": "dantzig"},
                 "sweep": {"loss.tau": [0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9],
                           "solver.pivot": ["dantzig", "steepest-edge"]}}
                """.formatted(data.toString().replace("\\", "\\\\"));
        Path spec = temp.resolve("quantiles.json");
        Files.writeString(spec, text);
        return spec;
    }

    private String[] submit(Path spec, Path sweep) {
        Result submit = drlp("slurm", "submit", spec.toString(), "--out", sweep.toString(), "--tasks",
                Integer.toString(TASKS));
        assertEquals(0, submit.status, submit.output);
        String[] lines = submit.output.trim().split("\\R");
        String[] ids = lines[lines.length - 1].trim().split(" ");
        assertEquals(2, ids.length, submit.output);
        return ids;
    }

    private Map<Integer, Double> local(Path spec) {
        Path local = temp.resolve("local");
        Result run = drlp("run", spec.toString(), "--out", local.toString(), "--quiet");
        assertEquals(0, run.status, run.output);
        Map<Integer, Double> objectives = objectives(local);
        assertEquals(RUNS, objectives.size());
        return objectives;
    }

    private static void awaitJob(String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Result queue = run(List.of("squeue", "-h", "-j", id), 30);
            if (queue.status != 0 || queue.output.isBlank()) return;
            sleep(2_000);
        }
        throw new AssertionError("job " + id + " did not end within " + JOB_WAIT_SECONDS + " s");
    }

    private static Map<Integer, JsonObject> records(Path folder) {
        Map<Integer, JsonObject> records = new TreeMap<>();
        Path file = folder.resolve("results.json");
        if (!Files.exists(file)) return records;
        for (JsonElement run : read(file).getAsJsonArray("runs")) {
            records.put(run.getAsJsonObject().get("index").getAsInt(), run.getAsJsonObject());
        }
        return records;
    }

    private static Map<Integer, Double> objectives(Path folder) {
        Map<Integer, Double> objectives = new TreeMap<>();
        records(folder).forEach((index, run) -> {
            assertEquals("OPTIMAL", run.get("status").getAsString(), "run " + index);
            objectives.put(index, run.get("objective").getAsDouble());
        });
        assertTrue(Files.exists(folder.resolve("summary.csv")), folder + "/summary.csv");
        return objectives;
    }

    private static List<Integer> missing(Path sweep) {
        List<Integer> missing = new ArrayList<>();
        read(sweep.resolve("results.json")).getAsJsonArray("missing").forEach(index -> missing.add(index.getAsInt()));
        return missing;
    }

    private static JsonObject read(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static Result drlp(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("drlp.jar")));
        command.addAll(List.of(arguments));
        return run(command, JOB_WAIT_SECONDS);
    }

    private record Result(int status, String output) { }

    private static Result run(List<String> command, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + ": timed out");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
