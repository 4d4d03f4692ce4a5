package org.drlp.launcher;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named set of bundles in install order, read from {@code features/NAME.json} on the class path
 * (the OSGi Feature format's {@code bundles} list of {@code group:artifact:version} ids). The
 * descriptor's {@code org.drlp.launcher} extension may add two settings of the launcher's own.
 *
 * @param includes            features whose bundles come before this one's own, so that a union
 *                            such as {@code all} never drifts from its parts
 * @param installedByDefault  false for a feature installed only when asked for (one that needs a
 *                            terminal, or a union that contains one)
 */
record Feature(String name, String description, List<String> includes, List<String> bundleFiles,
               boolean installedByDefault) {

    private static final String LAUNCHER_EXTENSION = "org.drlp.launcher";

    /** The features installed when none are named. */
    static List<String> defaults() {
        return available().values().stream().filter(Feature::installedByDefault).map(Feature::name).toList();
    }

    /** Every feature on the class path, by name. */
    static Map<String, Feature> available() {
        Map<String, Feature> features = new TreeMap<>();
        ClassPathFolder.list("features").forEach((file, url) -> {
            if (file.endsWith(".json")) {
                Feature feature = read(url);
                features.put(feature.name(), feature);
            }
        });
        return features;
    }

    /** The bundle files of the named features, includes first, each file once, in install order. */
    static List<String> bundleFiles(List<String> names) throws LaunchException {
        Map<String, Feature> available = available();
        Set<String> files = new LinkedHashSet<>();
        for (String name : names) {
            collect(name, available, files, new ArrayList<>());
        }
        return List.copyOf(files);
    }

    private static void collect(String name, Map<String, Feature> available, Set<String> files, List<String> path)
            throws LaunchException {
        Feature feature = available.get(name);
        if (feature == null) {
            throw new LaunchException("unknown feature '" + name + "'" + (path.isEmpty() ? "" : " (included by "
                    + String.join(" < ", path) + ")") + "; available: " + String.join(", ", available.keySet()));
        }
        if (path.contains(name)) {
            throw new LaunchException("feature " + name + " includes itself: " + String.join(" < ", path));
        }
        path.add(name);
        for (String included : feature.includes()) {
            collect(included, available, files, path);
        }
        path.remove(path.size() - 1);
        files.addAll(feature.bundleFiles());
    }

    private static Feature read(URL url) {
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            Descriptor descriptor = new Gson().fromJson(reader, Descriptor.class);
            List<String> files = new ArrayList<>();
            for (Descriptor.Entry bundle : descriptor.bundles) {
                String[] gav = bundle.id.split(":");
                if (gav.length != 3) {
                    throw new IllegalStateException(url + ": bundle id '" + bundle.id + "' is not group:artifact:version");
                }
                files.add(gav[1] + "-" + gav[2] + ".jar");
            }
            Descriptor.Extension extension = descriptor.extensions.get(LAUNCHER_EXTENSION);
            Descriptor.LauncherSettings settings = extension == null || extension.json == null
                    ? new Descriptor.LauncherSettings() : extension.json;
            return new Feature(descriptor.name, descriptor.description, List.copyOf(settings.includes), List.copyOf(files),
                    settings.installedByDefault);
        } catch (IOException | JsonParseException e) {
            throw new IllegalStateException("cannot read feature " + url + ": " + e.getMessage(), e);
        }
    }

    /** The JSON shape, bound by Gson. */
    private static final class Descriptor {
        String name;
        String description;
        List<Entry> bundles = List.of();
        Map<String, Extension> extensions = Map.of();

        private static final class Entry {
            String id;
        }

        /** An extension of the Feature format; only the JSON kind is used here. */
        private static final class Extension {
            LauncherSettings json;
        }

        private static final class LauncherSettings {
            List<String> includes = List.of();
            boolean installedByDefault = true;
        }
    }
}
