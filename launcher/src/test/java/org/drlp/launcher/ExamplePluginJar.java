package org.drlp.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.drlp.api.ParameterSpec;
import org.osgi.service.component.annotations.Component;

/**
 * The example third-party plugin project (examples/third-party-plugin) as a bundle: its sources
 * compiled against the API alone, with the manifest and component descriptions bnd writes from
 * its {@code @Component} annotations (the project's own build makes the same bundle with
 * bnd-maven-plugin, which needs the API installed in the local repository; this test must not).
 */
final class ExamplePluginJar {

    static final Path PROJECT = Path.of("..", "examples", "third-party-plugin").toAbsolutePath().normalize();
    static final String BUNDLE = "org.example.drlp.bestofk";
    static final String VERSION = "1.0.0";

    /** A DS component of the example: its class, the SPI interface it provides, its name property. */
    record ExampleComponent(String type, String service, String name) {
    }

    static final List<ExampleComponent> COMPONENTS = List.of(
            new ExampleComponent("org.example.drlp.bestofk.BestOfKRule", "org.drlp.spi.PivotRuleProvider", "best-of-k"),
            new ExampleComponent("org.example.drlp.lifo.LastInFirstOutRule", "org.drlp.spi.DegeneracyRuleProvider",
                    "lifo-after"));

    private ExamplePluginJar() {
    }

    /** Compiles the example into {@code work} and drops its bundle into {@code plugins} in one atomic move. */
    static Path drop(Path work, Path plugins) throws IOException {
        Path classes = Files.createDirectories(work.resolve("example-classes"));
        compile(classes);
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", BUNDLE);
        main.putValue("Bundle-Version", VERSION);
        main.putValue("Import-Package", "org.drlp.api;version=\"[2.0,3)\",org.drlp.spi;version=\"[2.0,3)\"");
        List<String> descriptors = new ArrayList<>();
        for (ExampleComponent component : COMPONENTS) descriptors.add("OSGI-INF/" + component.type() + ".xml");
        main.putValue("Service-Component", String.join(",", descriptors));
        Path staging = Files.createTempFile(plugins, "example", ".part");
        try (OutputStream file = Files.newOutputStream(staging); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (ExampleComponent component : COMPONENTS) {
                jar.putNextEntry(new JarEntry("OSGI-INF/" + component.type() + ".xml"));
                jar.write(descriptor(component).getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path classFile : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(classFile));
                    jar.closeEntry();
                }
            }
        }
        return Files.move(staging, plugins.resolve(BUNDLE + "-" + VERSION + ".jar"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void compile(Path classes) throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = location(ParameterSpec.class) + java.io.File.pathSeparator + location(Component.class);
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "-cp", classPath));
        arguments.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        if (status != 0) throw new IllegalStateException("the example plugin does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The component description bnd writes for {@code @Component(service = ..., property = "name=...")}. */
    private static String descriptor(ExampleComponent component) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <property name="name" type="String" value="%s"/>
                  <service><provide interface="%s"/></service>
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(component.type(), component.name(), component.service(), component.type());
    }
}
