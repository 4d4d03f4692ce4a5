package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad shard and only values are one-line errors; submit --dry-run prints the scripts and writes nothing. */
class ShardAndSlurmOptionsTest extends ConsoleCapture {

    @TempDir
    Path temp;

    private static final String SPEC = Path.of("..", "examples", "stackloss", "quantiles.json").toString();

    @Test
    void aShardThatIsNotIOverNIsOneLine() {
        Path out = temp.resolve("out");
        assertEquals(Main.USAGE, drlp("run", SPEC, "--out", out.toString(), "--shard", "4/4"));
        assertEquals("drlp: --shard \"4/4\" is not I/N with 0 <= I < N", err.toString().trim());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void onlyOutOfRangeNamesTheSweepsIndices() {
        Path out = temp.resolve("out");
        assertEquals(Main.ERROR, drlp("run", SPEC, "--out", out.toString(), "--only", "3,7-12", "--quiet"));
        assertTrue(err.toString().trim().endsWith("--only 7-12 is out of range: the sweep has 10 runs (indices 0-9)"),
                err::toString);
        assertEquals(1, err.toString().trim().lines().count(), err::toString);
        assertFalse(Files.exists(out.resolve("results.json")), "nothing written");
    }

    @Test
    void dryRunPrintsTheArrayAndTheMergeScriptsAndWritesNothing() {
        Path sweep = temp.resolve("sweep");
        assertEquals(Main.OK, drlp("slurm", "submit", SPEC, "--out", sweep.toString(), "--tasks", "3",
                "--partition", "short", "--time", "00:30:00", "--cpus-per-task", "2", "--dry-run"), err::toString);
        String script = out.toString();
        assertTrue(script.contains("#SBATCH --array=0-2\n"), script);
        assertTrue(script.contains("#SBATCH --partition=short\n#SBATCH --time=00:30:00\n"), script);
        assertTrue(script.contains("--shard \"$SLURM_ARRAY_TASK_ID/3\" --jobs 2 --resume --quiet"), script);
        assertTrue(script.contains(" merge '" + sweep.toAbsolutePath().normalize() + "'\n"), script);
        assertFalse(Files.exists(sweep), "nothing written");
    }

    @Test
    void moreTasksThanRunsIsRefused() {
        assertEquals(Main.USAGE, drlp("slurm", "submit", SPEC, "--out", temp.resolve("s").toString(), "--tasks", "11",
                "--dry-run"));
        assertTrue(err.toString().startsWith("--tasks 11 is more than the sweep's 10 runs"), err::toString);
    }
}
