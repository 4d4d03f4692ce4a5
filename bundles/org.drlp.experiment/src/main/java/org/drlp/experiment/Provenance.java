package org.drlp.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Where results come from, as results.json records it: the machine, the Java and its flags, and the
 * workbench's version and the git commit it was built from (manifest headers {@value #VERSION_HEADER}
 * and {@value #COMMIT_HEADER}, written at build time; "unknown" for a build outside a git checkout).
 * Gathered once per experiment; each run's record carries a copy, so that runs merged from shards
 * on different hosts still say where each ran.
 */
final class Provenance {

    static final String VERSION_HEADER = "Drlp-Version", COMMIT_HEADER = "Drlp-Git-Commit";
    static final String UNKNOWN = "unknown";

    private Provenance() {
    }

    /** The machine, the Java and the workbench of this process. */
    static JsonObject environment() {
        JsonObject environment = new JsonObject();
        environment.addProperty("host", host());
        environment.addProperty("cpu", cpuModel());
        environment.addProperty("cores", Runtime.getRuntime().availableProcessors());
        for (String key : List.of("os.name", "os.arch", "java.version", "java.vendor", "java.vm.name")) {
            environment.addProperty(key, System.getProperty(key));
        }
        JsonArray flags = new JsonArray();
        jvmFlags().forEach(flags::add);
        environment.add("jvmFlags", flags);
        environment.add("workbench", workbench());
        return environment;
    }

    /** The workbench's version and commit, from this bundle's manifest. */
    static JsonObject workbench() {
        JsonObject workbench = new JsonObject();
        Attributes manifest = manifest();
        workbench.addProperty("version", header(manifest, VERSION_HEADER));
        workbench.addProperty("commit", header(manifest, COMMIT_HEADER));
        return workbench;
    }

    private static String header(Attributes manifest, String name) {
        String value = manifest == null ? null : manifest.getValue(name);
        return value == null || value.isBlank() ? UNKNOWN : value.trim();
    }

    /** The bundle's headers under OSGi; outside it (unit tests) the manifest next to the classes. */
    private static Attributes manifest() {
        Bundle bundle = FrameworkUtil.getBundle(Provenance.class);
        if (bundle != null) {
            Attributes attributes = new Attributes();
            for (String name : List.of(VERSION_HEADER, COMMIT_HEADER)) {
                String value = bundle.getHeaders().get(name);
                if (value != null) attributes.putValue(name, value);
            }
            return attributes;
        }
        try {
            CodeSource source = Provenance.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) return null;
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                Path file = path.resolve("META-INF/MANIFEST.MF");
                if (!Files.exists(file)) return null;
                try (InputStream in = Files.newInputStream(file)) {
                    return new Manifest(in).getMainAttributes();
                }
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                Manifest manifest = jar.getManifest();
                return manifest == null ? null : manifest.getMainAttributes();
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return null; // the record says "unknown"
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? UNKNOWN : fromEnvironment;
        }
    }

    /** The "model name" of /proc/cpuinfo on Linux; elsewhere what the system says, or the architecture. */
    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                String model = lines.filter(line -> line.startsWith("model name")).findFirst()
                        .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(null);
                if (model != null && !model.isEmpty()) return model;
            } catch (IOException | RuntimeException e) {
                // fall through to what else there is
            }
        }
        String identifier = System.getenv("PROCESSOR_IDENTIFIER");
        return identifier != null && !identifier.isBlank() ? identifier : System.getProperty("os.arch");
    }

    /** The JVM's own flags (-Xmx, -D...), not the program's arguments. */
    private static List<String> jvmFlags() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) { // no java.management in a trimmed runtime
            return List.of();
        }
    }
}
