package org.drlp.experiment;

import java.util.ArrayList;
import java.util.List;

import org.drlp.api.CoefficientTable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * A run's coefficient table in results.json ({@code coefficients}), and back for resume and merge.
 * Non-finite numbers are written as null, as everywhere in results.json, and read back as NaN (an
 * unbounded rank interval's infinite end included).
 */
final class CoefficientJson {

    private CoefficientJson() {
    }

    static JsonElement toJson(CoefficientTable table) {
        if (table == null) return JsonNull.INSTANCE;
        JsonObject json = new JsonObject();
        json.addProperty("inference", table.inference());
        json.add("level", JsonValues.number(table.level()));
        json.addProperty("statistic", table.statistic());
        json.addProperty("unique", table.unique());
        JsonArray notes = new JsonArray();
        table.notes().forEach(notes::add);
        json.add("notes", notes);
        JsonArray rows = new JsonArray();
        for (CoefficientTable.Coefficient row : table.rows()) {
            JsonObject record = new JsonObject();
            record.addProperty("name", row.name());
            record.add("estimate", JsonValues.number(row.estimate()));
            record.add("stdError", JsonValues.number(row.standardError()));
            record.add("statistic", JsonValues.number(row.statistic()));
            record.add("pValue", JsonValues.number(row.pValue()));
            record.add("lower", JsonValues.number(row.lower()));
            record.add("upper", JsonValues.number(row.upper()));
            rows.add(record);
        }
        json.add("rows", rows);
        if (table.covariance() != null) {
            int p = table.rows().size();
            JsonArray covariance = new JsonArray();
            for (int a = 0; a < p; a++) {
                JsonArray line = new JsonArray();
                for (int b = 0; b < p; b++) line.add(JsonValues.number(table.covariance()[a * p + b]));
                covariance.add(line);
            }
            json.add("covariance", covariance);
        }
        return json;
    }

    /** The table of a run's record, or null when it has none (a failed run, a model without one, an older drlp). */
    static CoefficientTable fromRun(JsonObject run) {
        JsonElement element = run.get("coefficients");
        if (element == null || !element.isJsonObject()) return null;
        JsonObject json = element.getAsJsonObject();
        List<CoefficientTable.Coefficient> rows = new ArrayList<>();
        for (JsonElement item : json.getAsJsonArray("rows")) {
            JsonObject row = item.getAsJsonObject();
            rows.add(new CoefficientTable.Coefficient(row.get("name").getAsString(), number(row, "estimate"),
                    number(row, "stdError"), number(row, "statistic"), number(row, "pValue"), number(row, "lower"),
                    number(row, "upper")));
        }
        double[] covariance = null;
        if (json.has("covariance") && json.get("covariance").isJsonArray()) {
            int p = rows.size();
            covariance = new double[p * p];
            JsonArray lines = json.getAsJsonArray("covariance");
            for (int a = 0; a < p; a++) {
                JsonArray line = lines.get(a).getAsJsonArray();
                for (int b = 0; b < p; b++) covariance[a * p + b] = value(line.get(b));
            }
        }
        List<String> notes = new ArrayList<>();
        if (json.has("notes")) json.getAsJsonArray("notes").forEach(note -> notes.add(note.getAsString()));
        return new CoefficientTable(json.get("inference").getAsString(), number(json, "level"),
                json.get("statistic").getAsString(), rows, covariance, json.get("unique").getAsBoolean(), notes);
    }

    private static double number(JsonObject json, String key) {
        return value(json.get(key));
    }

    private static double value(JsonElement element) {
        return element == null || element.isJsonNull() ? Double.NaN : element.getAsDouble();
    }
}
