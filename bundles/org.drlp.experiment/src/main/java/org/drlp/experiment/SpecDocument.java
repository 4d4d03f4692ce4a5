package org.drlp.experiment;

import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * A parsed spec file: its JSON tree and where every value starts in the text, so that any later
 * error can name {@code file:line:column}.
 *
 * @param file       the spec file as the caller named it (messages use this spelling)
 * @param positions  dotted path of every value ({@code loss.tau}, {@code sweep.loss.tau[2]}) to
 *                   where the value starts
 * @param overrides  dotted path to the {@code --set} assignment that replaced the value there, as given
 *                   ({@link SpecOverrides}); problems at or below such a path name the assignment
 */
record SpecDocument(Path file, JsonObject root, Map<String, Position> positions, Map<String, String> overrides) {

    SpecDocument {
        positions = Map.copyOf(positions);
        overrides = Map.copyOf(overrides);
    }

    SpecDocument(Path file, JsonObject root, Map<String, Position> positions) {
        this(file, root, positions, Map.of());
    }

    /** A 1-based line and column in the spec text. */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    /** Where {@code path} starts, or where its nearest present ancestor starts (a missing key). */
    Position locate(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Position position = positions.get(current);
            if (position != null) return position;
            current = current.substring(0, Math.max(0, Math.max(current.lastIndexOf('.'), current.lastIndexOf('['))));
        }
        return positions.getOrDefault("", new Position(1, 1));
    }

    /** The prefix of every message about this spec: {@code file:line:column (path)}. */
    String where(String path) {
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String key = override.getKey();
            if (path.equals(key) || path.startsWith(key + ".") || path.startsWith(key + "[")) {
                return file + ": --set " + override.getValue() + " (" + path + ")";
            }
        }
        return file + ":" + locate(path) + (path.isEmpty() ? "" : " (" + path + ")");
    }
}
