package org.drlp.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.SpecException;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;

/**
 * {@link org.drlp.api.ExperimentService#predict}: a finished run rebuilt from its folder's spec.json
 * (the training data coded again, so that new data is coded the same way), its coefficients and,
 * when recorded, their covariance from results.json, applied to a new file of its data source.
 */
final class Prediction {

    /** Resolves a spec into its runs, as the experiment service plans them. */
    @FunctionalInterface
    interface Planner {
        List<RunPlan> runs(Path spec) throws SpecException;
    }

    private Prediction() {
    }

    static int predict(Planner planner, Path folder, int index, Path data, Path predictions)
            throws SpecException, IOException {
        JsonObject run = recordedRun(folder, index);
        Path spec = folder.resolve(SpecSnapshot.FILE_NAME);
        if (!Files.isRegularFile(spec)) throw new IOException(folder + ": no " + SpecSnapshot.FILE_NAME + " to rebuild the run from");
        List<RunPlan> runs = planner.runs(spec);
        RunPlan plan = runs.stream().filter(r -> r.index() == index).findFirst().orElseThrow(() ->
                new IOException(spec + ": the spec has no run " + index + " (it has " + runs.size() + ")"));
        if (plan.data() == null) throw new IOException("run " + index + " has no data section: there is nothing to predict from");
        Problem problem;
        Dataset fresh;
        try {
            Dataset training = plan.data().plugin().load(plan.data().parameters());
            PiecewiseLinearLoss loss = plan.loss() == null ? null : plan.loss().plugin().create(plan.loss().parameters());
            problem = plan.model().plugin().build(training, loss, plan.model().parameters());
            fresh = plan.data().plugin().load(newData(plan.data(), training, data));
        } catch (DataException | ParameterException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> names = problem.parameterNames();
        double[] b = coefficients(run, names, index);
        double[] design;
        try {
            design = problem.design(fresh).orElseThrow(() -> new IOException("model \"" + plan.model().name()
                    + "\" cannot predict: its fit is not linear in its parameters"));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Covariance covariance = covariance(run, names);
        write(predictions, fresh, design, b, covariance);
        return fresh.rows();
    }

    /** The run's record in results.json: finished, with its point by parameter name. */
    private static JsonObject recordedRun(Path folder, int index) throws IOException {
        Path file = folder.resolve(ResultsWriter.FILE_NAME);
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new IOException(folder + ": no " + ResultsWriter.FILE_NAME + " (not a result folder of drlp run)");
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not a results file: " + e.getMessage(), e);
        }
        JsonArray runs = root.has("runs") && root.get("runs").isJsonArray() ? root.getAsJsonArray("runs") : new JsonArray();
        for (JsonElement element : runs) {
            JsonObject run = element.getAsJsonObject();
            if (run.get("index").getAsInt() != index) continue;
            JsonElement parameters = run.get("parameters");
            if (parameters == null || !parameters.isJsonObject()) {
                throw new IOException(file + ": run " + index + " ended " + run.get("status").getAsString()
                        + " without a point to predict with");
            }
            return run;
        }
        throw new IOException(file + ": no run " + index + " (the folder holds " + runs.size() + " runs)");
    }

    /**
     * The data section's parameters with the new file as path, the training's target named, the
     * target optional, and a missing value an error (not a dropped row).
     */
    private static Parameters newData(ResolvedPlugin<DataSourceProvider> data, Dataset training, Path file)
            throws IOException {
        Map<String, Object> given = new LinkedHashMap<>();
        boolean readsFile = false;
        boolean targetOptional = false;
        for (ParameterSpec spec : data.plugin().parameters()) {
            readsFile |= spec.name().equals("path");
            targetOptional |= spec.name().equals("targetRequired");
        }
        if (!readsFile) throw new IOException("data source \"" + data.name() + "\" reads no file (no parameter \"path\")");
        data.parameters().asMap().forEach((name, value) -> given.put(name, value instanceof Path path ? path.toString() : value));
        given.put("path", file.toAbsolutePath().toString());
        if (given.containsKey("target") || targetOptional) given.put("target", training.targetName());
        if (targetOptional) given.put("targetRequired", false);
        // every row of the new file gets a prediction, so that row i of the output is data row i
        if (given.containsKey("missing")) given.put("missing", "error");
        return Parameters.resolve(data.owner(), data.plugin().parameters(), given, null);
    }

    private static double[] coefficients(JsonObject run, List<String> names, int index) throws IOException {
        JsonObject point = run.getAsJsonObject("parameters");
        double[] b = new double[names.size()];
        for (int c = 0; c < b.length; c++) {
            JsonElement value = point.get(names.get(c));
            if (value == null || !value.isJsonPrimitive()) {
                throw new IOException("run " + index + " records no coefficient \"" + names.get(c) + "\" (it has "
                        + String.join(", ", point.keySet()) + "): results.json and spec.json do not match");
            }
            b[c] = value.getAsDouble();
        }
        return b;
    }

    /** V in the order of the problem's names, and the interval's z; null when the run records none. */
    private record Covariance(double[] v, double z) { }

    /**
     * The run's {@code coefficients.covariance}, row-major p x p (flat, or as rows), in the order of
     * {@code coefficients.rows[].name} when named so, else of the parameters; its level (0.95 when
     * none is recorded) sets z.
     */
    private static Covariance covariance(JsonObject run, List<String> names) throws IOException {
        JsonElement table = run.get("coefficients");
        if (table == null || !table.isJsonObject()) return null;
        JsonElement matrix = table.getAsJsonObject().get("covariance");
        if (matrix == null || !matrix.isJsonArray()) return null;
        int p = names.size();
        double[] flat = new double[p * p];
        int at = 0;
        for (JsonElement entry : matrix.getAsJsonArray()) {
            for (JsonElement value : entry.isJsonArray() ? entry.getAsJsonArray() : List.of(entry)) {
                if (at == flat.length) throw new IOException("results.json: the run's covariance is not " + p + " x " + p);
                flat[at++] = value.isJsonNull() ? Double.NaN : value.getAsDouble();
            }
        }
        if (at != flat.length) throw new IOException("results.json: the run's covariance is not " + p + " x " + p);
        int[] order = new int[p];
        JsonElement rows = table.getAsJsonObject().get("rows");
        for (int c = 0; c < p; c++) order[c] = c;
        if (rows != null && rows.isJsonArray() && rows.getAsJsonArray().size() == p) {
            for (int r = 0; r < p; r++) {
                JsonElement name = rows.getAsJsonArray().get(r).getAsJsonObject().get("name");
                int c = name == null ? -1 : names.indexOf(name.getAsString());
                if (c < 0) throw new IOException("results.json: covariance row " + name + " is not a coefficient");
                order[c] = r;
            }
        }
        double[] v = new double[p * p];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) v[i * p + j] = flat[order[i] * p + order[j]];
        JsonElement recorded = table.getAsJsonObject().get("level");
        double level = recorded != null && recorded.isJsonPrimitive() && recorded.getAsDouble() > 0 && recorded.getAsDouble() < 1
                ? recorded.getAsDouble() : 0.95;
        return new Covariance(v, new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2));
    }

    private static void write(Path file, Dataset data, double[] design, double[] b, Covariance covariance)
            throws IOException {
        int p = b.length;
        boolean target = false;
        for (double y : data.target()) target |= !Double.isNaN(y);
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("row,fitted" + (covariance == null ? "" : ",lower,upper") + (target ? ",target,residual" : "") + "\n");
                for (int i = 0; i < data.rows(); i++) {
                    double fit = 0;
                    for (int c = 0; c < p; c++) fit += design[i * p + c] * b[c];
                    StringBuilder line = new StringBuilder().append(i + 1).append(',').append(fit);
                    if (covariance != null) {
                        double variance = 0;
                        for (int r = 0; r < p; r++) {
                            double row = 0;
                            for (int c = 0; c < p; c++) row += covariance.v()[r * p + c] * design[i * p + c];
                            variance += design[i * p + r] * row;
                        }
                        double half = covariance.z() * Math.sqrt(Math.max(variance, 0));
                        line.append(',').append(fit - half).append(',').append(fit + half);
                    }
                    if (target) {
                        double y = data.target()[i];
                        line.append(',').append(Double.isNaN(y) ? "" : Double.toString(y))
                                .append(',').append(Double.isNaN(y) ? "" : Double.toString(y - fit));
                    }
                    out.write(line.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
    }
}
