package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * Keeps results.json up to date: rewritten atomically after every finished run and every warning,
 * runs in sweep order whatever the order they finish in. NaN and infinities are written as null.
 * Not thread-safe: {@link ExperimentRecorder} serialises the calls.
 */
final class ResultsWriter {

    static final String FILE_NAME = "results.json";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private final Path file;
    private final JsonObject document = new JsonObject();
    private final Map<Integer, JsonObject> runsByIndex = new TreeMap<>();
    private final JsonArray warnings = new JsonArray();

    ResultsWriter(Path outputDirectory, String name, Path spec, Instant started) {
        this.file = outputDirectory.resolve(FILE_NAME);
        document.addProperty("name", name);
        document.addProperty("spec", spec.toAbsolutePath().normalize().toString());
        document.addProperty("specCopy", SpecSnapshot.FILE_NAME);
        document.addProperty("started", started.toString());
        document.add("environment", environment());
        document.add("warnings", warnings);
        document.add("runs", new JsonArray());
    }

    void add(RunOutcome outcome) throws IOException {
        runsByIndex.put(outcome.plan().index(), toJson(outcome));
        JsonArray runs = new JsonArray();
        runsByIndex.values().forEach(runs::add);
        document.add("runs", runs); // replaces the array in place: the key keeps its position
        write();
    }

    /** Something went wrong beside a run's result (a plot that could not be drawn); the runs stand. */
    void warn(List<String> messages) throws IOException {
        if (messages.isEmpty()) return;
        messages.forEach(warnings::add);
        write();
    }

    private void write() throws IOException {
        AtomicFile.write(file, GSON.toJson(document) + "\n");
    }

    /** The Java and the machine that ran the experiment, recorded once. */
    private static JsonObject environment() {
        JsonObject environment = new JsonObject();
        for (String key : List.of("java.version", "java.vendor", "os.name", "os.arch")) {
            environment.addProperty(key, System.getProperty(key));
        }
        return environment;
    }

    private static JsonObject toJson(RunOutcome outcome) {
        RunPlan plan = outcome.plan();
        SolveResult result = outcome.result();
        JsonObject run = new JsonObject();
        run.addProperty("index", plan.index());
        run.addProperty("label", plan.label());
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
        run.addProperty("regionChanges", result.regionChanges());
        run.add("seconds", JsonValues.number(result.seconds()));
        run.add("message", result.message() == null || result.message().isEmpty()
                ? JsonNull.INSTANCE : JsonValues.toJson(result.message()));
        run.add("certificate", certificate(result.certificate()));
        run.add("dual", JsonValues.toJson(outcome.dualFile()));
        run.add("trace", JsonValues.toJson(outcome.traceFile()));
        return run;
    }

    /** The end point by parameter name, or null when there is no point to name. */
    private static JsonElement parameters(List<String> names, double[] point) {
        if (point == null || point.length == 0 || names.size() != point.length) return JsonNull.INSTANCE;
        JsonObject parameters = new JsonObject();
        for (int i = 0; i < point.length; i++) parameters.add(names.get(i), JsonValues.number(point[i]));
        return parameters;
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
