package org.drlp.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The bundles of the distribution as Pax Exam options: the features' descriptors say which, in
 * order, and the launcher's embedded bundles/ folder supplies the jars, exactly as the launcher does.
 */
final class Distribution {

    private Distribution() {
    }

    /**
     * What every test container needs: JUnit, SLF4J for Pax Exam's invoker, the examples folder as
     * {@code drlp.examples}, the API bundle, and the named features in order.
     */
    static List<Option> withFeatures(String... names) {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(mavenBundle("org.slf4j", "slf4j-api", System.getProperty("slf4j.version")));
        options.add(mavenBundle("org.slf4j", "slf4j-simple", System.getProperty("slf4j.version")).noStart());
        options.add(systemProperty("drlp.examples").value(System.getProperty("drlp.examples")));
        options.add(api(System.getProperty("drlp.version")));
        options.addAll(features(names));
        return options;
    }

    static List<Option> features(String... names) {
        List<Option> options = new ArrayList<>();
        for (String name : names) {
            JsonObject feature = read(resource("features/" + name + ".json")).getAsJsonObject();
            for (JsonElement entry : feature.getAsJsonArray("bundles")) {
                String[] gav = entry.getAsJsonObject().get("id").getAsString().split(":");
                options.add(bundle(resource("bundles/" + gav[1] + "-" + gav[2] + ".jar").toExternalForm()));
            }
        }
        return options;
    }

    /** The API bundle: inside Pax Exam it is an ordinary bundle, not a system-bundle export. */
    static Option api(String version) {
        return bundle(resource("bundles/org.drlp.api-" + version + ".jar").toExternalForm());
    }

    private static URL resource(String name) {
        URL url = Distribution.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not in the distribution on the test class path");
        }
        return url;
    }

    private static JsonElement read(URL url) {
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
