package org.drlp.launcher;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named set of bundles in install order, read from {@code features/NAME.json} on the class path
 * (the OSGi Feature format's {@code bundles} list of {@code group:artifact:version} ids).
 */
record Feature(String name, String description, List<String> bundleFiles) {

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
            return new Feature(descriptor.name, descriptor.description, List.copyOf(files));
        } catch (IOException | JsonParseException e) {
            throw new IllegalStateException("cannot read feature " + url + ": " + e.getMessage(), e);
        }
    }

    /** The JSON shape, bound by Gson. */
    private static final class Descriptor {
        String name;
        String description;
        List<Entry> bundles = List.of();

        private static final class Entry {
            String id;
        }
    }
}
