package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A sweep axis given as {@code {"files": "data/*.csv"}}: every file of a folder whose name matches
 * a glob, sorted by name. The folder part (up to the last {@code /}) is literal and relative to
 * the spec's folder; the values are the folder as written plus each file name, so that results
 * name the files as the spec does and stay portable.
 */
final class SweepFiles {

    static final String KEY = "files";

    private static final String WILDCARDS = "*?[]{}";

    private SweepFiles() {
    }

    /** Java's reasons read "Missing ']"; the quote is closed and the first letter lowered. */
    private static String describe(PatternSyntaxException e) {
        String reason = e.getDescription();
        if (reason.chars().filter(c -> c == '\'').count() % 2 == 1) reason += "'";
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    /**
     * The matching paths, or null after reporting why there are none.
     *
     * @param where  the axis in the file, for example {@code sweep.data.path}
     */
    static JsonArray expand(JsonObject axis, Path baseDirectory, String where, SpecProblems problems) {
        for (String key : axis.keySet()) {
            if (!key.equals(KEY)) {
                problems.add(where + "." + key, "unknown key \"" + key + "\" in a file axis; it takes only \""
                        + KEY + "\", a pattern such as \"data/*.csv\"");
                return null;
            }
        }
        JsonElement value = axis.get(KEY);
        String at = where + "." + KEY;
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
                || value.getAsString().isEmpty()) {
            problems.add(value == null ? where : at, "a file axis needs \"" + KEY
                    + "\": a pattern such as \"data/*.csv\" (relative to the spec's folder)");
            return null;
        }
        String glob = value.getAsString();
        int slash = glob.lastIndexOf('/');
        String folder = slash < 0 ? "" : glob.substring(0, slash + 1);
        String namePattern = glob.substring(slash + 1);
        if (folder.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0)) {
            problems.add(at, "\"" + glob + "\": wildcards may stand only in the file name, not in the folder \""
                    + folder + "\"");
            return null;
        }
        if (namePattern.isEmpty()) {
            problems.add(at, "\"" + glob + "\" names a folder; add a file name pattern such as \"*.csv\"");
            return null;
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + namePattern);
        } catch (PatternSyntaxException e) {
            problems.add(at, "\"" + glob + "\" is not a valid pattern: " + describe(e));
            return null;
        }
        Path directory = baseDirectory.resolve(folder.isEmpty() ? "." : folder).normalize();
        if (!Files.isDirectory(directory)) {
            problems.add(at, "no folder " + directory + " (for \"" + glob + "\")");
            return null;
        }
        List<String> names;
        try (Stream<Path> files = Files.list(directory)) {
            names = files.filter(Files::isRegularFile).map(Path::getFileName)
                    .filter(matcher::matches).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            problems.add(at, "cannot list " + directory + ": " + IoMessages.reason(e));
            return null;
        }
        if (names.isEmpty()) {
            problems.add(at, "no file matches " + glob + " in " + directory);
            return null;
        }
        JsonArray paths = new JsonArray();
        for (String name : names) paths.add(folder + name);
        return paths;
    }
}
