package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set} on run, validate and slurm submit, {@code --jobs auto}, and the bad input of the
 * cluster commands: each a one-line error, nothing written.
 */
class CommandLineCompositionTest extends ConsoleCapture {

    @TempDir
    Path temp;

    /** Five quantile levels times two pivot rules. */
    private static final String SPEC = Path.of("..", "examples", "stackloss", "quantiles.json").toString();

    @Test
    void validateWithSetCountsTheRunsOfTheChangedSpec() {
        assertEquals(Main.OK, drlp("validate", SPEC, "--set", "solver.pivot=bland"), err::toString);
        assertTrue(out.toString().trim().endsWith("valid, 5 runs"), out::toString);
        assertEquals(Main.OK, drlp("validate", SPEC, "--set", "loss.tau=0.3", "--set", "solver.pivot=bland",
                "--set", "solver.lineSearch.type=crossing"), err::toString);
        assertTrue(out.toString().trim().endsWith("valid, 1 run"), out::toString);
    }

    @Test
    void aBadSetIsOneLineNamingIt() {
        assertEquals(Main.ERROR, drlp("validate", SPEC, "--set", "loss.tau=abc"));
        assertEquals(SPEC + ": --set loss.tau=abc (loss.tau): loss \"quantile\": parameter \"tau\" = \"abc\" is not allowed; allowed (0, 1) or \"process\"",
                err.toString().trim());
        err.getBuffer().setLength(0);
        assertEquals(Main.ERROR, drlp("validate", SPEC, "--set", "solver.pivot=fastest"));
        String unknown = err.toString().trim();
        assertEquals(1, unknown.lines().count(), unknown);
        assertTrue(unknown.startsWith(SPEC + ": --set solver.pivot=fastest (solver.pivot): unknown pivot rule \"fastest\"; "
                + "available: ") && unknown.contains("dantzig"), unknown);
    }

    @Test
    void runWithSetAndJobsAutoRecordsTheOverrides() throws Exception {
        Path results = temp.resolve("out");
        assertEquals(Main.OK, drlp("run", SPEC, "--out", results.toString(), "--jobs", "auto", "--quiet",
                "--set", "loss.tau=0.3", "--set", "solver.pivot=bland"), err::toString);
        JsonObject json = JsonParser.parseString(Files.readString(results.resolve("results.json"))).getAsJsonObject();
        assertEquals(1, json.getAsJsonArray("runs").size());
        assertEquals(List.of("loss.tau=0.3", "solver.pivot=bland"),
                json.getAsJsonArray("overrides").asList().stream().map(e -> e.getAsString()).toList());
        JsonObject config = json.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonObject("config");
        assertEquals(0.3, config.getAsJsonObject("loss").get("tau").getAsDouble(), 0.0);
        assertEquals("bland", config.getAsJsonObject("solver").getAsJsonObject("pivot").get("type").getAsString());
    }

