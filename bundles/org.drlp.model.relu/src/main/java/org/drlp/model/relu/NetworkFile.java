package org.drlp.model.relu;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * The network file format: {@code {"layers": [{"weights": [[...], ...], "biases": [...]}, ...]}},
 * hidden layers first, the one-unit affine output layer last. Every error is one line naming the
 * file and the layer and row, or the line and column of malformed JSON.
 */
final class NetworkFile {

    private static final Pattern POSITION = Pattern.compile("^(.*?) at line (\\d+) column (\\d+)(?: path (\\S+))?");
    private static final Set<String> LAYER_KEYS = Set.of("weights", "biases");

    private NetworkFile() {
    }

    static Network read(Path file) throws IOException {
        JsonElement root = parse(file);
        if (!root.isJsonObject()) throw error(file, "expected an object {\"layers\": [...]}");
        JsonObject object = root.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!key.equals("layers")) throw error(file, "unknown key \"" + key + "\"; expected only \"layers\"");
        }
        JsonElement layersElement = object.get("layers");
        if (layersElement == null || !layersElement.isJsonArray() || layersElement.getAsJsonArray().isEmpty()) {
            throw error(file, "\"layers\" must be a non-empty array");
        }
        JsonArray layers = layersElement.getAsJsonArray();
        double[][] weights = new double[layers.size()][];
        double[][] biases = new double[layers.size()][];
        int inputDimension = -1;
        int previous = -1;
        for (int l = 1; l <= layers.size(); l++) {
            String where = "layer " + l;
            JsonElement layer = layers.get(l - 1);
            if (!layer.isJsonObject()) throw error(file, where + ": expected an object with \"weights\" and \"biases\"");
            for (Map.Entry<String, JsonElement> entry : layer.getAsJsonObject().entrySet()) {
                if (!LAYER_KEYS.contains(entry.getKey())) {
                    throw error(file, where + ": unknown key \"" + entry.getKey() + "\"; expected \"weights\" and \"biases\"");
                }
            }
            JsonArray rows = array(file, layer.getAsJsonObject().get("weights"), where + ": weights");
            if (rows.isEmpty()) throw error(file, where + ": weights has no rows");
            if (previous < 0) {
                previous = array(file, rows.get(0), where + ": weights row 1").size();
                if (previous == 0) throw error(file, where + ": weights row 1 is empty");
                inputDimension = previous;
            }
            double[] w = new double[rows.size() * previous];
            for (int r = 1; r <= rows.size(); r++) {
                JsonArray row = array(file, rows.get(r - 1), where + ": weights row " + r);
                if (row.size() != previous) {
                    throw error(file, where + ": weights row " + r + " has " + row.size() + " entries, expected " + previous);
                }
                for (int c = 1; c <= previous; c++) {
                    w[(r - 1) * previous + c - 1] = number(file, row.get(c - 1), where + ": weights row " + r + " entry " + c);
                }
            }
            JsonArray bias = array(file, layer.getAsJsonObject().get("biases"), where + ": biases");
            if (bias.size() != rows.size()) {
                throw error(file, where + ": biases has " + bias.size() + " entries, expected " + rows.size()
                        + " (one per weights row)");
            }
            double[] b = new double[bias.size()];
            for (int r = 1; r <= b.length; r++) b[r - 1] = number(file, bias.get(r - 1), where + ": biases entry " + r);
            weights[l - 1] = w;
            biases[l - 1] = b;
            previous = rows.size();
        }
        if (previous != 1) {
            throw error(file, "layer " + layers.size() + ": the output layer has " + previous + " rows, expected 1");
        }
        return new Network(inputDimension, weights, biases);
    }

    private static JsonElement parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonReader json = new JsonReader(reader);
            json.setStrictness(Strictness.STRICT);
            JsonElement root;
            try {
                root = JsonParser.parseReader(json);
            } catch (JsonParseException e) {
                throw malformed(file, e.getCause() != null ? e.getCause() : e);
            }
            if (!endsHere(json)) throw malformed(file, "content after the document" + locationOf(json));
            return root;
        } catch (NoSuchFileException e) {
            throw new NetworkFormatException(file + ": no such file");
        }
    }

    private static boolean endsHere(JsonReader json) {
        try {
            return json.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    /** Gson's " at line L column C path P" suffix for the reader's position. */
    private static String locationOf(JsonReader json) {
        String text = json.toString();
        int at = text.indexOf(" at line ");
        return at < 0 ? "" : text.substring(at);
    }

    private static NetworkFormatException malformed(Path file, Throwable e) {
        return malformed(file, String.valueOf(e.getMessage()));
    }

    /** Turns Gson's "message at line L column C path P" (plus a help link) into "file:L:C: message". */
    private static NetworkFormatException malformed(Path file, String gsonMessage) {
        String message = gsonMessage.lines().findFirst().orElse("");
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            String path = m.group(4) == null ? "" : " (at " + m.group(4) + ")";
            String what = m.group(1).startsWith("Use JsonReader.setStrictness")
                    ? "not strict JSON (NaN, comments, single quotes and unquoted names are not allowed)"
                    : lowerFirst(m.group(1));
            return new NetworkFormatException(file + ":" + m.group(2) + ":" + m.group(3) + ": malformed JSON: "
                    + what + path);
        }
        return new NetworkFormatException(file + ": malformed JSON: " + lowerFirst(message));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static JsonArray array(Path file, JsonElement element, String what) throws NetworkFormatException {
        if (element == null) throw error(file, what + " is missing");
        if (!element.isJsonArray()) throw error(file, what + " is not an array");
        return element.getAsJsonArray();
    }

    private static double number(Path file, JsonElement element, String what) throws NetworkFormatException {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw error(file, what + " is not a number: " + element);
        }
        double value = element.getAsDouble();
        if (!Double.isFinite(value)) throw error(file, what + " is not finite: " + element);
        return value;
    }

    private static NetworkFormatException error(Path file, String message) {
        return new NetworkFormatException(file + ": " + message);
    }

    /**
     * Writes one weights row per line so that trained networks stay readable. {@link Double#toString}
     * gives the shortest decimal that parses back to the same double, so a round trip is exact.
     */
    static void write(Network network, Path file) throws IOException {
        StringBuilder out = new StringBuilder("{\"layers\": [\n");
        int layers = network.hiddenLayers() + 1;
        for (int l = 1; l <= layers; l++) {
            int rows = network.width(l), columns = network.width(l - 1);
            out.append("  {\"weights\": [");
            for (int r = 0; r < rows; r++) {
                out.append(r == 0 ? "\n    [" : ",\n    [");
                for (int c = 0; c < columns; c++) {
                    if (c > 0) out.append(", ");
                    out.append(network.weight(l, r, c));
                }
                out.append(']');
            }
            out.append("],\n   \"biases\": [");
            for (int r = 0; r < rows; r++) {
                if (r > 0) out.append(", ");
                out.append(network.bias(l, r));
            }
            out.append(l < layers ? "]},\n" : "]}\n");
        }
        out.append("]}\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(out.toString());
        }
    }
}
