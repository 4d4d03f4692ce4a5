package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder belongs to one experiment: a second one, in this JVM or in another process, is
 * refused while the first runs; the spec being run is never overwritten by its copy; an earlier
 * experiment's results are refused, or deleted first when asked, never mixed with new ones.
 */
class OutputFolderTest {

    @TempDir
    Path directory;

    /** Ten runs without traces or plots. */
    private static final String QUICK = Specs.QUANTILES.replace("\"name\": \"quantiles\",",
            "\"name\": \"quantiles\", \"trace\": false,");

    private final TestPlugins plugins = new TestPlugins();

    @Test
    void aSecondExperimentInTheSameJvmIsRefusedWhileTheFirstRuns() throws Exception {
        Path spec = Specs.write(directory, "quantiles.json", QUICK);
        Path output = directory.resolve("out");
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch secondRefused = new CountDownLatch(1);
        RunListener waits = new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                firstRunStarted.countDown();
                try {
                    secondRefused.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CompletableFuture<ExperimentSummary> first = CompletableFuture.supplyAsync(() -> {
            try {
                return plugins.runner().run(spec, output, waits, new RunOptions(2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(firstRunStarted.await(30, TimeUnit.SECONDS));
        IOException refused = assertThrows(IOException.class,
                () -> plugins.runner().run(spec, output, RunListener.NONE, new RunOptions(1, true)));
        secondRefused.countDown();
        assertTrue(refused.getMessage().startsWith(output + " is in use by another experiment (pid "
                + ProcessHandle.current().pid() + " since "), refused.getMessage());
        assertTrue(refused.getMessage().contains("running " + spec.toAbsolutePath().normalize()), refused.getMessage());

        ExperimentSummary summary = first.get(60, TimeUnit.SECONDS);
        assertEquals(10, summary.runs().size());
        assertEquals(0, summary.failures());
        assertEquals(10, Specs.results(output).getAsJsonArray("runs").size(), "the refused one deleted nothing");
        assertEquals(11, Files.readAllLines(output.resolve("summary.csv")).size());
    }

    @Test
    void aFolderHeldByAnotherProcessIsRefusedNamingItsPidUntilThatProcessEnds() throws Exception {
        Path spec = Specs.write(directory, "quantiles.json", QUICK);
        Path output = directory.resolve("out");
        Process holder = holdInAnotherProcess(output, spec);
        try {
            IOException refused = assertThrows(IOException.class,
                    () -> plugins.runner().run(spec, output, RunListener.NONE));
            assertTrue(refused.getMessage().startsWith(output + " is in use by another experiment (pid "
                    + holder.pid() + " since "), refused.getMessage());
            assertFalse(Files.exists(output.resolve("results.json")), "nothing written beside the holder");
        } finally {
            holder.destroyForcibly(); // as kill -9: the OS releases the lock
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        ExperimentSummary summary = plugins.runner().run(spec, output, RunListener.NONE);
        assertEquals(10, summary.runs().size());
    }

    @Test
    void ofTwoProcessesStartedTogetherOnOneFolderOneHoldsItAndTheOtherIsRefused() throws Exception {
        Path spec = Specs.write(directory, "quantiles.json", QUICK);
        Path output = directory.resolve("out");
        List<Process> processes = List.of(start(output, spec), start(output, spec));
        try {
            List<String> said = new java.util.ArrayList<>();
            for (Process process : processes) {
                said.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine()); // "held", or null once the refused one has ended
            }
            assertEquals(1, said.stream().filter("held"::equals).count(), said.toString());
            Process holder = processes.get(said.indexOf("held"));
            Process refused = processes.get(1 - said.indexOf("held"));
            assertTrue(refused.waitFor(30, TimeUnit.SECONDS));
            String error = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(refused.exitValue() != 0, error);
            assertTrue(error.contains(output + " is in use by another experiment (pid " + holder.pid() + " since "),
                    error);
            holder.getOutputStream().close(); // ends it normally: it releases the folder
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        assertEquals(10, plugins.runner().run(spec, output, RunListener.NONE).runs().size());
    }

    @Test
    void theSpecBeingRunIsNeverOverwrittenByItsCopy() throws Exception {
        Path spec = Specs.write(directory, "spec.json", Specs.QUANTILES);
        byte[] before = Files.readAllBytes(spec);
        for (boolean overwrite : new boolean[] {false, true}) {
            IOException refused = assertThrows(IOException.class,
                    () -> plugins.runner().run(spec, directory, RunListener.NONE, new RunOptions(1, overwrite)));
            assertEquals(directory.resolve("spec.json") + " is the spec being run; the experiment would overwrite it "
                    + "with its copy of the spec: choose another output folder", refused.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(spec));
        assertFalse(Files.exists(directory.resolve("results.json")));

        // the spec's folder is a fine output folder when the spec has another name
        Path named = Specs.write(directory, "quantiles.json", Specs.QUANTILES);
        Files.delete(spec);
        assertEquals(10, plugins.runner().run(named, directory, RunListener.NONE).runs().size());
        assertTrue(Files.exists(directory.resolve("spec.json")));
    }

    @Test
    void anEarlierExperimentsResultsAreRefusedOrDeletedWhenAskedNeverMixed() throws Exception {
        Path ten = Specs.write(directory, "quantiles.json", Specs.QUANTILES);
        Path two = Specs.write(directory, "two.json", Specs.QUANTILES.replace("[0.1, 0.25, 0.5, 0.75, 0.9]", "[0.5]")
                .replace("\"quantiles\"", "\"two\""));
        Path output = directory.resolve("out");
        plugins.runner().run(ten, output, RunListener.NONE);
        Files.writeString(output.resolve("notes.txt"), "mine");
        byte[] earlier = Files.readAllBytes(output.resolve("results.json"));

        IOException refused = assertThrows(IOException.class, () -> plugins.runner().run(two, output, RunListener.NONE));
        assertEquals(output + " holds an earlier experiment's results (results.json, summary.csv, coefficients.csv, spec.json, runs/, "
                + "plots/); choose another output folder, finish them if they are this spec's (drlp run --resume), or delete them first (drlp run --overwrite)",
                refused.getMessage());
        assertArrayEquals(earlier, Files.readAllBytes(output.resolve("results.json")), "refused: nothing touched");
        assertEquals(10, runFolders(output).size());

        ExperimentSummary summary = plugins.runner().run(two, output, RunListener.NONE, new RunOptions(1, true));
        assertEquals(2, summary.runs().size());
        assertEquals(List.of("000", "001"), runFolders(output), "no run of the earlier experiment is left");
        assertEquals("two", Specs.results(output).get("name").getAsString());
        assertEquals(2, Specs.results(output).getAsJsonArray("runs").size());
        assertEquals(3, Files.readAllLines(output.resolve("summary.csv")).size());
        assertEquals("mine", Files.readString(output.resolve("notes.txt")), "only the experiment's own files go");
        try (Stream<Path> plots = Files.list(output.resolve("plots"))) {
            assertTrue(plots.allMatch(plot -> plot.getFileName().toString().startsWith("loss.tau=0.5")));
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedWithTheReason() throws Exception {
        Path spec = Specs.write(directory, "quantiles.json", QUICK);
        Path output = Files.writeString(directory.resolve("out"), "a file");
        IOException e = assertThrows(IOException.class, () -> plugins.runner().run(spec, output, RunListener.NONE));
        assertEquals(output + ": exists and is not a folder", e.getMessage());
    }

    private static List<String> runFolders(Path output) throws IOException {
        try (Stream<Path> runs = Files.list(output.resolve("runs"))) {
            return runs.map(run -> run.getFileName().toString()).sorted().toList();
        }
    }

    /** A JVM running {@link HoldOutputFolder}, once it holds the folder. */
    private static Process holdInAnotherProcess(Path output, Path spec) throws IOException {
        Process process = start(output, spec);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"held".equals(line)) {
            process.destroyForcibly();
            throw new IllegalStateException("the holding process said " + line + ": "
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return process;
    }

    private static Process start(Path output, Path spec) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldOutputFolder.class.getName(),
                output.toString(), spec.toString()).start();
    }
}
