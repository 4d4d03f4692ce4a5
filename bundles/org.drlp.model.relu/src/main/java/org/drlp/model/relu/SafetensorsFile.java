package org.drlp.model.relu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Networks as PyTorch users keep them: the {@code state_dict} of an {@code nn.Sequential} of
 * {@code Linear} and {@code ReLU} modules saved as a <a href="https://huggingface.co/docs/safetensors">safetensors</a>
 * file. The format: 8 bytes, the little-endian length of a UTF-8 JSON header that maps each tensor's
 * name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (byte offsets into the data that
 * follows the header; an optional {@code "__metadata__"} object of strings), then the tensors' raw
 * little-endian bytes, row-major.
 *
 * <p>The tensors are {@code P.K.weight} (shape [n_out, n_in]) and {@code P.K.bias} ([n_out]) for the
 * Linear modules at indices K of the Sequential, with an optional common prefix {@code P.}; the ReLUs
 * between them hold no tensors. The Linear layers are taken in increasing K, the last one being the
 * one-unit output. F32 and F64 are read (F32 widens exactly); a network is written in F64 under
 * {@code 0.weight, 0.bias, 2.weight, ...}, so a round trip is exact. Every error is one line naming
 * the file, the tensor and the byte offset.
 */
final class SafetensorsFile {

    static final String EXTENSION = ".safetensors";
    /** The format caps the header at 100 MB; a larger length is a damaged or foreign file. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("^(.*?)(\\d+)\\.(weight|bias)$");

    private SafetensorsFile() {
    }

    static boolean isSafetensors(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(EXTENSION);
    }

    /** One tensor of the header, with the absolute byte offset of its data in the file. */
    private record Tensor(String name, String dtype, long[] shape, long begin, long end) {
    }

