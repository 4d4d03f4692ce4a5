package org.drlp.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * Keeps results.json up to date: rewritten after every finished run, atomically, so that a reader
 * (or a crash) never sees half a file. NaN and infinities are written as null.
 */
final class ResultsWriter {

    static final String FILE_NAME = "results.json";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private final Path file;
    private final JsonObject document = new JsonObject();
    private final JsonArray runs = new JsonArray();

    ResultsWriter(Path outputDirectory, String name, Path spec, Instant started) {
        this.file = outputDirectory.resolve(FILE_NAME);
        document.addProperty("name", name);
        document.addProperty("spec", spec.toAbsolutePath().normalize().toString());
        document.addProperty("started", started.toString());
        document.add("runs", runs);
    }

    void add(RunOutcome outcome) throws IOException {
        runs.add(toJson(outcome));
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(temporary, GSON.toJson(document) + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) { // some file systems cannot; a plain replace is the best left
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static JsonObject toJson(RunOutcome outcome) {
        RunPlan plan = outcome.plan();
        SolveResult result = outcome.result();
        JsonObject run = new JsonObject();
        run.addProperty("index", plan.index());
        run.addProperty("label", plan.label());
        run.add("config", plan.config());
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
