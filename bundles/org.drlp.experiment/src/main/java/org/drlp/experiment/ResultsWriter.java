package org.drlp.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * Keeps results.json complete and well formed from the start of the experiment to its end, at a
 * cost per run that does not grow with the runs before it: each finished run is written over the
 * closing brackets, as one line with the closing brackets after it, so that no earlier byte is
 * rewritten. With more than one job the runs appear in the order they finish, each with its
 * {@code index}; {@link #finish} rewrites the file atomically in sweep order with the experiment's
 * warnings. A crash leaves the file as it was after the last finished run. NaN and infinities are
 * written as null. Not thread-safe: {@link ExperimentRecorder} serialises the calls.
 */
final class ResultsWriter implements AutoCloseable {

    static final String FILE_NAME = "results.json";
    /** Header keys that resume and merge read back (see {@link RecordedResults}). */
    static final String SPEC_HASH = "specHash", SWEEP_RUNS = "sweepRuns", SWEPT_PATHS = "sweptPaths";
    /** What a run's iterations count (its method's unit: pivots, epochs), for plots drawn again by a merge. */
    static final String ITERATION_UNIT = "iterationUnit";

    private static final Gson PRETTY =
            new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
    private static final Gson ONE_LINE = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    /** What follows the last run: the end of the runs array and of the document. */
    private static final String CLOSING = "\n  ]\n}\n";

    private final Path file;
    private final String name;
    private final JsonObject header = new JsonObject();
    private final JsonArray warnings = new JsonArray();
    /** The machine, Java and workbench, in the header and (with the run's times and files) in every run. */
    private final JsonObject environment = Provenance.environment();
    private final Map<Integer, String> runsByIndex = new TreeMap<>();
    private FileChannel channel;
    /** Where the next run goes: just after the last one, over the closing brackets. */
    private long end;

    ResultsWriter(Path outputDirectory, String name, Path spec, Instant started) {
        this.file = outputDirectory.resolve(FILE_NAME);
        this.name = name;
        header.addProperty("name", name);
        header.addProperty("spec", spec.toAbsolutePath().normalize().toString());
        header.addProperty("specCopy", SpecSnapshot.FILE_NAME);
        header.addProperty("started", started.toString());
        header.add("environment", environment);
        header.add("warnings", warnings);
    }

    /** Adds {@code key} to the header (the spec hash, say); before {@link #open}. */
    void annotate(String key, JsonElement value) {
        header.add(key, value);
    }

    /** Takes a run recorded earlier (by a resumed or merged experiment) as it is; before {@link #open}. */
    void keep(JsonObject record) {
        runsByIndex.put(record.get("index").getAsInt(), ONE_LINE.toJson(record));
    }

    /** Writes results.json without runs, and opens it for the runs to come. */
    void open() throws IOException {
        String text = document();
        AtomicFile.write(file, text);
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
        end = bytes(text).length - bytes(CLOSING).length;
    }

    /**
     * @param runWarnings  what went wrong beside the run's result (its plot), recorded with the run
     * @param started      when the run started, and {@code ended} when it ended
     * @param dataFiles    the files it read with their hashes ({@link DataFileHashes#of})
     */
    void add(RunOutcome outcome, List<String> runWarnings, Instant started, Instant ended, JsonArray dataFiles)
            throws IOException {
        JsonObject json = toJson(outcome, ProblemId.of(outcome.plan(), name), runWarnings);
        json.add("provenance", provenance(started, ended, dataFiles));
        String record = ONE_LINE.toJson(json);
        String run = (runsByIndex.isEmpty() ? "\n    " : ",\n    ") + record;
        byte[] added = bytes(run);
        ByteBuffer buffer = ByteBuffer.wrap(bytes(run + CLOSING));
        try {
            for (long at = end; buffer.hasRemaining(); ) at += channel.write(buffer, at);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
        end += added.length;
        runsByIndex.put(outcome.plan().index(), record);
    }

    /** Rewrites the file in sweep order with the experiment's warnings (plots of sweep groups), and closes it. */
    void finish(List<String> experimentWarnings) throws IOException {
        close();
        header.addProperty("finished", Instant.now().toString());
        experimentWarnings.forEach(warnings::add);
        AtomicFile.write(file, document());
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
        channel = null;
    }

    /** The header pretty-printed, then one line per run, in sweep order. */
    private String document() {
        String head = PRETTY.toJson(header);
        StringBuilder text = new StringBuilder(head.substring(0, head.lastIndexOf('}')).stripTrailing())
                .append(",\n  \"runs\": [");
        String separator = "\n    ";
        for (String run : runsByIndex.values()) {
            text.append(separator).append(run);
            separator = ",\n    ";
        }
        return text.append(CLOSING).toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Where one run comes from: its times, this process's machine, Java and workbench, the spec hash, its files. */
    private JsonObject provenance(Instant started, Instant ended, JsonArray dataFiles) {
        JsonObject provenance = new JsonObject();
        provenance.addProperty("started", started.toString());
        provenance.addProperty("ended", ended.toString());
        environment.entrySet().forEach(entry -> provenance.add(entry.getKey(), entry.getValue().deepCopy()));
        if (header.has(SPEC_HASH)) provenance.add(SPEC_HASH, header.get(SPEC_HASH));
        provenance.add("dataFiles", dataFiles);
        return provenance;
    }

    private static JsonObject toJson(RunOutcome outcome, String problem, List<String> runWarnings) {
        RunPlan plan = outcome.plan();
        SolveResult result = outcome.result();
        JsonObject run = new JsonObject();
        run.addProperty("index", plan.index());
        run.addProperty("label", plan.label());
        run.addProperty("problem", problem);
        run.add("config", plan.config());
        run.add("plugins", plan.origins());
        JsonObject sweep = new JsonObject();
        plan.point().values().forEach((path, value) -> sweep.add(path, value.deepCopy()));
        run.add("sweep", sweep);
        run.addProperty("repeat", plan.repeat());
        run.addProperty("status", result.status().name());
        run.add("objective", JsonValues.number(result.objective()));
        run.add("parameters", parameters(outcome.parameterNames(), result.point()));
        run.addProperty("iterations", result.iterations());
        run.addProperty(ITERATION_UNIT, plan.method().plugin().iterationUnit());
        run.addProperty("regionChanges", result.regionChanges());
        run.add("seconds", JsonValues.number(result.seconds()));
        run.add("message", result.message() == null || result.message().isEmpty()
                ? JsonNull.INSTANCE : JsonValues.toJson(result.message()));
        run.add("stages", stages(result.stages()));
        run.add("certificate", certificate(result.certificate()));
        JsonObject evaluation = new JsonObject();
        new java.util.TreeMap<>(outcome.evaluation()).forEach((name, value) -> evaluation.add(name, JsonValues.number(value)));
        run.add("evaluation", evaluation);
        run.add("coefficients", CoefficientJson.toJson(outcome.coefficients()));
        if (outcome.data() != null) {
            JsonObject data = new JsonObject();
            data.addProperty("rows", outcome.data().rows());
            data.addProperty("droppedRows", outcome.data().dropped());
            run.add("data", data);
        }
        run.add("dual", JsonValues.toJson(outcome.dualFile()));
        run.add("trace", JsonValues.toJson(outcome.traceFile()));
        JsonArray warnings = new JsonArray();
        runWarnings.forEach(warnings::add);
        run.add("warnings", warnings);
        return run;
    }

    /** The end point by parameter name, or null when there is no point to name. */
    private static JsonElement parameters(List<String> names, double[] point) {
        if (point == null || point.length == 0 || names.size() != point.length) return JsonNull.INSTANCE;
        JsonObject parameters = new JsonObject();
        for (int i = 0; i < point.length; i++) parameters.add(names.get(i), JsonValues.number(point[i]));
        return parameters;
    }

    /** Each stage of the solve with its counters, in the order they ran. */
    private static JsonArray stages(List<SolveStage> stages) {
        JsonArray json = new JsonArray();
        for (SolveStage stage : stages) {
            JsonObject record = new JsonObject();
            record.addProperty("name", stage.name());
            record.addProperty("rows", stage.rows());
            record.addProperty("pivots", stage.pivots());
            record.add("seconds", JsonValues.number(stage.seconds()));
            record.addProperty("zeroLengthPivots", stage.zeroLengthPivots());
            record.addProperty("blandPivots", stage.blandPivots());
            record.addProperty("rebalances", stage.rebalances());
            record.addProperty("refactorisations", stage.refactorisations());
            record.addProperty("breakpointsCrossed", stage.breakpointsCrossed());
            record.addProperty("regionChanges", stage.regionChanges());
            record.addProperty("ruleActivations", stage.ruleActivations());
            record.addProperty("driftChecks", stage.driftChecks());
            record.add("pricingSeconds", JsonValues.number(stage.pricingSeconds()));
            record.add("lineSearchSeconds", JsonValues.number(stage.lineSearchSeconds()));
            record.add("directionSeconds", JsonValues.number(stage.directionSeconds()));
            record.add("refactorSeconds", JsonValues.number(stage.refactorSeconds()));
            json.add(record);
        }
        return json;
    }

    /** The certificate without its dual vector (that goes to dual.csv). */
    private static JsonElement certificate(Certificate certificate) {
        if (certificate == null) return JsonNull.INSTANCE;
        JsonObject json = new JsonObject();
        json.add("minEdgeSlope", JsonValues.number(certificate.minEdgeSlope()));
        json.add("slopeTolerance", JsonValues.number(certificate.slopeTolerance()));
        json.addProperty("edges", certificate.edges());
        json.addProperty("flatDirections", certificate.flatDirections());
        json.add("maxCriticalResidual", JsonValues.number(certificate.maxCriticalResidual()));
        json.add("recomputedObjective", JsonValues.number(certificate.recomputedObjective()));
        json.add("dualMaxViolation", JsonValues.number(certificate.dualMaxViolation()));
        json.add("stationarityResidual", JsonValues.number(certificate.stationarityResidual()));
        return json;
    }
}