    static Network read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NetworkFormatException(file + ": no such file");
        }
        if (bytes.length < 8) {
            throw error(file, 0, "truncated: " + bytes.length + " bytes, shorter than the 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER) {
            throw error(file, 0, "header length " + Long.toUnsignedString(headerLength)
                    + " is not a safetensors header (2 bytes to 100 MB)");
        }
        if (8 + headerLength > bytes.length) {
            throw error(file, 8, "truncated: the header needs " + headerLength + " bytes, the file has "
                    + (bytes.length - 8) + " after the length");
        }
        long dataStart = 8 + headerLength;
        JsonObject header = header(file, new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        Map<Long, Tensor[]> linear = new TreeMap<>(); // K -> {weight, bias}
        String prefix = null;
        for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
            String name = entry.getKey();
            if (name.equals("__metadata__")) continue;
            Tensor tensor = tensor(file, name, entry.getValue(), dataStart, bytes.length);
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw error(file, tensor.begin(), "tensor " + quoted(name) + ": not a Linear parameter of an nn.Sequential "
                        + "(expected names like 0.weight, 0.bias, 2.weight)");
            }
            if (prefix == null) prefix = m.group(1);
            else if (!prefix.equals(m.group(1))) {
                throw error(file, tensor.begin(), "tensor " + quoted(name) + ": prefix " + quoted(m.group(1))
                        + " differs from " + quoted(prefix) + " of the other tensors: one nn.Sequential per file");
            }
            long index;
            try {
                index = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                throw error(file, tensor.begin(), "tensor " + quoted(name) + ": module index out of range");
            }
            Tensor[] pair = linear.computeIfAbsent(index, k -> new Tensor[2]);
            pair[m.group(3).equals("weight") ? 0 : 1] = tensor;
        }
        if (linear.isEmpty()) throw error(file, 8, "no tensors: expected the Linear layers' weight and bias");
        int layers = linear.size();
        double[][] weights = new double[layers][];
        double[][] biases = new double[layers][];
        int inputs = -1, previous = -1, l = 0;
        for (Map.Entry<Long, Tensor[]> entry : linear.entrySet()) {
            String module = prefix + entry.getKey();
            Tensor weight = entry.getValue()[0], bias = entry.getValue()[1];
            if (weight == null) throw error(file, entry.getValue()[1].begin(), "tensor " + quoted(module + ".weight") + " is missing");
            if (bias == null) {
                throw error(file, weight.begin(), "tensor " + quoted(module + ".bias") + " is missing (a Linear without bias "
                        + "is not supported: save it with bias=True and zero biases)");
            }
            if (weight.shape().length != 2) {
                throw error(file, weight.begin(), "tensor " + quoted(weight.name()) + ": shape " + shape(weight)
                        + ", expected [out_features, in_features]");
            }
            if (bias.shape().length != 1 || bias.shape()[0] != weight.shape()[0]) {
                throw error(file, bias.begin(), "tensor " + quoted(bias.name()) + ": shape " + shape(bias) + ", expected ["
                        + weight.shape()[0] + "] (the out_features of " + weight.name() + ")");
            }
            int rows = (int) weight.shape()[0], columns = (int) weight.shape()[1];
            if (previous >= 0 && columns != previous) {
                throw error(file, weight.begin(), "tensor " + quoted(weight.name()) + ": shape " + shape(weight) + " takes "
                        + columns + " inputs but the layer before has " + previous + " outputs");
            }
            if (inputs < 0) inputs = columns;
            weights[l] = values(bytes, weight);
            biases[l] = values(bytes, bias);
            String bad = firstNonFinite(weights[l], biases[l]);
            if (bad != null) throw error(file, weight.begin(), "layer " + quoted(module) + ": " + bad);
            previous = rows;
            l++;
        }
        if (previous != 1) {
            Tensor last = linear.get(((TreeMap<Long, Tensor[]>) linear).lastKey())[0];
            throw error(file, last.begin(), "tensor " + quoted(last.name()) + ": the output layer has " + previous
                    + " outputs, expected 1");
        }
        try {
            return new Network(inputs, weights, biases);
        } catch (IllegalArgumentException e) {
            throw error(file, 8, e.getMessage());
        }
    }

    private static JsonObject header(Path file, String text) throws NetworkFormatException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw error(file, 8, "the header is not JSON: " + String.valueOf(why).lines().findFirst().orElse(""));
        }
        if (!root.isJsonObject()) throw error(file, 8, "the header is not a JSON object");
        return root.getAsJsonObject();
    }

    /** The header entry of one tensor, checked against the dtype, its shape and the file's size. */
    private static Tensor tensor(Path file, String name, JsonElement element, long dataStart, long fileSize)
            throws NetworkFormatException {
        String where = "tensor " + quoted(name);
        if (!element.isJsonObject()) throw error(file, 8, where + ": header entry is not an object");
        JsonObject o = element.getAsJsonObject();
        JsonElement dtypeElement = o.get("dtype"), shapeElement = o.get("shape"), offsets = o.get("data_offsets");
        if (dtypeElement == null || !dtypeElement.isJsonPrimitive() || shapeElement == null
                || !shapeElement.isJsonArray() || offsets == null || !offsets.isJsonArray()
                || offsets.getAsJsonArray().size() != 2) {
            throw error(file, 8, where + ": header entry needs \"dtype\", \"shape\" and \"data_offsets\": [begin, end]");
        }
        long begin = nonNegative(file, offsets.getAsJsonArray().get(0), where + ": data_offsets");
        long end = nonNegative(file, offsets.getAsJsonArray().get(1), where + ": data_offsets");
        long at = dataStart + begin;
        String dtype = dtypeElement.getAsString();
        int width = switch (dtype) {
            case "F64" -> 8;
            case "F32" -> 4;
            default -> throw error(file, at, where + ": dtype " + (dtype.matches("[A-Za-z0-9]+") ? dtype : quoted(dtype)) + " is not a supported float type "
                    + "(F32 or F64; convert with tensor.double() or tensor.float() before saving)");
        };
        JsonArray shapeArray = shapeElement.getAsJsonArray();
        long[] shape = new long[shapeArray.size()];
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
            shape[d] = nonNegative(file, shapeArray.get(d), where + ": shape");
            if (shape[d] == 0 || shape[d] > Integer.MAX_VALUE) {
                throw error(file, at, where + ": shape " + shapeArray.toString().replace(",", ", ") + " has an empty or oversized dimension");
            }
            if (count <= Integer.MAX_VALUE) count *= shape[d]; // below 2^62: no overflow
        }
        if (end < begin || count > Integer.MAX_VALUE || end - begin != count * width) {
            throw error(file, at, where + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                    + " bytes but shape " + shape(shape) + " of " + dtype + " needs " + count * width);
        }
        if (dataStart + end > fileSize) {
            throw error(file, at, where + ": truncated: its data ends at byte " + (dataStart + end)
                    + " but the file has " + fileSize + " bytes");
        }
        return new Tensor(name, dtype, shape, at, dataStart + end);
    }

    private static long nonNegative(Path file, JsonElement element, String what) throws NetworkFormatException {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw error(file, 8, what + " holds " + element + ", not a number");
        }
        double value = element.getAsDouble();
        if (!(value >= 0 && value <= Long.MAX_VALUE / 2 && value == Math.rint(value))) {
            throw error(file, 8, what + " holds " + element + ", not a non-negative integer");
        }
        return element.getAsLong();
    }

    private static double[] values(byte[] bytes, Tensor tensor) {
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) tensor.begin(), (int) (tensor.end() - tensor.begin()))
                .order(ByteOrder.LITTLE_ENDIAN);
        int width = tensor.dtype().equals("F64") ? 8 : 4;
        double[] out = new double[(int) ((tensor.end() - tensor.begin()) / width)];
        for (int i = 0; i < out.length; i++) out[i] = width == 8 ? data.getDouble() : data.getFloat();
        return out;
    }

    private static String firstNonFinite(double[] weights, double[] biases) {
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) return "weight entry " + (i + 1) + " is " + weights[i];
        }
        for (int i = 0; i < biases.length; i++) {
            if (!Double.isFinite(biases[i])) return "bias entry " + (i + 1) + " is " + biases[i];
        }
        return null;
    }

    private static String shape(Tensor tensor) {
        return shape(tensor.shape());
    }

    private static String shape(long[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int d = 0; d < shape.length; d++) s.append(d > 0 ? ", " : "").append(shape[d]);
        return s.append(']').toString();
    }

    /** A name as a JSON string: quoted, control characters escaped, so that a message stays one line. */
    private static String quoted(String name) {
        return new JsonPrimitive(name).toString();
    }

    private static NetworkFormatException error(Path file, long offset, String message) {
        return new NetworkFormatException(file + ": byte " + offset + ": " + message);
    }

    /**
     * Writes the network as an {@code nn.Sequential} state_dict in F64: Linear layer l is module
     * 2(l - 1) ({@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ...), the ReLUs between them at
     * the odd indices. The header is padded with spaces to a multiple of 8 bytes, as the reference
     * writer does, so that the data is aligned.
     */
    static void write(Network network, Path file) throws IOException {
        int layers = network.hiddenLayers() + 1;
        JsonObject header = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("format", "pt");
        metadata.addProperty("writer", "drlp");
        header.add("__metadata__", metadata);
        List<double[]> blocks = new ArrayList<>();
        long offset = 0;
        for (int l = 1; l <= layers; l++) {
            String module = Integer.toString(2 * (l - 1));
            int rows = network.width(l), columns = network.width(l - 1);
            offset = entry(header, module + ".weight", new long[] {rows, columns}, offset);
            blocks.add(network.weights(l));
            offset = entry(header, module + ".bias", new long[] {rows}, offset);
            blocks.add(network.biases(l));
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int p = json.length; p < padded; p++) out.put((byte) ' ');
        for (double[] block : blocks) {
            for (double v : block) out.putDouble(v);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, out.array());
    }

    private static long entry(JsonObject header, String name, long[] shape, long offset) {
        JsonObject tensor = new JsonObject();
        tensor.addProperty("dtype", "F64");
        JsonArray dims = new JsonArray();
        long count = 1;
        for (long d : shape) {
            dims.add(d);
            count *= d;
        }
        tensor.add("shape", dims);
        JsonArray offsets = new JsonArray();
        offsets.add(offset);
        offsets.add(offset + 8 * count);
        tensor.add("data_offsets", offsets);
        header.add(name, tensor);
        return offset + 8 * count;
    }
}
