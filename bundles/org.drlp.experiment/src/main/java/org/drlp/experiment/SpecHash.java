package org.drlp.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The spec hash recorded in results.json: SHA-256 of the resolved sweep, so that resume and merge
 * can tell apart results of different specs. What is hashed, as compact JSON in sweep order: each
 * run's index, label, repeat and resolved configuration (data, model, loss and solver with every
 * default filled in, seeds included, data files as absolute paths). Not hashed: the experiment's
 * name, its output and trace settings, the spec's formatting, and the plugins' bundle versions,
 * so that a fix in a plugin does not orphan finished runs.
 */
final class SpecHash {

    private static final Gson COMPACT = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private SpecHash() {
    }

    static String of(List<RunPlan> runs) {
        JsonArray resolved = new JsonArray();
        for (RunPlan run : runs) {
            JsonObject record = new JsonObject();
            record.addProperty("index", run.index());
            record.addProperty("label", run.label());
            record.addProperty("repeat", run.repeat());
            record.add("config", run.config());
            resolved.add(record);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(COMPACT.toJson(resolved).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
