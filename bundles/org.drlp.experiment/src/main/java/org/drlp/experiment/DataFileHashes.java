package org.drlp.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * SHA-256 of every file a run reads: the value of each {@link ParameterType#PATH} parameter of each
 * of its plugins (the CSV data, the MPS program, the network JSON, a start point). Within one
 * experiment a file is hashed once while its size and modification time stay the same, so that a
 * sweep over the solver does not read its data again for every run.
 */
final class DataFileHashes {

    /** A file's size and modification time when it was hashed, and its hash. */
    private record Hashed(long size, long modified, String sha256) { }

    private final Map<Path, Hashed> hashed = new ConcurrentHashMap<>();

    /**
     * One entry per file parameter of the run: {@code {"parameter": "data.path", "file": "/abs/x.csv",
     * "sha256": "..."}}, or {@code "error"} in place of the hash when the file cannot be read.
     */
    JsonArray of(RunPlan run) {
        JsonArray files = new JsonArray();
        for (ResolvedPlugin<?> plugin : run.plugins()) {
            for (ParameterSpec spec : plugin.plugin().parameters()) {
                if (spec.type() != ParameterType.PATH || !plugin.parameters().has(spec.name())) continue;
                Path file = plugin.parameters().path(spec.name()).toAbsolutePath().normalize();
                JsonObject entry = new JsonObject();
                entry.addProperty("parameter", plugin.section() + "." + spec.name());
                entry.addProperty("file", file.toString());
                try {
                    entry.addProperty("sha256", hash(file));
                } catch (IOException e) {
                    entry.addProperty("error", IoMessages.reason(e));
                }
                files.add(entry);
            }
        }
        return files;
    }

    private String hash(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) throw new IOException("not a regular file");
        Hashed known = hashed.get(file);
        long modified = attributes.lastModifiedTime().toMillis();
        if (known != null && known.size() == attributes.size() && known.modified() == modified) return known.sha256();
        String sha256 = sha256(file);
        hashed.put(file, new Hashed(attributes.size(), modified, sha256));
        return sha256;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
