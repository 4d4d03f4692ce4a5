package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.MergeReport;
import org.drlp.api.ReportService;
import org.drlp.api.SolveResult;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * {@code drlp merge}: the result folders of one spec (shards of a sweep, or whole folders) combined
 * into one. A folder given that has a {@value #SHARDS} subfolder stands for the folders in it, and
 * one without results.json for its subfolders that have one. Every check comes before anything is
 * written: one spec hash, the same summary.csv columns, no run finished in two folders. The merged
 * folder is what a run of the whole sweep leaves: results.json, summary.csv, spec.json, runs/NNN,
 * the sweep groups' overlays in plots/ and the comparison report in report/.
 */
final class ResultsMerge {

    /** Where {@code drlp slurm submit} puts the array tasks' folders, inside the sweep's folder. */
    static final String SHARDS = "shards";

    private ResultsMerge() {
    }

    /** @param reports  writes the comparison report as a sweep's run does; null: none installed, none written */
    static MergeReport merge(List<Path> given, Path outputDirectory, ReportService reports) throws IOException {
        List<RecordedResults> folders = new ArrayList<>();
        for (Path folder : expand(given)) folders.add(RecordedResults.readIfPresent(folder));
        RecordedResults first = folders.get(0);
        for (RecordedResults other : folders) {
            if (!other.specHash().equals(first.specHash())) {
                throw new IOException(first.folder() + " and " + other.folder() + " hold results of different specs "
                        + "(spec hash " + first.specHash() + " and " + other.specHash() + "); merge only folders of one spec");
            }
            if (!other.csvHeader().subList(0, Math.min(other.csvHeader().size(), fixedColumns(first)))
                    .equals(first.csvHeader().subList(0, fixedColumns(first)))) {
                throw new IOException(other.folder().resolve(SummaryCsvWriter.FILE_NAME) + " has other columns than "
                        + first.folder().resolve(SummaryCsvWriter.FILE_NAME) + "; merge only folders written by one drlp version");
            }
        }
        Map<Integer, JsonObject> runs = new TreeMap<>();
        Map<Integer, RecordedResults> source = new TreeMap<>();
        Map<Integer, List<Path>> duplicated = new TreeMap<>();
        for (RecordedResults folder : folders) {
            folder.finishedRuns().forEach((index, run) -> {
                RecordedResults earlier = source.get(index);
                if (earlier != null) {
                    duplicated.computeIfAbsent(index, i -> new ArrayList<>(List.of(earlier.folder()))).add(folder.folder());
                    return;
                }
                runs.put(index, run);
                source.put(index, folder);
            });
        }
        for (RecordedResults folder : folders) { // an INTERRUPTED record only where no folder finished the run
            folder.runs().forEach((index, run) -> {
                if (!runs.containsKey(index)) {
                    runs.put(index, run);
                    source.put(index, folder);
                }
            });
        }
        if (!duplicated.isEmpty()) {
            Map.Entry<Integer, List<Path>> example = duplicated.entrySet().iterator().next();
            throw new IOException((duplicated.size() == 1 ? "run " : "runs ") + ranges(duplicated.keySet())
                    + (duplicated.size() == 1 ? " is" : " are") + " finished in more than one folder (run "
                    + example.getKey() + " in " + join(example.getValue()) + "); merge each run once");
        }
        List<Integer> missing = new ArrayList<>();
        for (int index = 0; index < first.sweepRuns(); index++) {
            if (!runs.containsKey(index) || isInterrupted(runs.get(index))) missing.add(index);
        }
        SummaryCsvWriter summary = new SummaryCsvWriter(outputDirectory, first.name(), first.sweptPaths());
        CoefficientsCsvWriter coefficients = new CoefficientsCsvWriter(outputDirectory, first.name(), first.sweptPaths());
        if (!summary.sameColumns(first.csvHeader())) {
            throw new IOException(first.folder().resolve(SummaryCsvWriter.FILE_NAME) + " has other columns than this "
                    + "version of drlp writes; merge with the drlp that wrote it");
        }
        try (OutputFolder folder = OutputFolder.claim(outputDirectory, first.spec(), false, true)) {
            RecordedResults present = RecordedResults.readIfPresent(outputDirectory);
            if (present != null && !present.specHash().equals(first.specHash())) {
                throw new IOException(outputDirectory + " holds results of another spec (spec hash " + present.specHash()
                        + "); choose another output folder");
            }
            for (Map.Entry<Integer, RecordedResults> entry : source.entrySet()) {
                copyRunFolder(entry.getValue().folder(), outputDirectory, entry.getKey());
            }
            Path spec = first.folder().resolve(SpecSnapshot.FILE_NAME);
            if (Files.exists(spec) && !sameFolder(first.folder(), outputDirectory)) {
                Files.copy(spec, outputDirectory.resolve(SpecSnapshot.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
            ResultsWriter results = new ResultsWriter(outputDirectory, first.name(), first.spec(), Instant.now());
            results.annotate(ResultsWriter.SPEC_HASH, new JsonPrimitive(first.specHash()));
            results.annotate(ResultsWriter.SWEEP_RUNS, new JsonPrimitive(first.sweepRuns()));
            JsonArray swept = new JsonArray();
            first.sweptPaths().forEach(swept::add);
            results.annotate(ResultsWriter.SWEPT_PATHS, swept);
            results.annotate("selection", new JsonPrimitive("all"));
            JsonArray from = new JsonArray();
            folders.forEach(f -> from.add(f.folder().toAbsolutePath().normalize().toString()));
            results.annotate("mergedFrom", from);
            JsonArray missingJson = new JsonArray();
            missing.forEach(missingJson::add);
            results.annotate("missing", missingJson);
            List<ExperimentSummary.Run> summaryRuns = new ArrayList<>();
            runs.forEach((index, run) -> {
                results.keep(run);
                List<String> row = source.get(index).csvRows().get(index);
                if (row != null) summary.keep(index, row, CoefficientJson.fromRun(run));
                source.get(index).keepCoefficients(index, coefficients);
                summaryRuns.add(RecordedResults.summaryRun(run));
            });
            results.open();
            summary.open();
            summary.close();
            coefficients.open();
            coefficients.close();
            // the folder as a run of the whole sweep leaves it: overlays of the sweep groups and the report
            List<RunOutcome> outcomes = new ArrayList<>();
            runs.values().forEach(run -> outcomes.add(outcome(run, first.sweptPaths())));
            ObjectivePlots plots = new ObjectivePlots(outputDirectory, first.name(), overlay(outputDirectory), units(runs));
            List<String> warnings = new ArrayList<>(plots.plotGroups(SweepGroups.of(outcomes)));
            warnings.addAll(EndOfSweepReport.write(reports, outputDirectory, outcomes));
            results.finish(warnings);
            return new MergeReport(new ExperimentSummary(first.name(), outputDirectory, summaryRuns, first.sweptPaths()),
                    first.specHash(), first.sweepRuns(), missing);
        }
    }

    /**
     * A recorded run as the plots and the report see it: its swept values, repeat, result and trace
     * (the plugins are not resolved again, so the plan holds none).
     */
    private static RunOutcome outcome(JsonObject run, List<String> sweptPaths) {
        Map<String, JsonElement> values = new LinkedHashMap<>();
        JsonObject sweep = run.getAsJsonObject("sweep");
        for (String path : sweptPaths) if (sweep.has(path)) values.put(path, sweep.get(path));
        RunPlan plan = new RunPlan(run.get("index").getAsInt(), run.get("label").getAsString(),
                new SweepPoint(new JsonObject(), values, Map.of()), run.get("repeat").getAsInt(), null, null, null, null);
        ExperimentSummary.Run summary = RecordedResults.summaryRun(run);
        SolveResult result = new SolveResult(summary.status(), summary.objective(), new double[0], summary.iterations(),
                summary.regionChanges(), summary.seconds(), null, summary.message(), List.of());
        JsonElement trace = run.get("trace");
        return new RunOutcome(plan, result, List.of(), null, trace == null || trace.isJsonNull() ? null : trace.getAsString());
    }

    /** How many of summary.csv's columns every run has (the coefficient columns follow): those of this drlp. */
    private static int fixedColumns(RecordedResults folder) {
        int fixed = new SummaryCsvWriter(folder.folder(), folder.name(), folder.sweptPaths()).header().size();
        return Math.min(fixed, folder.csvHeader().size());
    }

    /** What each run's iterations count (pivots, epochs), as its record says. */
    private static Map<Integer, String> units(Map<Integer, JsonObject> runs) {
        Map<Integer, String> units = new TreeMap<>();
        runs.forEach((index, run) -> {
            JsonElement unit = run.get(ResultsWriter.ITERATION_UNIT);
            if (unit != null && unit.isJsonPrimitive()) units.put(index, unit.getAsString());
        });
        return units;
    }

    /** The overlay the spec asked for (spec.json's "overlay"), the gap by default. */
    private static ObjectiveFigures.OverlayValue overlay(Path outputDirectory) {
        try {
            JsonElement spec = com.google.gson.JsonParser.parseString(
                    Files.readString(outputDirectory.resolve(SpecSnapshot.FILE_NAME)));
            JsonElement overlay = spec.isJsonObject() ? spec.getAsJsonObject().get("overlay") : null;
            return overlay != null && overlay.isJsonPrimitive() && "objective".equals(overlay.getAsString())
                    ? ObjectiveFigures.OverlayValue.OBJECTIVE : ObjectiveFigures.OverlayValue.GAP;
        } catch (IOException | RuntimeException e) {
            return ObjectiveFigures.OverlayValue.GAP;
        }
    }

    /** The folders that hold results, in the order given, each once (see the class comment). */
    static List<Path> expand(List<Path> given) throws IOException {
        if (given.isEmpty()) throw new IOException("no folders to merge");
        List<Path> folders = new ArrayList<>();
        for (Path folder : given) {
            if (!Files.isDirectory(folder)) throw new IOException(folder + " is not a folder");
            Path shards = folder.resolve(SHARDS);
            if (Files.isDirectory(shards)) {
                folders.addAll(withResults(shards));
            } else if (Files.exists(folder.resolve(ResultsWriter.FILE_NAME))) {
                folders.add(folder);
            } else {
                List<Path> inside = withResults(folder);
                if (inside.isEmpty()) {
                    throw new IOException(folder + " has no " + ResultsWriter.FILE_NAME + ", nor subfolders with one");
                }
                folders.addAll(inside);
            }
        }
        Map<Path, Path> unique = new LinkedHashMap<>();
        for (Path folder : folders) unique.putIfAbsent(folder.toRealPath(), folder);
        return List.copyOf(unique.values());
    }

    private static List<Path> withResults(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(child -> Files.exists(child.resolve(ResultsWriter.FILE_NAME))).sorted().toList();
        }
    }

    private static boolean isInterrupted(JsonObject run) {
        return run != null && "INTERRUPTED".equals(run.get("status").getAsString());
    }

    private static boolean sameFolder(Path a, Path b) throws IOException {
        return Files.exists(b) && Files.isSameFile(a, b);
    }

    /** Copies runs/NNN of one run, replacing what the output held there; nothing when the source is the output. */
    private static void copyRunFolder(Path from, Path to, int index) throws IOException {
        if (sameFolder(from, to)) return;
        String name = String.format("%03d", index);
        Path source = from.resolve("runs").resolve(name);
        if (!Files.isDirectory(source)) return;
        Path target = to.resolve("runs").resolve(name);
        deleteTree(target);
        Files.createDirectories(target.getParent());
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Indices as short ranges: {@code 3, 7-9}. */
    static String ranges(java.util.Collection<Integer> indices) {
        List<String> parts = new ArrayList<>();
        TreeSet<Integer> sorted = new TreeSet<>(indices);
        Integer start = null, previous = null;
        for (Integer index : sorted) {
            if (start != null && index == previous + 1) {
                previous = index;
                continue;
            }
            if (start != null) parts.add(start.equals(previous) ? start.toString() : start + "-" + previous);
            start = previous = index;
        }
        if (start != null) parts.add(start.equals(previous) ? start.toString() : start + "-" + previous);
        return String.join(", ", parts);
    }

    private static String join(List<Path> folders) {
        return String.join(" and ", folders.stream().map(Path::toString).toList());
    }
}
