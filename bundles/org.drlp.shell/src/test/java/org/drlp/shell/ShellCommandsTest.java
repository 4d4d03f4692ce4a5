package org.drlp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.ParameterSpec;
import org.drlp.api.PluginDescription;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command functions called directly, on fake services: no Gogo session is needed. */
class ShellCommandsTest {

    @TempDir
    Path temp;

    private final List<PluginDescription> plugins = List.of(
            new PluginDescription("loss", "absolute", "absolute residual", List.of(), "org.drlp.loss", "0.1.0"),
            new PluginDescription("pivot", "steepest-edge", "most negative slope per length",
                    List.of(ParameterSpec.integer("k", 8L, "")), "org.example.drlp.best.of.k", "1.0.0"));

    /** Two runs, the second failing, reported to the listener as the real service does. */
    private final ExperimentService twoRuns = new ExperimentService() {
        @Override
        public int validate(Path spec) {
            return 2;
        }

        @Override
        public void stop() {
        }

        @Override
        public org.drlp.api.MergeReport merge(java.util.List<Path> folders, Path out) {
            throw new UnsupportedOperationException("the shell does not merge");
        }

        @Override
        public int predict(Path out, int index, Path data, Path predictions) {
            return out.equals(Path.of("out")) && index == 3 && data.equals(Path.of("new.csv")) ? 12 : -1;
        }

        @Override
        public ExperimentSummary run(Path spec, Path out, RunListener listener, RunOptions options) {
            listener.experimentStarted("demo", 2);
            listener.runStarted(0, "000 tau=0.5");
            listener.runFinished(0, "000 tau=0.5", SolveStatus.OPTIMAL, 14518.0 / 345, 0.25, null);
            listener.runStarted(1, "001 tau=0.9");
            listener.runFinished(1, "001 tau=0.9", SolveStatus.FAILED, Double.NaN, 0.5, "boom");
            return new ExperimentSummary("demo", out, List.of(
                    new ExperimentSummary.Run("000 tau=0.5", SolveStatus.OPTIMAL, 14518.0 / 345, 7, 0.25, null),
                    new ExperimentSummary.Run("001 tau=0.9", SolveStatus.FAILED, Double.NaN, 0, 0.5, "boom")));
        }
    };

    private final ShellCommands commands = new ShellCommands(() -> plugins, twoRuns);

    @Test
    void pluginsListsRoleNameDescriptionAndBundle() {
        String[] lines = commands.plugins().split("\n");

        assertEquals(2, lines.length);
        assertEquals("loss    absolute       absolute residual  [org.drlp.loss 0.1.0]", lines[0]);
        assertEquals("pivot   steepest-edge  most negative slope per length  [org.example.drlp.best.of.k 1.0.0]",
                lines[1]);
    }

    @Test
    void runPrintsALinePerFinishedRunWithTheReasonUnderAFailedOneAndReturnsTheSummary() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        String summary = commands.run(Path.of("spec.json"), temp, new PrintStream(progress, true, StandardCharsets.UTF_8));

        String[] lines = progress.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("[1/2] 000 tau=0.5  OPTIMAL  objective 42.0811594202899"), lines[0]);
        assertTrue(lines[1].startsWith("[2/2] 001 tau=0.9  FAILED"), lines[1]);
        assertEquals("      boom", lines[2]);
        assertEquals("demo: 2 runs, 1 failed; results in " + temp.resolve("results.json"), summary);
    }

    @Test
    void resultsSummarisesTheResultsFileOfAFolder() throws IOException {
        Files.writeString(temp.resolve("results.json"), """
                {"name": "stackloss-median", "runs": [
                  {"index": 0, "label": "000", "status": "OPTIMAL", "objective": 42.08115942028985,
                   "iterations": 5, "seconds": 0.0123, "message": null},
                  {"index": 1, "label": "001 solver.pivot=broken", "status": "FAILED", "objective": null,
                   "iterations": 0, "seconds": 0.5, "message": "boom"}]}
                """);

        String[] lines = commands.results(temp.toString()).split("\n");

        assertEquals("stackloss-median: 2 runs, 1 failed", lines[0]);
        assertEquals(List.of("label", "status", "objective", "iterations", "seconds"),
                List.of(lines[1].trim().split("\\s+")));
        assertEquals(List.of("000", "OPTIMAL", "42.0811594202899", "5", "0.012"), List.of(lines[2].trim().split("\\s+")));
        assertEquals(List.of("001", "solver.pivot=broken", "FAILED", "NaN", "0", "0.500"),
                List.of(lines[3].trim().split("\\s+")));
    }

    @Test
    void predictHandsItsArgumentsToTheServiceAndSaysWhereThePredictionsAre() throws Exception {
        assertEquals("run 003: 12 rows predicted; written to p.csv", commands.predict("out", 3, "new.csv", "p.csv"));
    }

    @Test
    void resultsOfAFolderWithoutResultsSaysSo() {
        IOException e = assertThrows(IOException.class, () -> commands.results(temp.toString()));

        assertEquals("no results.json in " + temp, e.getMessage());
    }

    @Test
    void pluginsOfARoleOrANameAndAnUnknownOneListsTheRoles() {
        assertTrue(commands.plugins("pivot").contains("steepest-edge"));
        assertTrue(!commands.plugins("pivot").contains("absolute"));
        assertTrue(commands.plugins("absolute").contains("absolute residual"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> commands.plugins("nope"));
        assertEquals("no role or plugin \"nope\"; the roles are loss, pivot", unknown.getMessage());
    }

    @Test
    void completionOffersTheRolesThenThePluginNames() {
        assertEquals(List.of("loss", "pivot", "absolute", "steepest-edge"), new ShellCompletions(() -> plugins).names());
    }
}
