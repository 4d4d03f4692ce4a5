package org.drlp.experiment;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drlp.api.SpecException;
import org.drlp.experiment.SpecDocument.Position;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads a spec file as strict JSON into a tree and records where every value starts. Walks the
 * tokens itself (rather than Gson's tree adapter) to record positions and to reject duplicate
 * keys, which Gson would silently overwrite. Syntax errors read {@code spec.json:3:15: reason}.
 */
final class SpecJsonReader {

    /** Gson's messages and {@code JsonReader.toString()} end in "at line L column C path P" (plus a help link). */
    private static final Pattern LOCATION =
            Pattern.compile("(.*?) at line (\\d+) column (\\d+)(?: path \\S*)?.*", Pattern.DOTALL);
    private static final String GSON_LENIENCY_HINT =
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";
    /** Deep nesting is never a real spec; the limit keeps the recursion off the stack's edge. */
    private static final int MAX_DEPTH = 64;

    private final Path file;
    private final String text;
    private final int[] lineStarts;
    private final JsonReader reader;
    private final Map<String, Position> positions = new HashMap<>();

    private SpecJsonReader(Path file, String text) {
        this.file = file;
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
    }

    static SpecDocument read(Path file) throws SpecException {
        if (Files.isDirectory(file)) throw new SpecException(file + ": cannot read: is a folder, not a spec file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new SpecException(file + ": cannot read: permission denied");
        } catch (FileSystemException e) {
            throw new SpecException(file + ": cannot read: " + (e.getReason() != null ? e.getReason()
                    : e.getClass().getSimpleName()), e);
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new SpecJsonReader(file, decode(file, bytes)).document();
    }

    /**
     * Strict UTF-8 (a replacement character would let a mangled name through as a different
     * one); a leading byte-order mark is dropped. A bad byte is named with its line and column.
     */
    static String decode(Path file, byte[] bytes) throws SpecException {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new SpecException(file + ":1:1: not UTF-8 text: the file is UTF-16 (it starts with a UTF-16 "
                    + "byte-order mark); save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new SpecException(String.format(Locale.ROOT,
                    "%s:%d:%d: not UTF-8 text: byte 0x%02X (at byte offset %d) is not valid UTF-8; save the file as UTF-8",
                    file, line, column, bytes[in.position()] & 0xFF, in.position()));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private SpecDocument document() throws SpecException {
        try {
            JsonElement root = value("", 0, valueStart());
            if (reader.peek() != JsonToken.END_DOCUMENT) throw error("unexpected text after the spec");
            if (!root.isJsonObject()) throw new SpecException(file + ":1:1: a spec must be a JSON object {...}");
            return new SpecDocument(file, root.getAsJsonObject(), positions);
        } catch (IOException e) { // MalformedJsonException, or EOFException at a premature end
            throw located(e.getMessage());
        }
    }

    /** @param start where the value starts, taken before anything peeked at it */
    private JsonElement value(String path, int depth, Position start) throws IOException, SpecException {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
        positions.put(path, start);
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) throw error("duplicate key \"" + name + "\"");
                    object.add(name, value(path.isEmpty() ? name : path + "." + name, depth + 1, valueStart()));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                JsonArray array = new JsonArray();
                reader.beginArray();
                Position next = valueStart(); // hasNext() peeks, which moves past the element's first token
                while (reader.hasNext()) {
                    array.add(value(path + "[" + array.size() + "]", depth + 1, next));
                    next = valueStart();
                }
                reader.endArray();
                return array;
            }
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER: // BigDecimal keeps the literal, so integers stay exact and values echo unchanged
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw error("unexpected " + reader.peek());
        }
    }

    /**
     * Where the next value starts. Gson tells only where it stands, which before a peek is just after
     * the previous token; between tokens strict JSON holds only whitespace, ':' and ',', so skip those.
     */
    private Position valueStart() {
        Position before = readerPosition();
        int lineStart = lineStarts[Math.min(before.line(), lineStarts.length) - 1];
        int offset = Math.min(text.length(), lineStart + before.column() - 1);
        while (offset < text.length() && " \t\r\n:,".indexOf(text.charAt(offset)) >= 0) offset++;
        int line = lineOf(offset);
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    private Position readerPosition() {
        Matcher m = LOCATION.matcher(reader.toString());
        if (!m.matches()) return new Position(1, 1);
        return new Position(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** 0-based line holding {@code offset}. */
    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') count++;
        int[] starts = new int[count];
        for (int i = 0, line = 1; i < text.length(); i++) if (text.charAt(i) == '\n') starts[line++] = i + 1;
        return starts;
    }

    private SpecException error(String reason) {
        Position at = readerPosition();
        return new SpecException(file + ":" + at + ": " + reason);
    }

    /** Turns Gson's "reason at line L column C path P" into "file:L:C: reason". */
    private SpecException located(String gsonMessage) {
        Matcher m = LOCATION.matcher(gsonMessage == null ? "" : gsonMessage);
        if (!m.matches()) return new SpecException(file + ": malformed JSON: " + gsonMessage);
        String reason = m.group(1)
                .replace(GSON_LENIENCY_HINT, "malformed JSON (names and strings need double quotes; "
                        + "comments, NaN and trailing commas or text are not allowed)")
                .replace("End of input", "unexpected end of file");
        return new SpecException(file + ":" + m.group(2) + ":" + m.group(3) + ": " + reason);
    }
}
