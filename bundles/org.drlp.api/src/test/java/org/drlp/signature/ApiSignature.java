package org.drlp.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public surface of a package as sorted lines {@code key = description}. The key names one
 * element (a type, or a member of one: {@code org.drlp.api.Solver method solve(double[])}); the
 * description is everything a user can depend on (modifiers, generic types, throws, role
 * annotations). Two signatures are equal exactly when the surface is.
 */
record ApiSignature(SortedMap<String, String> elements) {

    static final String SEPARATOR = " = ";

    ApiSignature {
        elements = Collections.unmodifiableSortedMap(new TreeMap<>(elements));
    }

    /** The key of a type's own line; its members' keys start with the same type name. */
    static String typeKey(String typeName) {
        return typeName + " type";
    }

    /** The type a key belongs to. */
    static String owner(String key) {
        return key.substring(0, key.indexOf(' '));
    }

    static boolean isTypeKey(String key) {
        return key.endsWith(" type") && key.indexOf(' ') == key.length() - " type".length();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>(elements.size());
        for (Map.Entry<String, String> e : elements.entrySet()) lines.add(e.getKey() + SEPARATOR + e.getValue());
        return lines;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines(), StandardCharsets.UTF_8);
    }

    static ApiSignature read(Path file) throws IOException {
        SortedMap<String, String> elements = new TreeMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) continue;
            int at = line.indexOf(SEPARATOR);
            if (at < 0) throw new IOException(file + ":" + number + ": no \"" + SEPARATOR.trim() + "\" in line: " + line);
            elements.put(line.substring(0, at), line.substring(at + SEPARATOR.length()));
        }
        return new ApiSignature(elements);
    }
}
