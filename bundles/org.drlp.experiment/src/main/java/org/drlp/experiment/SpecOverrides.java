package org.drlp.experiment;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drlp.api.SpecException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * {@code --set PATH=VALUE}: values of a spec replaced from the command line before it is read, so
 * that one spec serves runs that differ in a value or two. PATH is a dotted path into a section, as
 * a sweep takes it ({@link SweepPath}), or a top-level key such as {@code repeats}; VALUE is JSON
 * ({@code 0.3}, {@code true}, {@code [1, 2]}, {@code "0.3"} for a string), or else a string as
 * written ({@code bland}). A swept path that is set is no longer swept. The result is validated as
 * the spec is, and a problem with a set value names the assignment instead of a line of the file.
 */
final class SpecOverrides {

    /** Top-level keys that are single values, which --set may replace. */
    static final List<String> TOP_LEVEL = List.of("name", "description", "repeats", "trace", "overlay", "warmStart");

    private SpecOverrides() {
    }

    static SpecDocument apply(SpecDocument document, List<String> assignments) throws SpecException {
        if (assignments.isEmpty()) return document;
        JsonObject root = document.root().deepCopy();
        Map<String, String> overrides = new LinkedHashMap<>(document.overrides());
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new SpecException(document.file() + ": --set " + assignment + ": expected PATH=VALUE, "
                        + "such as loss.tau=0.3 or solver.pivot=bland");
            }
            String path = assignment.substring(0, equals).trim();
            JsonElement value = value(assignment.substring(equals + 1));
            if (TOP_LEVEL.contains(path)) {
                root.add(path, value);
            } else {
                String problem = SweepPath.problem(path);
                if (problem != null) {
                    throw new SpecException(document.file() + ": --set " + assignment + ": cannot set \"" + path
                            + "\"; a path is section.key (section: " + String.join(", ", ExperimentSpec.SECTIONS)
                            + "), deeper into a plugin the section names (solver.pivot.seed, "
                            + "solver.lineSearch.type), or one of " + String.join(", ", TOP_LEVEL));
                }
                unsweep(root, path, assignment, document);
                SweepPath.set(root, path, value); // the sections sit at the top of the root
            }
            overrides.remove(path); // a later --set of the same path wins, and is the one named
            overrides.put(path, assignment);
        }
        return new SpecDocument(document.file(), root, document.positions(), overrides);
    }

    /** A set path is fixed: its sweep axis goes; one of zipped axes cannot go alone. */
    private static void unsweep(JsonObject root, String path, String assignment, SpecDocument document)
            throws SpecException {
        JsonElement sweep = root.get("sweep");
        if (sweep == null || !sweep.isJsonObject()) return;
        JsonObject axes = sweep.getAsJsonObject();
        axes.remove(path);
        JsonElement zip = axes.get(ExperimentSpec.ZIP);
        if (zip != null && zip.isJsonObject() && zip.getAsJsonObject().has(path)) {
            throw new SpecException(document.where("sweep." + ExperimentSpec.ZIP + "." + path) + ": --set " + assignment
                    + ": \"" + path + "\" is zipped with " + String.join(", ", zip.getAsJsonObject().keySet().stream()
                    .filter(other -> !other.equals(path)).toList()) + "; set all of them, or none, or change the spec");
        }
    }

    /** VALUE as JSON when it is JSON, numbers kept as written; otherwise the text itself. */
    static JsonElement value(String text) {
        String trimmed = text.trim();
        try {
            JsonReader reader = new JsonReader(new StringReader(trimmed));
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) return new JsonPrimitive(text);
            return value;
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            return new JsonPrimitive(text);
        }
    }

    private static JsonElement read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) object.add(reader.nextName(), read(reader));
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) array.add(read(reader));
                reader.endArray();
                return array;
            }
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER: // as the spec reader keeps them: the literal, exactly
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + reader.peek());
        }
    }
}