    @Test
    void jobsAutoIsEveryCoreAndAnythingElseButANumberIsRefused() {
        assertEquals(Runtime.getRuntime().availableProcessors(), RunCommand.jobs("auto"));
        assertEquals(3, RunCommand.jobs("3"));
        assertEquals("--jobs must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> RunCommand.jobs("0")).getMessage());
        Path results = temp.resolve("out");
        assertEquals(Main.USAGE, drlp("run", SPEC, "--out", results.toString(), "--jobs", "many"));
        assertTrue(err.toString().startsWith("--jobs takes a number of runs at a time or auto (one per core), not \"many\""),
                err::toString);
        assertFalse(Files.exists(results), "nothing written");
    }

    @Test
    void submitPassesTheOverridesToEveryTaskAndCountsTheirRuns() {
        Path sweep = temp.resolve("sweep");
        assertEquals(Main.OK, drlp("slurm", "submit", SPEC, "--out", sweep.toString(), "--tasks", "5",
                "--set", "solver.pivot=bland", "--set", "model.intercept=false", "--dry-run"), err::toString);
        assertTrue(out.toString().contains(" --set 'solver.pivot=bland' --set 'model.intercept=false' --out "), out::toString);
        assertFalse(Files.exists(sweep), "nothing written");
        assertEquals(Main.USAGE, drlp("slurm", "submit", SPEC, "--out", sweep.toString(), "--tasks", "6",
                "--set", "solver.pivot=bland", "--dry-run"));
        assertTrue(err.toString().startsWith("--tasks 6 is more than the sweep's 5 runs"), err::toString);
    }

    @Test
    void anUnwritableOutputFolderIsOneLineAndTouchesNothing() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "kept\n");
        assertEquals(Main.ERROR, drlp("run", SPEC, "--out", file.resolve("out").toString(), "--quiet"));
        String message = err.toString().trim();
        assertTrue(message.startsWith("drlp: cannot write results to " + file.resolve("out") + ": "), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals("kept\n", Files.readString(file));

        err.getBuffer().setLength(0);
        assertEquals(Main.ERROR, drlp("slurm", "submit", SPEC, "--out", file.resolve("sweep").toString(), "--tasks", "2"));
        message = err.toString().trim();
        assertTrue(message.startsWith("drlp: slurm submit: cannot write the scripts into " + file.resolve("sweep")), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals("kept\n", Files.readString(file));

        Path results = temp.resolve("results");
        assertEquals(Main.OK, drlp("run", SPEC, "--out", results.toString(), "--quiet", "--only", "0"), err::toString);
        String before = Files.readString(results.resolve("results.json"));
        err.getBuffer().setLength(0);
        assertEquals(Main.ERROR, drlp("merge", results.toString(), "--out", file.resolve("merged").toString()));
        message = err.toString().trim();
        assertTrue(message.startsWith("drlp: merge: "), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals(before, Files.readString(results.resolve("results.json")), "the merged folder untouched");
        assertEquals("kept\n", Files.readString(file));
    }

    @Test
    void mergingFoldersOfDifferentSpecsIsOneLineAndWritesNothing() throws Exception {
        Path first = temp.resolve("first"), second = temp.resolve("second"), merged = temp.resolve("merged");
        assertEquals(Main.OK, drlp("run", SPEC, "--out", first.toString(), "--quiet", "--only", "0"), err::toString);
        assertEquals(Main.OK, drlp("run", SPEC, "--out", second.toString(), "--quiet", "--only", "1",
                "--set", "model.intercept=false"), err::toString);
        err.getBuffer().setLength(0);
        assertEquals(Main.ERROR, drlp("merge", first.toString(), second.toString(), "--out", merged.toString()));
        String message = err.toString().trim();
        assertTrue(message.startsWith("drlp: merge: ") && message.contains("hold results of different specs (spec hash sha256:")
                && message.endsWith("merge only folders of one spec"), message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(Files.exists(merged), "nothing written");
    }

    @Test
    void sbatchMissingOrRefusingIsOneLineWithItsMessage() throws Exception {
        SlurmSubmitCommand.Sbatch.Refused missing = assertThrows(SlurmSubmitCommand.Sbatch.Refused.class,
                () -> SlurmSubmitCommand.Sbatch.submit(temp.resolve("no-sbatch").toString(), List.of("x.sh")));
        assertTrue(missing.getMessage().startsWith("sbatch not found on the PATH"), missing.getMessage());
        Path refusing = temp.resolve("sbatch");
        Files.writeString(refusing, "#!/bin/sh\necho 'sbatch: error: invalid partition specified: short' >&2\n"
                + "echo 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2\nexit 1\n");
        assertTrue(refusing.toFile().setExecutable(true));
        SlurmSubmitCommand.Sbatch.Refused refused = assertThrows(SlurmSubmitCommand.Sbatch.Refused.class,
                () -> SlurmSubmitCommand.Sbatch.submit(refusing.toString(), List.of("drlp-array.sh")));
        assertEquals("sbatch refused drlp-array.sh: sbatch: error: invalid partition specified: short; "
                + "sbatch: error: Batch job submission failed: Invalid partition name specified", refused.getMessage());
    }
}
